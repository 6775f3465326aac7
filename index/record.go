// Package index is the archive: every decided draft with its text, findings,
// decision, route and history, an audit chain that proves nothing was altered,
// full-text Chinese search, the yearly re-review queue and the annual report.
// The store (SQLite by default) is the truth; the search index is rebuilt from it.
package index

import (
	"path/filepath"
	"strings"
	"time"

	"prepub/review"
	"prepub/review/extract"
	"prepub/review/scan"
)

// Record is one draft as the archive keeps it.
type Record struct {
	ID         int64            `json:"id"`
	Title      string           `json:"title"`
	Department string           `json:"department"`
	File       string           `json:"file"`      // the file's name as submitted
	FileHash   string           `json:"file_hash"` // SHA-256 of the file's bytes, hex
	Attribute  review.Attribute `json:"attribute"`
	Basis      string           `json:"basis"`
	Reason     string           `json:"reason"`
	State      review.State     `json:"state"`
	IssueDate  string           `json:"date"`       // 成文日期, YYYY-MM-DD, may be empty
	DecidedAt  time.Time        `json:"decided_at"` // when the decision was made or imported
	ReviewedAt time.Time        `json:"reviewed_at"`
	Drafter    string           `json:"drafter"`
	Unreadable string           `json:"unreadable,omitempty"` // why the file's text could not be read, when it could not
	Decision   review.Decision  `json:"decision"`
	Route      []review.Step    `json:"route"`
	Findings   []scan.Finding   `json:"findings"`
	Parts      []extract.Part   `json:"parts"`
	History    []review.Action  `json:"history"`
	// The workflow's state while a draft is under review.
	Outcome     review.Outcome            `json:"outcome"`
	Current     int                       `json:"current"`
	Resolutions map[int]review.Resolution `json:"resolutions,omitempty"`
	Statements  []scan.Statement          `json:"statements,omitempty"`
	Coverage    float64                   `json:"coverage"`
	// PolicyVersion is the version of the office policy the draft was
	// scanned and checked with (review.Policy), empty when none was named.
	PolicyVersion string `json:"policy_version,omitempty"`
	// version is the content hash of the row the record was last written
	// as: what the search index files it under.
	version string
}

// Text returns the visible text of the draft, parts joined.
func (r *Record) Text() string {
	n := 0
	for _, p := range r.Parts {
		n += len(p.Text) + 1
	}
	b := make([]byte, 0, n)
	for _, p := range r.Parts {
		b = append(b, p.Text...)
		b = append(b, '\n')
	}
	return string(b)
}

// Partial reports a public or on-request decision with passages withheld (Art. 37).
func (r *Record) Partial() bool {
	return r.Attribute != review.Withheld && len(r.Decision.Redactions) > 0
}

// scannedRecord starts a record for a file from its scan: file name and hash,
// findings, and its text parts, or why it could not be read. The title is the
// one given, else the draft's own, else the file's name.
func scannedRecord(name string, data []byte, rep *scan.FileReport, title string) *Record {
	rec := &Record{File: strings.ToValidUTF8(filepath.Base(name), "?"), FileHash: fileHash(data), Title: title,
		Findings: rep.Findings, Statements: rep.Statements, Coverage: rep.Coverage}
	if rep.Status == scan.StatusChecked {
		rec.Parts = rep.Doc.Parts
		if rec.Title == "" {
			rec.Title = documentTitle(rep.Doc)
		}
	} else {
		rec.Unreadable = rep.Reason
	}
	if rec.Title == "" {
		rec.Title = strings.TrimSuffix(rec.File, filepath.Ext(rec.File))
	}
	return rec
}

// documentTitle is the title a draft's own text gives, as a store keeps it:
// without NUL characters or bytes that are not UTF-8 (which a PDF's text may
// carry and PostgreSQL refuses), and no longer than a typed title may be.
func documentTitle(doc *extract.Document) string {
	t := strings.ToValidUTF8(strings.ReplaceAll(review.Title(doc), "\x00", ""), "")
	return review.Clip(t, review.MaxTitleRunes-1)
}
