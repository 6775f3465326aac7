package main

import (
	"context"
	"fmt"
	"io"
)

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
