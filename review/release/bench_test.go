package release_test

import (
	"strings"
	"testing"

	"prepub/internal/docxfixture"
	"prepub/review"
	"prepub/review/release"
)

// BenchmarkDOCX measures a release copy of a long draft (about 1 MB of text)
// with two passages withheld and its numbers masked, the guard included.
func BenchmarkDOCX(b *testing.B) {
	para := "各乡镇人民政府、县直各单位：为做好政府信息公开工作，现将有关事项通知如下，联系电话13812345678。"
	body := make([]string, 10000)
	for i := range body {
		body[i] = para
	}
	body[5000] = strings.Replace(para, "现将", "举报人张某某现将", 1)
	in := docxfixture.Doc{Body: body, Header: []string{"内部编号：HX-2026-017"}}.Build()
	opt := release.Options{Mask: true, Withhold: []review.Redaction{
		{Text: "举报人张某某", Basis: "third-party", Reason: "举报人信息"},
		{Text: "内部编号：HX-2026-017", Basis: "internal-affairs", Reason: "内部编号"},
	}}
	b.SetBytes(int64(len(para) * len(body)))
	for b.Loop() {
		if _, _, err := release.DOCX(in, opt); err != nil {
			b.Fatal(err)
		}
	}
}
