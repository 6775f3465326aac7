package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"prepub/index"
	"prepub/review"
)

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
		if err := a.Keep(ctx, *keep, officeActor(), *note); err != nil {
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
		id, out, err := a.Convert(ctx, rules, *convert, officeActor(), *note)
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

// officeActor is who a re-review from the command line is recorded as: the
// person at the console, acting for the disclosure office on the archive's files.
func officeActor() review.Actor {
	return review.Actor{User: actor(), Role: index.RoleDisclosureOffice}
}
