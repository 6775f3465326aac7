package main

import (
	"context"
	"io"

	"prepub/index"
)

func runArchiveList(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("archive list", "archive list [--attr A] [--limit N] [--archive DIR] [--json]", stderr)
	af := addArchiveFlags(fs)
	attr := fs.String("attr", "", "只列出该公开属性")
	limit := fs.Int("limit", 100, "最多列出条数")
	if _, err := parseInterleaved(fs, args); err != nil {
		return exitUsage
	}
	return searchArchive(af, index.Query{Attribute: *attr, Limit: *limit}, stdout, stderr)
}

// searchArchive opens the archive, runs a query and prints its hits.
func searchArchive(af archiveFlags, q index.Query, stdout, stderr io.Writer) int {
	a, err := af.openRead(stderr)
	if err != nil {
		return fail(stderr, err)
	}
	defer a.Close()
	hits, err := a.Search(context.Background(), q)
	if err != nil {
		return fail(stderr, err)
	}
	printHits(stdout, hits, *af.json)
	return exitOK
}
