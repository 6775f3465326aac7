package main

// This file holds what the subcommands share: flag parsing, opening the archive, and the output helpers.

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"strings"

	"prepub/index"
	"prepub/review"
)

// parseInterleaved parses flags that may come before, between or after the
// positional arguments (prepubctl scan a.docx --json), and returns the positionals.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// newFlagSet returns a flag set that reports errors to stderr without exiting.
func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "用法：prepubctl %s\n\n选项：\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// archiveFlags are the flags every archive command takes.
type archiveFlags struct {
	dir  *string
	json *bool
}

func addArchiveFlags(fs *flag.FlagSet) archiveFlags {
	return archiveFlags{
		dir:  fs.String("archive", "", "档案库文件夹（默认：用户数据文件夹中的 prepub）"),
		json: fs.Bool("json", false, "输出 JSON"),
	}
}

// open opens the archive and waits for its search index to be in step with
// the store, showing the repair's progress on a terminal.
func (f archiveFlags) open(stderr io.Writer) (*index.Archive, error) {
	dir, err := f.folder()
	if err != nil {
		return nil, err
	}
	a, err := index.Open(dir, progressBar(stderr, "重建检索索引"))
	if err != nil {
		return nil, err
	}
	a.WaitIndexed(context.Background())
	printIndexProblems(stderr, a)
	return a, nil
}

// printIndexProblems names the records the search index could not take.
func printIndexProblems(w io.Writer, a *index.Archive) {
	for _, p := range a.IndexProblems() {
		fmt.Fprintf(w, "检索索引未收录：%s\n", p.Reason)
	}
}

// openRead opens the archive for commands that only read it: read-only when
// its folder cannot be written (a copy on a read-only share), else as open does.
func (f archiveFlags) openRead(stderr io.Writer) (*index.Archive, error) {
	dir, err := f.folder()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(dir); err == nil && !index.Writable(dir) {
		return index.OpenReadOnly(dir, progressBar(stderr, "建立检索索引"))
	}
	return index.Open(dir, progressBar(stderr, "重建检索索引"))
}

// folder is the archive folder: --archive, else the user's data folder.
func (f archiveFlags) folder() (string, error) {
	if *f.dir != "" {
		return *f.dir, nil
	}
	return index.DefaultDir()
}

// progressBar returns a progress callback that draws on a terminal, or nil when stderr is not one.
func progressBar(w io.Writer, what string) func(done, total int) {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return func(done, total int) {
		if total == 0 {
			return
		}
		n := done * 30 / total
		fmt.Fprintf(w, "\r%s [%s%s] %d/%d", what, strings.Repeat("█", n), strings.Repeat("·", 30-n), done, total)
		if done == total {
			fmt.Fprintln(w)
		}
	}
}

func actor() string {
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return "unknown"
}

func jsonLine(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func printHits(w io.Writer, hits []index.Hit, asJSON bool) {
	for _, h := range hits {
		if asJSON {
			jsonLine(w, h)
			continue
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\n", h.ID, h.Date, review.Attribute(h.Attribute).Chinese(), h.Title, h.Snippet)
	}
}
