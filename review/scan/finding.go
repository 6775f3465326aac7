// Package scan is the secrecy scan: it finds classification markings,
// sensitive terms, personal data and attribute statements in the text parts
// of a document, on a normalised form of the text, and reports each finding
// at its byte offset in the part it came from.
package scan

import (
	"fmt"

	"prepub/review/extract"
)

// Severity ranks a finding; the route sends high and critical ones to the secrecy officer.
type Severity string

// The severities, from strongest to weakest.
const (
	Critical Severity = "critical"
	High     Severity = "high"
	Medium   Severity = "medium"
	Low      Severity = "low"
)

// Rank orders severities: critical 4, high 3, medium 2, low 1, unknown 0.
func (s Severity) Rank() int {
	switch s {
	case Critical:
		return 4
	case High:
		return 3
	case Medium:
		return 2
	case Low:
		return 1
	}
	return 0
}

// Chinese returns the severity's Chinese name.
func (s Severity) Chinese() string {
	switch s {
	case Critical:
		return "严重"
	case High:
		return "高"
	case Medium:
		return "中"
	case Low:
		return "低"
	}
	return string(s)
}

// Finding categories produced by the built-in detectors. Keyword classes may add others.
const (
	CatMarking           = "marking"
	CatMarkingPeriod     = "marking-period"
	CatSecrecyTerm       = "secrecy-term"
	CatResidentID        = "resident-id"
	CatMobile            = "mobile"
	CatBankCard          = "bank-card"
	CatCreditCode        = "credit-code"
	CatAttributeMismatch = "attribute-mismatch"
)

// Finding is one thing in a draft that may stop it from being published.
type Finding struct {
	Category   string           `json:"category"`
	Severity   Severity         `json:"severity"`
	Text       string           `json:"text"`       // as found in the part's text
	Normalized string           `json:"normalized"` // as matched: Simplified, half-width, no whitespace
	Part       extract.PartKind `json:"part"`
	PartName   string           `json:"part_name"`
	Hidden     bool             `json:"hidden"`
	Offset     int              `json:"offset"` // byte offset in the part's text
	Line       int              `json:"line"`   // 1-based line in the part's text
	Basis      string           `json:"basis"`  // suggested legal-basis code, may be empty
	Note       string           `json:"note"`   // Chinese explanation for the reviewer
}

// Statement is an attribute statement printed in the text, such as （此件依申请公开）.
type Statement struct {
	Attribute string           `json:"attribute"` // public, on-request or withheld
	Text      string           `json:"text"`
	Part      extract.PartKind `json:"part"`
	PartName  string           `json:"part_name"`
	Hidden    bool             `json:"hidden"`
	Offset    int              `json:"offset"`
	Line      int              `json:"line"`
}

// Result is what a scan of one document found.
type Result struct {
	Findings   []Finding   `json:"findings"`
	Statements []Statement `json:"statements"`
	Allowed    int         `json:"allowed"`            // findings left out by the office's allow list
	TooMany    bool        `json:"too_many,omitempty"` // more than MaxFindings found: the rest were not kept

	notUTF8 bool // a part read as UTF-8 unchecked is not UTF-8 or has a NUL byte: the scan is void
}

// Critical reports whether any finding is critical.
func (r *Result) Critical() bool { return r.Worst() == Critical }

// Worst returns the strongest severity found, or "" when there is none.
func (r *Result) Worst() Severity {
	var w Severity
	for _, f := range r.Findings {
		if f.Severity.Rank() > w.Rank() {
			w = f.Severity
		}
	}
	return w
}

// Count returns how many findings have each severity.
func (r *Result) Count() map[Severity]int {
	m := map[Severity]int{}
	for _, f := range r.Findings {
		m[f.Severity]++
	}
	return m
}

// Place says in Chinese where a finding is: its part and line, e.g. 页眉第2行.
func (f Finding) Place() string {
	if f.Line > 0 {
		return fmt.Sprintf("%s第%d行", f.Part.Name(), f.Line)
	}
	return f.Part.Name()
}
