package main

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"prepub/review"
)

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
