package release_test

import (
	"testing"

	"prepub/internal/docxfixture"
	"prepub/review"
	"prepub/review/release"
	"prepub/review/scan"
)

// FuzzDOCX ensures any body markup ends as a copy the guard passes, or as an
// error, never as a crash.
func FuzzDOCX(f *testing.F) {
	f.Add(tracked)
	f.Add(fallbackOnly)
	f.Add(`<w:p><w:r><w:t>举报人</w:t><w:tab/><w:t>张某某</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>x</w:t></w:r></w:p>`)
	f.Add(`<w:p><w:ins><w:del><w:r><w:delText>举报人张某某</w:delText></w:r></w:del></w:ins><w:r><w:commentReference w:id="0"/><w:t>举报人张某某13812345678</w:t></w:r></w:p>`)
	sc, err := scan.Default()
	if err != nil {
		f.Fatal(err)
	}
	opt := release.Options{Withhold: []review.Redaction{{Text: "举报人张某某", Basis: "third-party", Reason: "举报人信息"}}, Mask: true, Scanner: sc}
	f.Fuzz(func(t *testing.T, body string) {
		in := docxfixture.Doc{Body: []string{"正文"}, BodyXML: body, Comments: []string{"c"}}.Build()
		out, _, err := release.DOCX(in, opt)
		if err == nil {
			if err := release.Verify(out, opt); err != nil {
				t.Fatalf("DOCX returned a copy Verify refuses: %v", err)
			}
		}
	})
}
