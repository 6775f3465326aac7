package scan_test

import (
	"strings"
	"testing"

	"prepub/internal/docxfixture"
	"prepub/internal/pdffixture"
	"prepub/review/extract"
	"prepub/review/scan"
)

// formatParagraphs is a public notice that only mentions secrecy; in a PDF its
// lines break where an A4 line of 公文 ends, in the middle of a phrase.
var formatParagraphs = []string{
	"关于做好政务公开工作的通知",
	"各乡镇人民政府，县直各单位：",
	"为做好政务公开工作，现通知如下。各单位要坚持以公开为常态、不公开为例外，只要不涉及国家机密，都要依法公开，并做好保密审查。",
	"特此通知。",
}

// formatPDFLines wraps the paragraphs as a PDF page holds them, 28 characters a line.
func formatPDFLines(paras []string, width int) []string {
	var out []string
	for _, p := range paras {
		rs := []rune(p)
		for len(rs) > width {
			out = append(out, string(rs[:width]))
			rs = rs[width:]
		}
		out = append(out, string(rs))
	}
	return out
}

// TestSameWordsSameSeverity ensures the same words give the same findings at
// the same severity whether the draft is a .docx or a PDF whose lines break
// in the middle of a phrase.
func TestSameWordsSameSeverity(t *testing.T) {
	s := scanner(t)
	for width := 16; width <= 40; width++ {
		docx := s.ScanBytes("d.docx", docxfixture.Doc{Body: formatParagraphs}.Build(), extract.DefaultLimits(), scan.Options{})
		pdf := s.ScanBytes("d.pdf", pdffixture.Build([]pdffixture.Page{{Lines: formatPDFLines(formatParagraphs, width)}}, pdffixture.Options{}), extract.DefaultLimits(), scan.Options{})
		if docx.Status != scan.StatusChecked || pdf.Status != scan.StatusChecked {
			t.Fatalf("not checked: %s %s %s", docx.Status, pdf.Status, pdf.Reason)
		}
		if got, want := formatSeverities(pdf.Findings), formatSeverities(docx.Findings); got != want {
			t.Errorf("width %d: PDF %s, .docx %s", width, got, want)
		}
	}
}

// formatSeverities lists findings as text:severity.
func formatSeverities(fs []scan.Finding) string {
	out := ""
	for _, f := range fs {
		out += strings.Join(strings.Fields(f.Text), "") + ":" + string(f.Severity) + " "
	}
	return out
}
