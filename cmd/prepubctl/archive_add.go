package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"prepub/index"
	"prepub/review"
	"prepub/review/scan"
)

// importable lists the files under the given paths, folders walked, in name order.
func importable(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("找不到 %s", p)
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		var files []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		out = append(out, files...)
	}
	return out, nil
}

func runArchiveAdd(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("archive add", "archive add --attr A [--basis CODE] [--reason TEXT] [--title T] [--department D] [--date YYYY-MM-DD] [--doc-type regulation|normative|other] [--valid-until YYYY-MM-DD] [--archive DIR] [--json] FILE|FOLDER...", stderr)
	af := addArchiveFlags(fs)
	attr := fs.String("attr", "", "已决定的公开属性：public、on-request 或 withheld")
	basis := fs.String("basis", "", "不予公开的法律依据代码")
	reason := fs.String("reason", "", "理由")
	title := fs.String("title", "", "标题（默认从正文推断）")
	dept := fs.String("department", "", "部门")
	date := fs.String("date", "", "成文日期 YYYY-MM-DD")
	docType := fs.String("doc-type", "other", "文件类型：regulation（规章）、normative（行政规范性文件）或 other（其他）")
	validUntil := fs.String("valid-until", "", "有效期至 YYYY-MM-DD（规范性文件的有效期，到期次日起自动失效）")
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "请指定要导入的文件或文件夹")
		return exitUsage
	}
	files, err := importable(paths)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	kind, err := review.ParseDocType(*docType)
	if err != nil {
		fmt.Fprintln(stderr, review.ErrorMessage(err))
		return exitUsage
	}
	a, err := af.open(stderr)
	if err != nil {
		return fail(stderr, err)
	}
	defer a.Close()
	sc, err := scan.Default()
	if err != nil {
		return fail(stderr, err)
	}
	meta := index.ImportMeta{Attribute: review.Attribute(*attr), Basis: *basis, Reason: *reason, Title: *title,
		Department: *dept, Date: *date, Actor: actor(), DocType: kind, ValidUntil: *validUntil}
	progress := progressBar(stderr, "导入")
	status := exitOK
	for i, f := range files {
		out := map[string]any{"file": f}
		data, err := os.ReadFile(f)
		if err == nil {
			var id int64
			var st string
			id, st, err = a.Import(context.Background(), sc, f, data, meta)
			out["id"], out["status"] = id, st
			if err == nil && st == index.Added {
				if r, gerr := a.Store.Get(context.Background(), id); gerr == nil && r.Unreadable != "" {
					out["unreadable"] = r.Unreadable
				}
			}
		}
		if err != nil {
			out["status"], out["message"] = "refused", review.ErrorMessage(err)
			if review.ErrorCode(err) == review.ErrInvalid {
				fmt.Fprintln(stderr, review.ErrorMessage(err))
				return exitUsage
			}
			status = exitFindings
		}
		if *af.json {
			jsonLine(stdout, out)
		} else if progress == nil {
			fmt.Fprintf(stdout, "%s\t%v\t%v\n", f, out["status"], out["id"])
		}
		if progress != nil {
			progress(i+1, len(files))
		}
	}
	return status
}
