package main

import (
	"context"
	"fmt"
	"io"

	"prepub/index"
	"prepub/review"
)

// validityStatus is the status each archive subcommand sets.
var validityStatus = map[string]string{"repeal": index.Repealed, "expire": index.Expired, "reinstate": index.InForce}

// runArchiveValidity marks a decided document repealed (废止), expired (失效) or in force again:
// prepubctl archive repeal|expire|reinstate --id ID [--date YYYY-MM-DD] [--note T].
func runArchiveValidity(sub string, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("archive "+sub, "archive "+sub+" --id ID [--date YYYY-MM-DD] [--note TEXT] [--archive DIR] [--json]", stderr)
	af := addArchiveFlags(fs)
	id := fs.Int64("id", 0, "档案记录编号")
	date := fs.String("date", "", "生效日期 YYYY-MM-DD（默认今天）")
	note := fs.String("note", "", "说明，如依据的清理文件")
	if _, err := parseInterleaved(fs, args); err != nil {
		return exitUsage
	}
	if *id <= 0 {
		fmt.Fprintln(stderr, "请用 --id 指定档案记录编号")
		return exitUsage
	}
	a, err := af.open(stderr)
	if err != nil {
		return fail(stderr, err)
	}
	defer a.Close()
	m, err := a.SetValidity(context.Background(), *id, validityStatus[sub], *date, *note, actor())
	if err != nil {
		fmt.Fprintln(stderr, review.ErrorMessage(err))
		if review.ErrorCode(err) == review.ErrInvalid {
			return exitUsage
		}
		return exitFindings
	}
	if *af.json {
		jsonLine(stdout, m)
		return exitOK
	}
	fmt.Fprintf(stdout, "第 %d 号记录自 %s 起%s。\n", m.ID, m.Since, index.ValidityChinese(m.Status))
	return exitOK
}

// standing returns a record's catalogue entry (nil when it has none) and its validity today.
func standing(a *index.Archive, r *index.Record) (*index.CatalogueEntry, *index.Validity) {
	ctx := context.Background()
	cat, _ := a.CatalogueEntry(ctx, r.ID, "")
	if !r.State.Decided() {
		return cat, nil
	}
	mark, _ := a.Validity(ctx, r.ID)
	v := index.ValidityOn(r.Decision, mark, dayToday())
	return cat, &v
}

// printStanding prints a record's document type, validity and catalogue entry, as far as it has them.
func printStanding(w io.Writer, r *index.Record, cat *index.CatalogueEntry, v *index.Validity) {
	line := "文件类型：" + r.Decision.Kind().Chinese()
	if r.Decision.ValidUntil != "" {
		line += "  有效期至：" + r.Decision.ValidUntil
	}
	if v != nil {
		line += "  有效性：" + index.ValidityChinese(v.Status)
		if v.Since != "" {
			line += "（自 " + v.Since + " 起）"
		}
	}
	fmt.Fprintln(w, line)
	if cat != nil {
		fmt.Fprintf(w, "公开目录：索引号 %s  主题分类 %s  发布机构 %s  文号 %s  发布日期 %s\n", cat.IndexNo, cat.Category, cat.Publisher, cat.DocNo, cat.Published)
	}
}
