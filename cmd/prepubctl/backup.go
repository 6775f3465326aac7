package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"prepub/review"
)

func runBackup(args []string, stdout, stderr io.Writer, restore bool) int {
	name := "backup"
	if restore {
		name = "restore"
	}
	fs := newFlagSet(name, name+" --db URL FILE", stderr)
	db := fs.String("db", "", "数据库：postgres://… 或 SQLite 文件路径")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) != 1 {
		fmt.Fprintln(stderr, "请指定一个备份文件")
		return exitUsage
	}
	st, _, err := openDB(*db)
	if err != nil {
		return fail(stderr, err)
	}
	defer st.Close()
	ctx := context.Background()
	if restore {
		f, err := os.Open(files[0])
		if err != nil {
			return fail(stderr, review.Wrap(err, review.ErrInternal, "无法打开备份文件 %s", files[0]))
		}
		defer f.Close()
		if err := st.Restore(ctx, f); err != nil {
			fmt.Fprintln(stderr, review.ErrorMessage(err))
			return exitFindings
		}
		v, err := st.Verify(ctx)
		if err != nil || !v.OK {
			fmt.Fprintf(stderr, "已恢复，但审计链核对不通过：%v\n", v)
			return exitFindings
		}
		fmt.Fprintf(stdout, "已恢复 %d 条记录、%d 条审计记录；审计链完整。\n", v.Records, v.Entries)
		return exitOK
	}
	tmp := files[0] + ".partial"
	f, err := os.Create(tmp)
	if err != nil {
		return fail(stderr, review.Wrap(err, review.ErrInternal, "无法写入备份文件 %s", tmp))
	}
	err = st.Backup(ctx, f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, files[0])
	}
	if err != nil {
		os.Remove(tmp)
		fmt.Fprintf(stderr, "备份失败：%v\n", err)
		return exitUnreadable
	}
	fmt.Fprintf(stdout, "已备份到 %s\n", files[0])
	return exitOK
}
