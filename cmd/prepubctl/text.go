package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"prepub/review/extract"
)

// textPart is one part of what was read, in the `prepubctl text --json` contract.
type textPart struct {
	Kind   string `json:"kind"`
	Name   string `json:"name"`
	Hidden bool   `json:"hidden"`
	Page   int    `json:"page"`
	Text   string `json:"text"`
}

// textReport is what prepub read from one file.
type textReport struct {
	File       string     `json:"file"`
	Status     string     `json:"status"`
	ReasonCode string     `json:"reason_code"`
	Reason     string     `json:"reason"`
	Format     string     `json:"format"`
	Engine     string     `json:"engine,omitempty"`
	Pages      int        `json:"pages"`
	Coverage   float64    `json:"coverage"`
	Unread     string     `json:"unread,omitempty"`
	Signed     bool       `json:"signed,omitempty"`
	Parts      []textPart `json:"parts"`
}

// runText prints what prepub read from each file, part by part, hidden parts included.
func runText(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("text", "text [--json] FILE...", stderr)
	asJSON := fs.Bool("json", false, "每个文件输出一行 JSON")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "请指定要读取的文件")
		fs.Usage()
		return exitUsage
	}
	status := exitOK
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, f := range files {
		rep := readText(f)
		if rep.Status != "checked" {
			status = exitUnreadable
		}
		if *asJSON {
			enc.Encode(rep)
			continue
		}
		printText(stdout, rep)
	}
	return status
}

// readText reads one file into its report.
func readText(path string) textReport {
	rep := textReport{File: path, Parts: []textPart{}}
	doc, err := extract.File(path, extract.DefaultLimits())
	if err != nil {
		rep.Status = "unreadable"
		var ue *extract.UnreadableError
		if errors.As(err, &ue) {
			rep.ReasonCode, rep.Reason = ue.Code, ue.Error()
		} else {
			rep.ReasonCode, rep.Reason = "open", "无法检查："+err.Error()
		}
		return rep
	}
	rep.Status, rep.Format, rep.Engine, rep.Pages, rep.Coverage = "checked", doc.Format, doc.Engine, doc.Pages, doc.Coverage
	rep.Unread, rep.Signed = doc.UnreadNote(), doc.Signed
	for _, p := range doc.Parts {
		rep.Parts = append(rep.Parts, textPart{Kind: string(p.Kind), Name: p.Name, Hidden: p.Hidden, Page: p.Page, Text: p.Text})
	}
	return rep
}

// printText prints a report for a person: a heading per part, then its text.
func printText(w io.Writer, rep textReport) {
	if rep.Status != "checked" {
		fmt.Fprintf(w, "%s：%s\n", rep.File, rep.Reason)
		return
	}
	fmt.Fprintf(w, "%s（%s", rep.File, rep.Format)
	if rep.Pages > 0 {
		fmt.Fprintf(w, "，%d 页", rep.Pages)
	}
	fmt.Fprintf(w, "，文字覆盖率 %.0f%%）\n", rep.Coverage*100)
	if rep.Unread != "" {
		fmt.Fprintf(w, "  %s\n", rep.Unread)
	}
	for _, p := range rep.Parts {
		hidden := ""
		if p.Hidden {
			hidden = "，隐藏"
		}
		fmt.Fprintf(w, "── %s（%s%s）──\n%s", p.Name, p.Kind, hidden, p.Text)
	}
}
