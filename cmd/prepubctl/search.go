package main

import (
	"fmt"
	"io"
	"strings"

	"prepub/index"
	"prepub/review"
)

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
	if q.From, err = review.ParseDay("起始日期 --from", *from); err == nil {
		q.To, err = review.ParseDay("截止日期 --to", *to)
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
