package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"prepub/index"
	"prepub/paperwork"
	"prepub/review"
)

// storeFlags name the store a sheet or a code is read from: --db (the office
// server's database) or the archive folder of --archive.
type storeFlags struct {
	archiveFlags
	db *string
}

func addStoreFlags(fs *flag.FlagSet) storeFlags {
	return storeFlags{archiveFlags: addArchiveFlags(fs), db: fs.String("db", "", "办公服务器的数据库：postgres://… 或 SQLite 文件路径（代替 --archive）")}
}

// open opens the store named by --db, else the archive of --archive; done closes it.
func (f storeFlags) open(stderr io.Writer) (st *index.Store, done func(), err error) {
	if *f.db != "" {
		st, _, err := openDB(*f.db)
		if err != nil {
			return nil, nil, err
		}
		return st, func() { st.Close() }, nil
	}
	a, err := f.archiveFlags.open(stderr)
	if err != nil {
		return nil, nil, err
	}
	return a.Store, func() { a.Close() }, nil
}

// verify opens the store read-only (openReadOnly) and walks its audit chain;
// on success the caller closes the store.
func (f storeFlags) verify(ctx context.Context) (*index.Store, *index.Verification, error) {
	st, err := f.openReadOnly()
	if err != nil {
		return nil, nil, err
	}
	v, err := st.Verify(ctx)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, v, nil
}

// openReadOnly opens the store to read only: the PostgreSQL database of
// --db, or the SQLite file of --db or of the --archive folder, without the
// search index, so a running program holding the index never makes it wait.
func (f storeFlags) openReadOnly() (*index.Store, error) {
	if *f.db != "" {
		if isPostgres(*f.db) {
			return index.OpenPostgres(*f.db)
		}
		return index.OpenStoreReadOnly(*f.db)
	}
	dir := *f.dir
	if dir == "" {
		d, err := index.DefaultDir()
		if err != nil {
			return nil, err
		}
		dir = d
	}
	return index.OpenStoreReadOnly(filepath.Join(dir, "archive.db"))
}

// usageErr reports bad usage: both --archive and --db.
func (f storeFlags) usageErr() string {
	if *f.db != "" && *f.dir != "" {
		return "--archive 和 --db 只能给出一个"
	}
	return ""
}

// runSheet writes the sign-off sheet (审查表) of a draft as PDF: exit 0
// written, 1 no such draft (or one changed outside the program), 2 no font or
// the file could not be written, 64 bad usage.
func runSheet(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("sheet", "sheet [--archive DIR | --db URL] --pdf FILE [--json] ID", stderr)
	sf := addStoreFlags(fs)
	out := fs.String("pdf", "", "写出的 PDF 文件")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage
	}
	if msg := sf.usageErr(); msg != "" {
		fmt.Fprintln(stderr, msg)
		return exitUsage
	}
	if len(pos) != 1 || *out == "" {
		fmt.Fprintln(stderr, "用法：prepubctl sheet [--archive DIR | --db URL] --pdf FILE ID（一个记录编号）")
		return exitUsage
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || id <= 0 {
		fmt.Fprintf(stderr, "记录编号 %q 无效\n", pos[0])
		return exitUsage
	}
	fonts, err := paperwork.FindFonts()
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnreadable
	}
	st, done, err := sf.open(stderr)
	if err != nil {
		return fail(stderr, err)
	}
	defer done()
	rec, code, err := st.SheetRecord(context.Background(), id)
	switch review.ErrorCode(err) {
	case "":
	case review.ErrNotFound, review.ErrConflict:
		fmt.Fprintln(stderr, review.ErrorMessage(err))
		return exitFindings
	default:
		return fail(stderr, err)
	}
	pdf, err := paperwork.Sheet(rec, code, fonts)
	if err == nil {
		err = os.WriteFile(*out, pdf, 0o644)
	}
	if err != nil {
		fmt.Fprintf(stderr, "无法写出审查表 %s：%v\n", *out, err)
		return exitUnreadable
	}
	if *sf.json {
		jsonLine(stdout, map[string]any{"id": rec.ID, "pdf": *out, "code": code, "state": rec.State, "decided": rec.State.Decided()})
		return exitOK
	}
	fmt.Fprintf(stdout, "已写出审查表 %s：第 %d 号《%s》，%s，验证码 %s\n", *out, rec.ID, rec.Title, rec.State.Described(), code)
	if !rec.State.Decided() {
		fmt.Fprintf(stdout, "注意：该草稿%s，审查表上已注明“%s”，不能作为发布依据。\n", rec.State.Described(), paperwork.Unfinished)
	}
	return exitOK
}
