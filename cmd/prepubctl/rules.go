package main

import (
	"fmt"
	"io"
)

// runRules checks an office rules file (--check) or prints the rules in force (--print).
func runRules(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("rules", "rules --check FILE | --print [--rules FILE]", stderr)
	check := fs.String("check", "", "检查规则文件是否有效")
	print := fs.Bool("print", false, "打印当前生效的规则")
	rulesFile := fs.String("rules", "", "本单位的规则文件（与 --print 一起使用）")
	if _, err := parseInterleaved(fs, args); err != nil {
		return exitUsage
	}
	switch {
	case *check != "":
		r, err := loadRules(*check)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitFindings
		}
		fmt.Fprintf(stdout, "规则文件有效。\n%s", r.Summary())
		return exitOK
	case *print:
		r, err := loadRules(*rulesFile)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitFindings
		}
		fmt.Fprintf(stdout, "# %s\n%s", r.Source, r.Raw)
		return exitOK
	}
	fs.Usage()
	return exitUsage
}
