package main

import (
	"fmt"
	"io"
	"time"

	"prepub/index"
	"prepub/review"
)

// officePolicy names the office's files the server's policy is read from,
// each "" when the office has none (index.OfficeFile found it or not).
type officePolicy struct{ rules, keywords, allow string }

// load reads the office's files into one policy.
func (f officePolicy) load() (*review.Policy, error) {
	var keywords []string
	if f.keywords != "" {
		keywords = []string{f.keywords}
	}
	return review.LoadPolicy(f.rules, keywords, f.allow, time.Now())
}

// describe prints which files the policy in force came from and its version.
func (f officePolicy) describe(w io.Writer, p *review.Policy) {
	or := func(file, none string) string {
		if file == "" {
			return none
		}
		return file
	}
	fmt.Fprintf(w, "规则：%s\n关键词：内置关键词；本单位：%s\n白名单：%s\n审查政策版本：%s\n",
		p.Rules.Source, or(f.keywords, "无"), or(f.allow, "无"), p.ShortVersion())
}

// reload reads the office's files again (SIGHUP: systemctl reload prepub-server)
// and puts the new policy in force; workstations learn of it from their next
// request. Files that do not validate leave the policy in force as it was.
func (f officePolicy) reload(d *index.Desk, stdout, stderr io.Writer) {
	p, err := f.load()
	if err != nil {
		fmt.Fprintf(stderr, "审查政策未更新，仍用版本 %s：%s\n", d.Policy().ShortVersion(), review.ErrorMessage(err))
		return
	}
	d.UsePolicy(p)
	fmt.Fprintln(stdout, "审查政策已重新载入。")
	f.describe(stdout, p)
}
