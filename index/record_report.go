package index

import (
	"prepub/review/extract"
	"prepub/review/scan"
)

// Report rebuilds the scan report a record was decided on, the same way for
// the workflow and for every screen that shows it again: what was read, the
// findings and their worst severity, or why the file could not be read.
func (r *Record) Report() *scan.FileReport {
	if r.Unreadable != "" {
		return &scan.FileReport{File: r.File, Status: scan.StatusUnreadable, Reason: r.Unreadable,
			Findings: []scan.Finding{}, Statements: []scan.Statement{}}
	}
	res := scan.Result{Findings: r.Findings}
	return &scan.FileReport{File: r.File, Status: scan.StatusChecked, Coverage: r.Coverage,
		Findings: r.Findings, Statements: r.Statements, Critical: res.Critical(), Worst: res.Worst(),
		Doc: &extract.Document{Parts: r.Parts, Coverage: r.Coverage}}
}
