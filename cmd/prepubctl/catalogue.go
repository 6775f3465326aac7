package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"prepub/index"
	"prepub/review"
)

// runCatalogue exports a year's public catalogue (政府信息公开目录), corrects an
// entry's field, or prints the numbering scheme in force:
//
//	prepubctl catalogue --year YYYY [--as-of DATE] [--xlsx FILE] [--csv FILE] [--json]
//	prepubctl catalogue --id ID --set FIELD=VALUE [--note TEXT]
//	prepubctl catalogue --scheme
func runCatalogue(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("catalogue", "catalogue --year YYYY [--as-of YYYY-MM-DD] [--xlsx FILE] [--csv FILE] [--json] | --id ID --set FIELD=VALUE [--note TEXT] | --scheme  [--archive DIR]", stderr)
	af := addArchiveFlags(fs)
	year := fs.Int("year", 0, "年度：列出该年发布的目录条目")
	asOf := fs.String("as-of", "", "有效性按哪一天计算 YYYY-MM-DD（默认今天）")
	xlsx := fs.String("xlsx", "", "导出 .xlsx")
	csv := fs.String("csv", "", "导出 .csv")
	id := fs.Int64("id", 0, "更正该档案记录的目录条目")
	set := setFlags{}
	fs.Var(set, "set", "更正的字段：title、publisher、doc_no、written、published 或 category，如 --set category=综合政务")
	note := fs.String("note", "", "更正说明")
	scheme := fs.Bool("scheme", false, "显示正在使用的索引号编号方案和主题分类")
	if _, err := parseInterleaved(fs, args); err != nil {
		return exitUsage
	}
	switch {
	case *scheme:
	case *id != 0:
		if len(set) != 1 {
			fmt.Fprintln(stderr, "请用一个 --set 字段=值 指明要更正的字段，如 --set doc_no=县政发〔2026〕3号")
			return exitUsage
		}
	case *year < 2000 || *year > 2200:
		fmt.Fprintln(stderr, "请用 --year 指定年度，如 --year 2026")
		return exitUsage
	}
	if *asOf != "" {
		if _, err := time.Parse(time.DateOnly, *asOf); err != nil {
			fmt.Fprintf(stderr, "日期 %q 无效：应为 YYYY-MM-DD\n", *asOf)
			return exitUsage
		}
	}
	a, err := af.open(stderr)
	if err != nil {
		return fail(stderr, err)
	}
	defer a.Close()
	ctx := context.Background()
	switch {
	case *scheme:
		sch, err := a.CatalogueScheme()
		if err != nil {
			fmt.Fprintln(stderr, review.ErrorMessage(err))
			return exitFindings
		}
		fmt.Fprintf(stdout, "# 正在使用：%s\n%s", sch.Source, sch.Raw)
		return exitOK
	case *id != 0:
		for field, value := range set {
			e, err := a.CorrectCatalogue(ctx, *id, field, value, *note, actor())
			if err != nil {
				fmt.Fprintln(stderr, review.ErrorMessage(err))
				if review.ErrorCode(err) == review.ErrInvalid {
					return exitUsage
				}
				return exitFindings
			}
			printEntries(stdout, []index.CatalogueEntry{*e}, *af.json)
		}
		return exitOK
	}
	entries, err := a.Catalogue(ctx, *year, *asOf)
	if err != nil {
		return fail(stderr, err)
	}
	for _, out := range []struct {
		path  string
		write func(io.Writer) error
	}{
		{*xlsx, func(w io.Writer) error { return index.WriteCatalogueXLSX(w, *year, entries) }},
		{*csv, func(w io.Writer) error { return index.WriteCatalogueCSV(w, entries) }},
	} {
		if out.path == "" {
			continue
		}
		if err := writeFile(out.path, out.write); err != nil {
			fmt.Fprintf(stderr, "无法写入 %s：%v\n", out.path, err)
			return exitUnreadable
		}
	}
	printEntries(stdout, entries, *af.json)
	return exitOK
}

// printEntries prints catalogue entries in the order given, one a line: JSON, or the fields tab-separated.
func printEntries(w io.Writer, entries []index.CatalogueEntry, asJSON bool) {
	for i := range entries {
		e := &entries[i]
		if asJSON {
			jsonLine(w, e)
			continue
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", e.IndexNo, e.Title, e.Publisher, e.DocNo, e.Written, e.Published, e.Category, e.Validity, e.ID)
	}
}
