package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"prepub/review"
	"prepub/review/release"
)

// runRelease writes the release copy of a .docx draft, or of an archived decision.
func runRelease(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("release", "release [--withhold TEXT]... [--basis CODE --reason TEXT] [--mask] [--json] --out FILE DRAFT.docx\n       prepubctl release --archive DIR --id ID [--mask] [--json] --out FILE", stderr)
	af := addArchiveFlags(fs)
	var withhold multiFlag
	fs.Var(&withhold, "withhold", "要删除的原文（可多次给出），替换为注明依据条款的说明")
	basis := fs.String("basis", "", "删除内容的法律依据代码，如 third-party")
	reason := fs.String("reason", "", "删除的理由")
	mask := fs.Bool("mask", false, "遮盖身份证号、手机号、银行卡号（与 --id 同用时按原文件重新生成）")
	out := fs.String("out", "", "发布稿写到哪个文件")
	id := fs.Int64("id", 0, "档案库中的记录编号（代替草稿文件）：写出签发时存档的发布稿，没有存档的按原文件生成")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage
	}
	if msg := releaseUsage(files, withhold, *basis, *reason, *out, *id); msg != "" {
		fmt.Fprintln(stderr, msg)
		return exitUsage
	}
	opt := release.Options{Mask: *mask}
	var data []byte
	if *id != 0 && !*mask {
		if code, done := storedRelease(af, *id, *out, stdout, stderr); done {
			return code
		}
	}
	if *id != 0 {
		var code int
		if data, opt.Withhold, code = archivedDraft(af, *id, stderr); code != exitOK {
			return code
		}
	} else {
		if same(files[0], *out) {
			fmt.Fprintln(stderr, "--out 不能是草稿文件本身：发布稿须另存为一个新文件")
			return exitUsage
		}
		if data, err = os.ReadFile(files[0]); err != nil {
			fmt.Fprintf(stderr, "无法读取 %s：请确认路径正确且有读取权限\n", files[0])
			return exitUnreadable
		}
		for _, w := range withhold {
			opt.Withhold = append(opt.Withhold, review.Redaction{Text: w, Basis: *basis, Reason: *reason})
		}
	}
	released, rep, err := release.DOCX(data, opt)
	if err != nil {
		fmt.Fprintln(stderr, review.ErrorMessage(err))
		if review.ErrorCode(err) == review.ErrUnreadable {
			return exitUnreadable
		}
		return exitFindings
	}
	if err := writeFileAtomic(*out, released); err != nil {
		fmt.Fprintf(stderr, "无法写入 %s：%v\n", *out, err)
		return exitFindings
	}
	if *af.json {
		jsonLine(stdout, map[string]any{"out": *out, "report": rep})
	} else {
		printRelease(stdout, *out, rep)
	}
	return exitOK
}

// releaseUsage returns what is wrong with the command line, or "".
func releaseUsage(files, withhold []string, basis, reason, out string, id int64) string {
	switch {
	case out == "":
		return "请用 --out 指定发布稿的文件名"
	case id != 0 && len(files) > 0:
		return "--id 与草稿文件只能给出其一"
	case id != 0 && (len(withhold) > 0 || basis != "" || reason != ""):
		return "档案记录的发布稿按档案中的删除内容和依据生成：--id 不能与 --withhold、--basis、--reason 同用"
	case id == 0 && len(files) != 1:
		return "请指定一个草稿文件（.docx），或用 --archive DIR --id ID 指定档案记录"
	case len(withhold) == 0 && (basis != "" || reason != ""):
		return "--basis 和 --reason 说明的是 --withhold 删除的内容：请同时给出 --withhold"
	case len(withhold) > 0 && (basis == "" || strings.TrimSpace(reason) == ""):
		return "删除内容须依法说明：请用 --basis 给出法律依据代码，用 --reason 写明理由"
	}
	if _, ok := review.LookupBasis(basis); len(withhold) > 0 && !ok {
		return fmt.Sprintf("法律依据代码 %q 无效：应为 %s", basis, basisCodes())
	}
	for _, w := range withhold {
		if strings.TrimSpace(w) == "" {
			return "--withhold 的内容是空的：请填写要删除的原文"
		}
	}
	return ""
}

func basisCodes() string {
	var codes []string
	for _, b := range review.Bases {
		codes = append(codes, b.Code)
	}
	return strings.Join(codes, "、")
}

// archivedDraft returns an archived decision's original file and the passages it withholds
// (index.Archive.ReleaseSource decides which decisions have a release copy).
func archivedDraft(af archiveFlags, id int64, stderr io.Writer) ([]byte, []review.Redaction, int) {
	a, err := af.open(stderr)
	if err != nil {
		return nil, nil, fail(stderr, err)
	}
	defer a.Close()
	data, withheld, err := a.ReleaseSource(context.Background(), id)
	if err != nil {
		fmt.Fprintln(stderr, review.ErrorMessage(err))
		if review.ErrorCode(err) == review.ErrUnreadable {
			return nil, nil, exitUnreadable
		}
		return nil, nil, exitFindings
	}
	return data, withheld, exitOK
}

// storedRelease writes the copy an archived decision kept at its last
// signature, when it kept one (done is then true); masking is not part of a
// kept copy, so --mask makes a new one instead.
func storedRelease(af archiveFlags, id int64, out string, stdout, stderr io.Writer) (code int, done bool) {
	a, err := af.open(stderr)
	if err != nil {
		return fail(stderr, err), true
	}
	defer a.Close()
	c, err := a.StoredReleaseCopy(context.Background(), id)
	switch {
	case review.ErrorCode(err) == review.ErrNotFound:
		return 0, false // said by the path that makes a copy
	case err != nil:
		fmt.Fprintln(stderr, review.ErrorMessage(err))
		return exitFindings, true
	case c == nil:
		return 0, false
	}
	if err := writeFileAtomic(out, c.Data); err != nil {
		fmt.Fprintf(stderr, "无法写入 %s：%v\n", out, err)
		return exitFindings, true
	}
	if *af.json {
		jsonLine(stdout, map[string]any{"out": out, "stored": true, "sha256": c.Hash, "made_at": c.MadeAt})
	} else {
		fmt.Fprintf(stdout, "已写出第 %d 号记录签发时存档的发布稿：%s\n  生成于 %s，SHA-256 %s（与审计链一致）\n", id, out, c.MadeAt, c.Hash)
	}
	return exitOK, true
}

// same reports whether two paths name the same file.
func same(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb) || filepath.Clean(a) == filepath.Clean(b)
}

// writeFileAtomic writes data to a new file beside path and renames it into place, so nothing half-written is left.
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".prepub-release-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// printRelease says in Chinese what the copy left out.
func printRelease(w io.Writer, out string, rep *release.Report) {
	fmt.Fprintf(w, "已生成发布稿：%s\n", out)
	for _, p := range rep.Passages {
		if p.Count == 0 {
			fmt.Fprintf(w, "  删除“%s”：仅见于隐藏内容，已随之删除\n", p.Text)
			continue
		}
		fmt.Fprintf(w, "  删除“%s”%d 处，替换为%s\n", p.Text, p.Count, p.Note)
	}
	for _, m := range rep.Masked {
		fmt.Fprintf(w, "  遮盖个人信息 %s %d 处\n", m.Text, m.Count)
	}
	a := rep.Accepted
	fmt.Fprintf(w, "  接受修订：插入 %d、删除 %d、移动 %d、格式 %d；删除批注 %d 条、隐藏文字 %d 处、自定义 XML %d 处\n",
		a.Insertions, a.Deletions, a.Moves, a.Formatting, rep.Comments, rep.HiddenRuns, rep.CustomXML)
	if len(rep.Properties) > 0 {
		fmt.Fprintf(w, "  清除文档属性：%s\n", strings.Join(rep.Properties, "、"))
	}
	if len(rep.PartsRemoved) > 0 {
		fmt.Fprintf(w, "  删除部件：%s\n", strings.Join(rep.PartsRemoved, "、"))
	}
	fmt.Fprintln(w, "  已复核：发布稿中没有隐藏内容、要删除的文字和未遮盖的个人信息")
}
