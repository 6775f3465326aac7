package main

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"prepub/review/extract"
	"prepub/review/scan"
)

// multiFlag collects a flag given several times.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func runScan(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("scan", "scan [--attr public|on-request|withheld] [--json] [--mask] [--keywords FILE] [--allow FILE] [--max-size MB] [--max-text MB] [--max-findings N] FILE|FOLDER...", stderr)
	attr := fs.String("attr", "", "所选公开属性：public（主动公开）、on-request（依申请公开）、withheld（不予公开）")
	asJSON := fs.Bool("json", false, "每个文件输出一行 JSON")
	mask := fs.Bool("mask", false, "遮盖身份证号、手机号、银行卡号（如 138****1234）")
	var keywords multiFlag
	fs.Var(&keywords, "keywords", "本单位的关键词文件（TOML，可多次指定），追加在内置关键词之后")
	allow := fs.String("allow", "", "本单位的白名单文件（TOML）")
	maxMB := fs.Int64("max-size", 200, "单个文件大小上限（MB）")
	def := extract.DefaultLimits()
	maxText := fs.Int64("max-text", def.MaxPartsBytes>>20, "单个文件提取出的文字上限（MB）")
	maxFindings := fs.Int("max-findings", scan.MaxFindings, "单个文件发现问题的上限，超过即不予检查")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "请指定要检查的文件或文件夹")
		fs.Usage()
		return exitUsage
	}
	if *attr != "" && scan.AttributeName(*attr) == *attr {
		fmt.Fprintf(stderr, "--attr 的值 %q 无效：应为 public、on-request 或 withheld\n", *attr)
		return exitUsage
	}
	sc, err := loadScanner(keywords, *allow)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	lim := def
	lim.MaxFileBytes, lim.MaxPartsBytes = *maxMB<<20, *maxText<<20

	status := exitOK
	out := bufio.NewWriterSize(stdout, 64<<10) // the readable report is many small writes
	opt := scan.Options{Attr: *attr, MaxFindings: *maxFindings}
	emit := func(fr *scan.FileReport) bool {
		if *mask {
			fr = fr.Masked()
		}
		switch {
		case fr.Status == scan.StatusUnreadable:
			status = exitUnreadable
		case fr.Critical && status == exitOK:
			status = exitFindings
		}
		var err error
		if *asJSON {
			err = fr.WriteJSON(out)
		} else {
			printReport(out, fr)
		}
		if err == nil {
			err = out.Flush() // each file's report as soon as it is done
		}
		if err != nil {
			fmt.Fprintln(stderr, err)
			status = exitUnreadable
			return false
		}
		return true
	}
	targets := scanTargets(files, stderr)
	if len(targets) == 1 && targets[0].err == nil {
		// One file: mapped rather than copied, released once its report is written.
		fr, release := scanFile(sc, targets[0].path, lim, opt)
		emit(fr)
		release()
		return status
	}
	if len(targets) > 1 {
		lim.PDFWorkers = 1 // the other files keep every core busy: splitting a PDF's pages would only parse it twice
	}
	scanAll(targets, func(path string) *scan.FileReport {
		fr := sc.ScanFile(path, lim, opt)
		fr.Doc = nil // the report is printed, not the text: a folder's texts need not stay in memory
		return fr
	}, emit)
	return status
}

// scanFile scans one file, mapped into memory where the system allows so a
// large text is not copied; release must be called once the report is no
// longer used, since its texts may point into the mapping.
func scanFile(sc *scan.Scanner, path string, lim extract.Limits, opt scan.Options) (fr *scan.FileReport, release func()) {
	if data, unmap, ok := mapFile(path, lim.MaxFileBytes); ok {
		return sc.ScanBytes(path, data, lim, opt), unmap
	}
	return sc.ScanFile(path, lim, opt), func() {}
}

// loadScanner builds the scanner from the embedded keywords plus an office's files.
func loadScanner(keywordFiles []string, allowFile string) (*scan.Scanner, error) {
	sc, _, err := scan.LoadPolicy(keywordFiles, allowFile)
	return sc, err
}

// printReport writes the readable Chinese report of one file.
func printReport(w io.Writer, fr *scan.FileReport) {
	fmt.Fprintf(w, "文件：%s\n", fr.File)
	if fr.Status == scan.StatusUnreadable {
		fmt.Fprintf(w, "  结论：%s\n  此文件未经检查，不能视为通过。\n\n", fr.Reason)
		return
	}
	counts := map[scan.Severity]int{}
	for _, f := range fr.Findings {
		counts[f.Severity]++
	}
	verdict := "未发现严重问题"
	if fr.Critical {
		verdict = "发现密级标志，不得公开"
	} else if counts[scan.High] > 0 {
		verdict = "有高风险问题，须保密审查"
	}
	fmt.Fprintf(w, "  结论：%s（严重 %d，高 %d，中 %d，低 %d", verdict,
		counts[scan.Critical], counts[scan.High], counts[scan.Medium], counts[scan.Low])
	if fr.Allowed > 0 {
		fmt.Fprintf(w, "；白名单放行 %d", fr.Allowed)
	}
	fmt.Fprintf(w, "）\n  文字覆盖率：%.0f%%\n", fr.Coverage*100)
	if fr.Reason != "" {
		fmt.Fprintf(w, "  注意：%s\n", fr.Reason)
	}
	fs := append([]scan.Finding(nil), fr.Findings...)
	sort.SliceStable(fs, func(a, b int) bool { return fs[a].Severity.Rank() > fs[b].Severity.Rank() })
	for _, f := range fs {
		hidden := ""
		if f.Hidden {
			hidden = "【隐藏】"
		}
		fmt.Fprintf(w, "  [%s] %s%s %s 第%d行：%q — %s\n", f.Severity.Chinese(), hidden,
			f.Part.Name(), f.PartName, f.Line, f.Text, f.Note)
	}
	for _, s := range fr.Statements {
		fmt.Fprintf(w, "  正文写明的公开属性：%s（%q）\n", scan.AttributeName(s.Attribute), s.Text)
	}
	fmt.Fprintln(w)
}
