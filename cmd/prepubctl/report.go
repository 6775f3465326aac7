package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"prepub/index"
	"prepub/review"
)

// setFlags collects repeated KEY=VALUE flags.
type setFlags map[string]string

// String is what flag prints as the default: nothing.
func (s setFlags) String() string { return "" }

// Set takes one KEY=VALUE; an empty value clears the item.
func (s setFlags) Set(v string) error {
	k, val, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(k) == "" {
		return fmt.Errorf("应为 项=值，如 licensing=12")
	}
	s[strings.TrimSpace(k)] = val
	return nil
}

// dayToday is today's local date, YYYY-MM-DD.
func dayToday() string { return time.Now().Format(time.DateOnly) }

// runReport prints or exports the annual report of a year, after keeping the items typed in with --set.
func runReport(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("report", "report --year YYYY [--set ITEM=VALUE]... [--items] [--xlsx FILE] [--csv FILE] [--archive DIR] [--json]", stderr)
	af := addArchiveFlags(fs)
	year := fs.Int("year", 0, "年度")
	xlsx := fs.String("xlsx", "", "导出 .xlsx（每个表格一页 A4）")
	csv := fs.String("csv", "", "导出 .csv")
	set := setFlags{}
	fs.Var(set, "set", "填报其他系统的数据或文字部分，如 --set licensing=12（可重复；值为空则清除；可填的项见 --items）")
	items := fs.Bool("items", false, "列出可填报的项")
	if _, err := parseInterleaved(fs, args); err != nil {
		return exitUsage
	}
	if *items {
		for _, it := range index.ReportItems {
			fmt.Fprintf(stdout, "%-36s %s、%s %s\n", it.Key, it.Section, itemName(it), it.Column)
		}
		return exitOK
	}
	if *year < 2000 || *year > 2200 {
		fmt.Fprintln(stderr, "请用 --year 指定年度，如 --year 2026")
		return exitUsage
	}
	a, err := af.open(stderr)
	if err != nil {
		return fail(stderr, err)
	}
	defer a.Close()
	ctx := context.Background()
	if len(set) > 0 {
		if _, err := a.SetReportValues(ctx, *year, set, actor()); err != nil {
			fmt.Fprintln(stderr, review.ErrorMessage(err))
			if review.ErrorCode(err) == review.ErrInvalid {
				return exitUsage
			}
			return fail(stderr, err)
		}
	}
	r, err := a.Report(ctx, *year)
	if err != nil {
		return fail(stderr, err)
	}
	for _, out := range []struct {
		path  string
		write func(io.Writer) error
	}{{*xlsx, r.WriteXLSX}, {*csv, r.WriteCSV}} {
		if out.path == "" {
			continue
		}
		if err := writeFile(out.path, out.write); err != nil {
			fmt.Fprintf(stderr, "无法写入 %s：%v\n", out.path, err)
			return exitUnreadable
		}
	}
	if *af.json {
		jsonLine(stdout, r)
		return exitOK
	}
	printAnnualReport(stdout, r)
	return exitOK
}

// writeFile creates a file and writes it, reporting a failure to close too.
func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// printAnnualReport prints the report's numbers as text.
func printAnnualReport(w io.Writer, r *index.Report) {
	fmt.Fprintf(w, "%d 年度政府信息公开工作年度报告\n\n二、主动公开政府信息情况（第二十条第（一）项）\n", r.Year)
	for _, s := range r.Section2 {
		fmt.Fprintf(w, "  %s：本年制发 %d，本年废止 %d，现行有效 %d\n", s.Row, s.Issued, s.Repealed, s.InForce)
	}
	fmt.Fprintln(w, "\n填报的数据（prepubctl report --set 项=值）：")
	for _, t := range r.Typed {
		v := t.Value
		switch {
		case v == "":
			v = "（未填）"
		case t.Kind == index.ItemText:
			v = fmt.Sprintf("（%d 字）", len([]rune(v)))
		}
		fmt.Fprintf(w, "  %s、%s %s：%s  [%s]\n", t.Section, itemName(t.ReportItem), t.Column, v, t.Key)
	}
	fmt.Fprintln(w, "\n三、收到和处理政府信息公开申请情况：统计的是公众的申请，本系统尚未登记申请，各栏为 0。")
	fmt.Fprintf(w, "\n本机关公文公开属性统计：本年度共 %d 份决定", r.Total)
	for _, a := range review.Attributes {
		fmt.Fprintf(w, "，%s %d", a.Chinese(), r.ByAttribute[string(a)])
	}
	fmt.Fprintf(w, "（其中部分公开 %d）\n", r.Partial)
	for _, b := range review.Bases {
		if n := r.ByBasis[b.Code]; n > 0 {
			fmt.Fprintf(w, "  %s：%d\n", b.Name, n)
		}
	}
}

// itemName names a typed-in item as the report's table does, e.g. 行政诉讼·复议后起诉.
func itemName(it index.ReportItem) string {
	if it.Group != "" && it.Group != it.Label && it.Section == "四" {
		return it.Group + "·" + it.Label
	}
	return it.Label
}
