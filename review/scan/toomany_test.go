package scan_test

import (
	"fmt"
	"strings"
	"testing"

	"prepub/review/extract"
	"prepub/review/scan"
)

// TestTooManyFindings ensures a file with more findings than MaxFindings is
// not checked (too-large, saying the limit) and keeps none of them, while one
// with exactly MaxFindings is checked with every finding.
func TestTooManyFindings(t *testing.T) {
	sc, err := scan.Default()
	if err != nil {
		t.Fatal(err)
	}
	line := "本文件为内部资料，请勿外传。\n"
	one := sc.ScanText(line, scan.Options{})
	if len(one.Findings) != 1 {
		t.Fatalf("%q: %d findings, want 1: %+v", line, len(one.Findings), one.Findings)
	}
	for _, c := range []struct {
		lines   int
		checked bool
	}{{scan.MaxFindings, true}, {scan.MaxFindings + 1, false}} {
		t.Run(fmt.Sprint(c.lines), func(t *testing.T) {
			fr := sc.ScanBytes("many.txt", []byte(strings.Repeat(line, c.lines)), extract.DefaultLimits(), scan.Options{})
			if got := fr.Status == scan.StatusChecked; got != c.checked {
				t.Fatalf("checked = %v, want %v (%s)", got, c.checked, fr.Reason)
			}
			if c.checked && len(fr.Findings) != c.lines {
				t.Errorf("%d findings, want %d", len(fr.Findings), c.lines)
			}
			if !c.checked && (fr.ReasonCode != "too-large" || !strings.Contains(fr.Reason, fmt.Sprint(scan.MaxFindings)) || len(fr.Findings) != 0) {
				t.Errorf("reason %s %q with %d findings", fr.ReasonCode, fr.Reason, len(fr.Findings))
			}
		})
	}
}
