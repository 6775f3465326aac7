package review_test

import (
	"strings"
	"testing"

	"prepub/internal/docxfixture"
	"prepub/internal/pdffixture"
	"prepub/review"
	"prepub/review/extract"
	"prepub/review/scan"
)

// hintsMentions is a public notice that mentions secrecy often and holds none.
var hintsMentions = []string{
	"关于做好政务公开工作的通知",
	"各乡镇人民政府，县直各单位：",
	"各单位要坚持以公开为常态、不公开为例外，只要不涉及国家机密，都要依法公开。",
	"除涉及国家秘密的以外，均应主动公开，不得以涉密为由拒绝公开。",
	"要严格执行保密审查制度，防止泄露国家秘密，杜绝涉密信息上网。",
	"特此通知。",
}

// TestHintsOnlyFromMediumFindings ensures a draft whose findings are all low
// (mentions) gets no suggested basis and no 属于国家秘密 hint, as a .docx and as
// a PDF whose lines break in the middle of a phrase alike.
func TestHintsOnlyFromMediumFindings(t *testing.T) {
	var lines []string
	for _, p := range hintsMentions {
		for rs := []rune(p); len(rs) > 0; {
			n := min(len(rs), 20)
			lines = append(lines, string(rs[:n]))
			rs = rs[n:]
		}
	}
	for name, data := range map[string][]byte{
		"d.docx": docxfixture.Doc{Body: hintsMentions}.Build(),
		"d.pdf":  pdffixture.Build([]pdffixture.Page{{Lines: lines}}, pdffixture.Options{}),
	} {
		t.Run(name, func(t *testing.T) {
			rep := sc.ScanBytes(name, data, extract.DefaultLimits(), scan.Options{})
			if rep.Status != scan.StatusChecked || len(rep.Findings) < 4 {
				t.Fatalf("%s: %d findings", rep.Status, len(rep.Findings))
			}
			for _, f := range rep.Findings {
				if f.Severity != scan.Low {
					t.Errorf("%q is %s, want low", f.Text, f.Severity)
				}
			}
			o := review.DefaultRules().Check(review.Draft{Report: rep}, review.Decision{Attribute: review.Public})
			if o.SuggestedBasis != "" || strings.Contains(strings.Join(o.Hints, "\n"), "属于国家秘密") {
				t.Errorf("suggested %q, hints %q", o.SuggestedBasis, o.Hints)
			}
		})
	}
}
