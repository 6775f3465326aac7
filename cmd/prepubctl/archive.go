package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"prepub/index"
	"prepub/review"
	"prepub/review/scan"
)

// archiveFlags are the flags every archive command takes.
type archiveFlags struct {
	dir  *string
	json *bool
}

func addArchiveFlags(fs *flag.FlagSet) archiveFlags {
	return archiveFlags{
		dir:  fs.String("archive", "", "档案库文件夹（默认：用户数据文件夹中的 prepub）"),
		json: fs.Bool("json", false, "输出 JSON"),
	}
}

// open opens the archive and waits for its search index to be in step with
// the store, showing the repair's progress on a terminal.
func (f archiveFlags) open(stderr io.Writer) (*index.Archive, error) {
	dir, err := f.folder()
	if err != nil {
		return nil, err
	}
	a, err := index.Open(dir, progressBar(stderr, "重建检索索引"))
	if err != nil {
		return nil, err
	}
	a.WaitIndexed(context.Background())
	printIndexProblems(stderr, a)
	return a, nil
}

// printIndexProblems names the records the search index could not take.
func printIndexProblems(w io.Writer, a *index.Archive) {
	for _, p := range a.IndexProblems() {
		fmt.Fprintf(w, "检索索引未收录：%s\n", p.Reason)
	}
}

// openRead opens the archive for commands that only read it: read-only when
// its folder cannot be written (a copy on a read-only share), else as open does.
func (f archiveFlags) openRead(stderr io.Writer) (*index.Archive, error) {
	dir, err := f.folder()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(dir); err == nil && !index.Writable(dir) {
		return index.OpenReadOnly(dir, progressBar(stderr, "建立检索索引"))
	}
	return index.Open(dir, progressBar(stderr, "重建检索索引"))
}

// folder is the archive folder: --archive, else the user's data folder.
func (f archiveFlags) folder() (string, error) {
	if *f.dir != "" {
		return *f.dir, nil
	}
	return index.DefaultDir()
}

// progressBar returns a progress callback that draws on a terminal, or nil when stderr is not one.
func progressBar(w io.Writer, what string) func(done, total int) {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return func(done, total int) {
		if total == 0 {
			return
		}
		n := done * 30 / total
		fmt.Fprintf(w, "\r%s [%s%s] %d/%d", what, strings.Repeat("█", n), strings.Repeat("·", 30-n), done, total)
		if done == total {
			fmt.Fprintln(w)
		}
	}
}

func actor() string {
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return "unknown"
}

func jsonLine(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func runArchive(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "用法：prepubctl archive add|list|show|reindex|repeal|expire|reinstate ...")
		return exitUsage
	}
	switch args[0] {
	case "add":
		return runArchiveAdd(args[1:], stdout, stderr)
	case "list":
		return runArchiveList(args[1:], stdout, stderr)
	case "show":
		return runArchiveShow(args[1:], stdout, stderr)
	case "repeal", "expire", "reinstate":
		return runArchiveValidity(args[0], args[1:], stdout, stderr)
	case "reindex":
		fs := newFlagSet("archive reindex", "archive reindex [--archive DIR]", stderr)
		af := addArchiveFlags(fs)
		if _, err := parseInterleaved(fs, args[1:]); err != nil {
			return exitUsage
		}
		a, err := af.open(stderr)
		if err != nil {
			return fail(stderr, err)
		}
		defer a.Close()
		if err := a.Reindex(context.Background(), progressBar(stderr, "重建检索索引")); err != nil {
			return fail(stderr, err)
		}
		printIndexProblems(stderr, a)
		return exitOK
	}
	fmt.Fprintf(stderr, "未知的 archive 子命令 %q：应为 add、list、show、reindex、repeal、expire 或 reinstate\n", args[0])
	return exitUsage
}

// importable lists the files under the given paths, folders walked, in name order.
func importable(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("找不到 %s", p)
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		var files []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		out = append(out, files...)
	}
	return out, nil
}

func runArchiveAdd(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("archive add", "archive add --attr A [--basis CODE] [--reason TEXT] [--title T] [--department D] [--date YYYY-MM-DD] [--doc-type regulation|normative|other] [--valid-until YYYY-MM-DD] [--archive DIR] [--json] FILE|FOLDER...", stderr)
	af := addArchiveFlags(fs)
	attr := fs.String("attr", "", "已决定的公开属性：public、on-request 或 withheld")
	basis := fs.String("basis", "", "不予公开的法律依据代码")
	reason := fs.String("reason", "", "理由")
	title := fs.String("title", "", "标题（默认从正文推断）")
	dept := fs.String("department", "", "部门")
	date := fs.String("date", "", "成文日期 YYYY-MM-DD")
	docType := fs.String("doc-type", "other", "文件类型：regulation（规章）、normative（行政规范性文件）或 other（其他）")
	validUntil := fs.String("valid-until", "", "有效期至 YYYY-MM-DD（规范性文件的有效期，到期次日起自动失效）")
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "请指定要导入的文件或文件夹")
		return exitUsage
	}
	files, err := importable(paths)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	kind, err := review.ParseDocType(*docType)
	if err != nil {
		fmt.Fprintln(stderr, review.ErrorMessage(err))
		return exitUsage
	}
	a, err := af.open(stderr)
	if err != nil {
		return fail(stderr, err)
	}
	defer a.Close()
	sc, err := scan.Default()
	if err != nil {
		return fail(stderr, err)
	}
	meta := index.ImportMeta{Attribute: review.Attribute(*attr), Basis: *basis, Reason: *reason, Title: *title,
		Department: *dept, Date: *date, Actor: actor(), DocType: kind, ValidUntil: *validUntil}
	progress := progressBar(stderr, "导入")
	status := exitOK
	for i, f := range files {
		out := map[string]any{"file": f}
		data, err := os.ReadFile(f)
		if err == nil {
			var id int64
			var st string
			id, st, err = a.Import(context.Background(), sc, f, data, meta)
			out["id"], out["status"] = id, st
			if err == nil && st == index.Added {
				if r, gerr := a.Store.Get(context.Background(), id); gerr == nil && r.Unreadable != "" {
					out["unreadable"] = r.Unreadable
				}
			}
		}
		if err != nil {
			out["status"], out["message"] = "refused", review.ErrorMessage(err)
			if review.ErrorCode(err) == review.ErrInvalid {
				fmt.Fprintln(stderr, review.ErrorMessage(err))
				return exitUsage
			}
			status = exitFindings
		}
		if *af.json {
			jsonLine(stdout, out)
		} else if progress == nil {
			fmt.Fprintf(stdout, "%s\t%v\t%v\n", f, out["status"], out["id"])
		}
		if progress != nil {
			progress(i+1, len(files))
		}
	}
	return status
}

func runArchiveList(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("archive list", "archive list [--attr A] [--limit N] [--archive DIR] [--json]", stderr)
	af := addArchiveFlags(fs)
	attr := fs.String("attr", "", "只列出该公开属性")
	limit := fs.Int("limit", 100, "最多列出条数")
	if _, err := parseInterleaved(fs, args); err != nil {
		return exitUsage
	}
	return searchArchive(af, index.Query{Attribute: *attr, Limit: *limit}, stdout, stderr)
}

// searchArchive opens the archive, runs a query and prints its hits.
func searchArchive(af archiveFlags, q index.Query, stdout, stderr io.Writer) int {
	a, err := af.openRead(stderr)
	if err != nil {
		return fail(stderr, err)
	}
	defer a.Close()
	hits, err := a.Search(context.Background(), q)
	if err != nil {
		return fail(stderr, err)
	}
	printHits(stdout, hits, *af.json)
	return exitOK
}

func runArchiveShow(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("archive show", "archive show [--archive DIR] [--json] ID", stderr)
	af := addArchiveFlags(fs)
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "请指定一个记录编号")
		return exitUsage
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil {
		fmt.Fprintf(stderr, "记录编号 %q 无效\n", pos[0])
		return exitUsage
	}
	a, err := af.open(stderr)
	if err != nil {
		return fail(stderr, err)
	}
	defer a.Close()
	r, err := a.Store.Get(context.Background(), id)
	if err != nil {
		fmt.Fprintln(stderr, review.ErrorMessage(err))
		return exitFindings
	}
	audit, _ := a.Store.Audit(context.Background(), id)
	cat, validity := standing(a, r)
	if *af.json {
		jsonLine(stdout, map[string]any{"record": r, "audit": audit, "catalogue": cat, "validity": validity})
		return exitOK
	}
	fmt.Fprintf(stdout, "第 %d 号：%s\n文件：%s（%s）\n部门：%s  成文日期：%s\n决定：%s", r.ID, r.Title, r.File, r.FileHash[:12], r.Department, r.IssueDate, r.Attribute.Chinese())
	if b, ok := review.LookupBasis(r.Basis); ok {
		fmt.Fprintf(stdout, "（%s，%s）", b.Name, b.Article)
	}
	fmt.Fprintf(stdout, "\n理由：%s\n状态：%s\n", r.Reason, r.State)
	printStanding(stdout, r, cat, validity)
	if r.Unreadable != "" {
		fmt.Fprintf(stdout, "注意：原文件%s\n", r.Unreadable)
	}
	fmt.Fprintf(stdout, "保密检查结果 %d 条\n经办记录：\n", len(r.Findings))
	for _, h := range r.History {
		fmt.Fprintf(stdout, "  %s %s（%s）%s %s\n", h.At.Local().Format("2006-01-02 15:04"), h.User, h.Role.Chinese(), h.Action, h.Note)
	}
	return exitOK
}

func printHits(w io.Writer, hits []index.Hit, asJSON bool) {
	for _, h := range hits {
		if asJSON {
			jsonLine(w, h)
			continue
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\n", h.ID, h.Date, review.Attribute(h.Attribute).Chinese(), h.Title, h.Snippet)
	}
}

// parseDate reads a YYYY-MM-DD flag value, empty meaning none.
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation("2006-01-02", s, time.Local)
	if err != nil {
		return t, fmt.Errorf("日期 %q 无效：应为 YYYY-MM-DD", s)
	}
	return t, nil
}

func runSearch(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("search", "search [--attr A] [--basis CODE] [--state S] [--department D] [--from DATE] [--to DATE] [--limit N] [--archive DIR] [--json] QUERY", stderr)
	af := addArchiveFlags(fs)
	q := index.Query{}
	fs.StringVar(&q.Attribute, "attr", "", "公开属性")
	fs.StringVar(&q.Basis, "basis", "", "法律依据代码")
	fs.StringVar(&q.State, "state", "", "状态")
	fs.StringVar(&q.Department, "department", "", "部门")
	from := fs.String("from", "", "起始日期 YYYY-MM-DD")
	to := fs.String("to", "", "截止日期 YYYY-MM-DD（含）")
	fs.IntVar(&q.Limit, "limit", 20, "最多返回条数")
	words, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage
	}
	q.Text = strings.Join(words, " ")
	if q.From, err = parseDate(*from); err == nil {
		q.To, err = parseDate(*to)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if q.Text == "" && q.Attribute == "" && q.Basis == "" && q.State == "" && q.Department == "" && q.From.IsZero() && q.To.IsZero() {
		fmt.Fprintln(stderr, "请给出检索词或筛选条件")
		return exitUsage
	}
	return searchArchive(af, q, stdout, stderr)
}

func runVerify(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("verify", "verify [--archive DIR | --db URL] [--code CODE | --checkpoint FILE --key FILE.pub] [--json]", stderr)
	sf := addStoreFlags(fs)
	af := sf.archiveFlags
	code := fs.String("code", "", "核验审查表上的验证码（XXXX-XXXX-XXXX-XXXX）")
	checkpoint := fs.String("checkpoint", "", "另核对审计链仍到达该检查点文件记下的链尾")
	pubKey := fs.String("key", "", "受信任的检查点公钥文件（.pub），与 --checkpoint 同用")
	if _, err := parseInterleaved(fs, args); err != nil {
		return exitUsage
	}
	if msg := sf.usageErr(); msg != "" {
		fmt.Fprintln(stderr, msg)
		return exitUsage
	}
	switch {
	case *checkpoint != "" && *code != "":
		fmt.Fprintln(stderr, "--code 和 --checkpoint 不能同时使用")
		return exitUsage
	case (*checkpoint == "") != (*pubKey == ""):
		fmt.Fprintln(stderr, "--checkpoint 须与 --key 同用：--key 给出受信任的公钥文件（.pub），检查点文件自带的公钥不作数")
		return exitUsage
	}
	if *code != "" {
		return runVerifyCode(sf, *code, stdout, stderr)
	}
	st, err := sf.openReadOnly()
	if err != nil {
		return fail(stderr, err)
	}
	defer st.Close()
	ctx := context.Background()
	v, err := st.Verify(ctx)
	if err != nil {
		return fail(stderr, err)
	}
	if v.OK && *checkpoint != "" {
		if err := checkCheckpoint(ctx, st, v, *checkpoint, *pubKey); err != nil {
			return fail(stderr, err)
		}
	}
	if *af.json {
		jsonLine(stdout, v)
	} else if v.OK {
		fmt.Fprintf(stdout, "审计链完整：%d 条审计记录，%d 条档案记录，均与库中数据一致。\n链尾哈希：%s（可另行记录，用于日后核对）\n", v.Entries, v.Records, v.Head)
		if *checkpoint != "" {
			fmt.Fprintf(stdout, "审计链仍到达检查点 %s 记下的链尾。\n", *checkpoint)
		}
	} else {
		fmt.Fprintf(stdout, "审计链不一致：%s\n", v.Problem)
	}
	if !v.OK {
		return exitFindings
	}
	return exitOK
}

func runReReview(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("rereview", "rereview [--days N] [--keep ID --note TEXT | --convert ID --note TEXT | --expired] [--rules FILE] [--archive DIR] [--json]", stderr)
	af := addArchiveFlags(fs)
	days := fs.Int("days", 365, "复查周期（天）")
	keep := fs.Int64("keep", 0, "维持该记录的决定")
	convert := fs.Int64("convert", 0, "将该记录转为主动公开（按新的流程审批）")
	note := fs.String("note", "", "复查意见")
	expired := fs.Bool("expired", false, "列出保密期限已满的密级标志")
	rulesFile := fs.String("rules", "", "规则文件（转为公开时使用）")
	if _, err := parseInterleaved(fs, args); err != nil {
		return exitUsage
	}
	a, err := af.open(stderr)
	if err != nil {
		return fail(stderr, err)
	}
	defer a.Close()
	ctx := context.Background()
	switch {
	case *keep != 0:
		if err := a.Keep(ctx, *keep, actor(), *note); err != nil {
			fmt.Fprintln(stderr, review.ErrorMessage(err))
			return exitFindings
		}
		fmt.Fprintf(stdout, "已维持第 %d 号记录的决定。\n", *keep)
	case *convert != 0:
		rules, err := loadRules(*rulesFile)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitUsage
		}
		id, out, err := a.Convert(ctx, rules, *convert, actor(), *note)
		if err != nil {
			fmt.Fprintln(stderr, review.ErrorMessage(err))
			return exitFindings
		}
		if *af.json {
			jsonLine(stdout, map[string]any{"id": id, "outcome": out})
		} else {
			fmt.Fprintf(stdout, "已建立第 %d 号记录（转为主动公开），结果：%s\n", id, out.Result)
			for _, s := range out.Route {
				fmt.Fprintf(stdout, "  %s —— %s\n", s.Role.Chinese(), s.Why)
			}
			for _, r := range out.Returns {
				fmt.Fprintf(stdout, "  退文：%s\n", r.Message)
			}
		}
	case *expired:
		exp, err := a.ExpiredMarkings(ctx, time.Now())
		if err != nil {
			return fail(stderr, err)
		}
		for _, e := range exp {
			if *af.json {
				jsonLine(stdout, e)
			} else {
				fmt.Fprintf(stdout, "%d\t%s\t%s\t自 %s 起，%s 到期\n", e.ID, e.Title, e.Marking, e.From, e.Expires.Format("2006-01-02"))
			}
		}
	default:
		due, err := a.ReviewDue(ctx, time.Now(), time.Duration(*days)*24*time.Hour)
		if err != nil {
			return fail(stderr, err)
		}
		for _, r := range due {
			if *af.json {
				jsonLine(stdout, map[string]any{"id": r.ID, "title": r.Title, "attribute": r.Attribute, "basis": r.Basis, "decided_at": r.DecidedAt, "reviewed_at": r.ReviewedAt})
			} else {
				fmt.Fprintf(stdout, "%d\t%s\t%s\t%s\n", r.ID, r.Attribute.Chinese(), r.DecidedAt.Local().Format("2006-01-02"), r.Title)
			}
		}
	}
	return exitOK
}
