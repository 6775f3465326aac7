package main

import (
	"fmt"
	"io"
	"os"

	"prepub/review/extract"
	"prepub/review/scan"
)

// scanTarget is one file to scan, or a folder that could not be listed, reported with its reason.
type scanTarget struct {
	path string
	err  error
}

// scanTargets expands the paths given to scan: a folder stands for the files under it, sorted
// by path, leaving out hidden files and folders (names starting with ".") and Office lock files
// ("~$…"), as the desktop app's batch check does. Anything else is scanned as given, so a
// missing file is reported as one. A folder with no file to scan is said so on stderr.
func scanTargets(paths []string, stderr io.Writer) []scanTarget {
	var out []scanTarget
	for _, p := range paths {
		if st, err := os.Stat(p); err != nil || !st.IsDir() {
			out = append(out, scanTarget{path: p})
			continue
		}
		files := folderTargets(p)
		if len(files) == 0 {
			fmt.Fprintf(stderr, "文件夹 %s 中没有可检查的文件\n", p)
		}
		out = append(out, files...)
	}
	return out
}

// folderTargets lists the files under dir (extract.FolderFiles); a folder that cannot be read is listed with its error.
func folderTargets(dir string) []scanTarget {
	files, err := extract.FolderFiles(dir)
	if err != nil {
		return []scanTarget{{path: dir, err: err}}
	}
	out := make([]scanTarget, len(files))
	for i, f := range files {
		out[i] = scanTarget{path: f.Path, err: f.Err}
	}
	return out
}

// unlistedReport is the report of a folder that could not be listed: its files were not checked.
func unlistedReport(t scanTarget) *scan.FileReport {
	return &scan.FileReport{
		File: t.path, Status: scan.StatusUnreadable,
		Reason: "无法检查：无法打开此文件夹，请确认有读取权限", ReasonCode: "open", Detail: t.err.Error(),
		Findings: []scan.Finding{}, Statements: []scan.Statement{},
	}
}
