package ui

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"

	"prepub/index"
	"prepub/review"
	"prepub/review/extract"
	"prepub/review/scan"
)

// docInput is what a document view shows: a draft's parts, its findings in the
// order the screen lists them, the passages withheld from it, and its original file.
type docInput struct {
	parts    []extract.Part
	format   string // the file's format when known ("pdf", "ofd", "docx"…), "" when not
	findings []scan.Finding
	withheld []review.Redaction
	file     string                 // the original file's name
	original func() ([]byte, error) // reads the original file's bytes; nil when they cannot be had
}

// docFromReport is the input for a scanned draft, its findings in the screen's order.
func docFromReport(fr *scan.FileReport, findings []scan.Finding) docInput {
	in := docInput{findings: findings, file: fr.File}
	if fr.Doc != nil {
		in.parts, in.format = fr.Doc.Parts, fr.Doc.Format
	}
	if in.format == "" {
		in.format = fr.Format
	}
	return in
}

// docFromRecord is the input for an archive record, its findings in the screen's order.
// The record does not keep its format: a part named 第N页 says it was a page of a PDF or OFD.
func docFromRecord(r *index.Record, findings []scan.Finding) docInput {
	return docInput{parts: r.Parts, findings: findings, withheld: r.Decision.Redactions, file: r.File}
}

// Kinds of passages a document view marks, the weakest first.
const (
	markLow = iota
	markMedium
	markHigh
	markCritical
	markWithheld
	markMatch
)

// docMarkKind is the mark of a finding of a severity.
func docMarkKind(sev scan.Severity) int {
	switch sev {
	case scan.Critical:
		return markCritical
	case scan.High:
		return markHigh
	case scan.Medium:
		return markMedium
	}
	return markLow
}

// docMark is a marked passage: display offsets in one part.
type docMark struct {
	part, start, end int
	kind             int
	index            int // the finding's, the withheld passage's or the match's index
}

// docPart is one part of the draft as the view shows it.
type docPart struct {
	src     extract.Part
	heading string // the line above its text, "" for none
	disp    string // the text shown
	m       docMap // from disp back to src.Text
	folded  string // disp with ASCII letters in lower case, for find; made on first use
}

// docHeading names a part above its text: 【页眉】, 【第3页】, 【隐藏内容：批注】.
func docHeading(p extract.Part) string {
	kind := p.Kind.Name()
	name := extract.Label(p.Kind, p.Name)
	switch {
	case p.Kind == extract.Body && !p.Hidden && strings.HasPrefix(name, kind+" "):
		name = p.Name // a page: 【第3页】
	case strings.HasPrefix(name, kind):
		name = lang.L(kind) + name[len(kind):]
	}
	if p.Hidden {
		return "【" + lang.L("隐藏内容：") + name + "】"
	}
	return "【" + name + "】"
}

// docBuildParts lays out the parts for display: headings, paragraphs for page text, personal numbers masked when mask is set.
func docBuildParts(in docInput, mask bool) []docPart {
	headings := len(in.parts) > 1
	out := make([]docPart, 0, len(in.parts))
	for i, p := range in.parts {
		text := p.Text
		if mask {
			text = docMaskPart(text, in.parts, i, in.findings)
		}
		d := docPart{src: p}
		if docJoins(in.format, string(p.Kind), p.Name) {
			d.disp, d.m = docParagraphs(text)
		} else {
			d.disp, d.m = docLines(text)
		}
		if headings || p.Kind != extract.Body || p.Hidden {
			d.heading = docHeading(p)
		}
		out = append(out, d)
	}
	return out
}

// docPartOf returns the index of the part a finding was found in, or -1.
func docPartOf(parts []extract.Part, f scan.Finding) int {
	end := f.Offset + len(f.Text)
	for i, p := range parts {
		if p.Kind == f.Part && p.Name == f.PartName && f.Offset >= 0 && end <= len(p.Text) && p.Text[f.Offset:end] == f.Text {
			return i
		}
	}
	return -1
}

// docLoc is a passage of a part: byte offsets in its text.
type docLoc struct{ part, start, end int }

// docFindPassage returns where a passage occurs in the parts: exactly, or else
// with whitespace and line breaks ignored (a passage copied from a PDF's joined
// paragraphs, or typed with other line breaks).
func docFindPassage(parts []extract.Part, passage string) []docLoc {
	var out []docLoc
	if strings.TrimSpace(passage) == "" {
		return nil
	}
	for i, p := range parts {
		for off := 0; ; {
			k := strings.Index(p.Text[off:], passage)
			if k < 0 {
				break
			}
			out = append(out, docLoc{i, off + k, off + k + len(passage)})
			off += k + len(passage)
		}
	}
	if len(out) > 0 {
		return out
	}
	squeeze := func(s string) (string, []int) {
		var b strings.Builder
		var pos []int
		for i, r := range s {
			if !unicode.IsSpace(r) {
				b.WriteRune(r)
				for k := 0; k < utf8.RuneLen(r); k++ {
					pos = append(pos, i+k)
				}
			}
		}
		return b.String(), pos
	}
	want, _ := squeeze(passage)
	if want == "" {
		return nil
	}
	for i, p := range parts {
		text, pos := squeeze(p.Text)
		for off := 0; ; {
			k := strings.Index(text[off:], want)
			if k < 0 {
				break
			}
			s, e := off+k, off+k+len(want)
			out = append(out, docLoc{i, pos[s], pos[e-1] + 1})
			off = e
		}
	}
	return out
}

// docMarks places the findings and the withheld passages on the parts as shown, in reading order.
// at[i] is the mark of finding i, -1 when it is not in the text shown.
func docMarks(in docInput, parts []docPart) (marks []docMark, at []int) {
	at = make([]int, len(in.findings))
	src := make([]extract.Part, len(parts))
	for i := range parts {
		src[i] = parts[i].src
	}
	for i, f := range in.findings {
		if p := docPartOf(src, f); p >= 0 {
			m := parts[p].m
			marks = append(marks, docMark{part: p, start: m.toDisp(f.Offset, false), end: m.toDisp(f.Offset+len(f.Text), true),
				kind: docMarkKind(f.Severity), index: i})
		}
	}
	for i, r := range in.withheld {
		for _, l := range docFindPassage(src, r.Text) {
			m := parts[l.part].m
			marks = append(marks, docMark{part: l.part, start: m.toDisp(l.start, false), end: m.toDisp(l.end, true), kind: markWithheld, index: i})
		}
	}
	sort.SliceStable(marks, func(a, b int) bool {
		if marks[a].part != marks[b].part {
			return marks[a].part < marks[b].part
		}
		return marks[a].start < marks[b].start
	})
	for i := range at {
		at[i] = -1
	}
	for k, m := range marks {
		if m.kind <= markCritical && at[m.index] < 0 {
			at[m.index] = k
		}
	}
	return marks, at
}

// docFold lowers ASCII letters, byte for byte, so a search ignores their case.
func docFold(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// docMatches finds a query in the parts as shown, at most limit matches.
func docMatches(parts []docPart, query string, limit int) []docMark {
	q := docFold(query)
	if strings.TrimSpace(q) == "" {
		return nil
	}
	var out []docMark
	for i := range parts {
		p := &parts[i]
		if p.folded == "" && p.disp != "" {
			p.folded = docFold(p.disp)
		}
		for off := 0; len(out) < limit; {
			k := strings.Index(p.folded[off:], q)
			if k < 0 {
				break
			}
			out = append(out, docMark{part: i, start: off + k, end: off + k + len(q), kind: markMatch, index: len(out)})
			off += k + len(q)
		}
	}
	return out
}
