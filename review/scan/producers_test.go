package scan_test

import (
	"path/filepath"
	"strings"
	"testing"

	"prepub/review/extract"
	"prepub/review/scan"
)

// TestProducers scans the notice written by every PDF producer Debian has
// (review/extract/testdata/make_pdfs.sh: Chromium, cairo, Ghostscript,
// LibreOffice, wkhtmltopdf, xelatex, reportlab with its CID font and with an
// embedded TrueType font, and qpdf's owner-password ciphers): the marking
// 机密★20年 is critical in every marked copy, the clean copy stays clean, and
// a copy that needs a password or is a scan is refused for that reason.
func TestProducers(t *testing.T) {
	s, err := scan.Default()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../extract/testdata/producers/*.pdf")
	if len(files) < 20 {
		t.Fatalf("%d producer fixtures, want the set make_pdfs.sh writes", len(files))
	}
	refused := map[string]string{"enc_userpw_marked.pdf": "encrypted", "scan_marked.pdf": "no-text-layer"}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			fr := s.ScanFile(f, extract.DefaultLimits(), scan.Options{Attr: "public"})
			if code, ok := refused[name]; ok {
				if fr.Status != scan.StatusUnreadable || fr.ReasonCode != code {
					t.Fatalf("want refused (%s), got %s %s %s", code, fr.Status, fr.ReasonCode, fr.Reason)
				}
				return
			}
			if fr.Status != scan.StatusChecked || fr.Coverage != 1 {
				t.Fatalf("status %s coverage %v: %s", fr.Status, fr.Coverage, fr.Reason)
			}
			marked := strings.Contains(name, "_marked")
			if fr.Critical != marked || marked && !hasMarking(fr) {
				t.Fatalf("critical %v, want %v; findings %+v", fr.Critical, marked, fr.Findings)
			}
			if name == "xobject_annot_marked.pdf" && !hasPart(fr, "annotation") {
				t.Fatalf("the note annotation 内部资料 was not found: %+v", fr.Findings)
			}
		})
	}
}

// hasMarking reports whether a report has a critical classification marking.
func hasMarking(fr *scan.FileReport) bool {
	for _, f := range fr.Findings {
		if f.Category == "marking" && f.Severity == scan.Critical {
			return true
		}
	}
	return false
}

// hasPart reports whether a report has a finding in a part of the given kind.
func hasPart(fr *scan.FileReport, kind string) bool {
	for _, f := range fr.Findings {
		if string(f.Part) == kind {
			return true
		}
	}
	return false
}
