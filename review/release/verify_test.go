package release_test

import (
	"strings"
	"testing"

	"prepub/internal/docxfixture"
	"prepub/review"
	"prepub/review/release"
)

// fallbackOnly is a text box whose shape says one thing and whose fallback
// copy, which readers that know shapes skip, says another.
const fallbackOnly = `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>` +
	`<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>举报人张某某，电话13812345678</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`

// TestVerify ensures the guard refuses a copy that still carries anything it
// must not — whatever made the copy — and passes a clean one.
func TestVerify(t *testing.T) {
	body := []string{"关于某事项的通知", "正文内容。"}
	someone := []review.Redaction{{Text: "举报人张某某", Basis: "third-party", Reason: "举报人信息"}}
	for _, tc := range []struct {
		name string
		doc  docxfixture.Doc
		opt  release.Options
		want string // in the refusal; "" for none
	}{
		{"OK", docxfixture.Doc{Body: body, Styles: true}, release.Options{Withhold: someone, Mask: true}, ""},
		{"OKNote", docxfixture.Doc{Body: append(body, "［此处依据《中华人民共和国政府信息公开条例》第十五条不予公开］")},
			release.Options{Withhold: []review.Redaction{{Text: "政府信息公开", Basis: "third-party"}}}, ""},
		{"ErrComments", docxfixture.Doc{Body: body, Comments: []string{"请核实"}}, release.Options{}, "word/comments.xml"},
		{"ErrCustomXML", docxfixture.Doc{Body: body, CustomXML: "<a/>"}, release.Options{}, "customXml/"},
		{"ErrHiddenRun", docxfixture.Doc{Body: body, Hidden: []string{"领导不同意"}}, release.Options{}, "隐藏内容"},
		{"ErrDeleted", docxfixture.Doc{Body: body, Deleted: []string{"拟给予警告处分"}}, release.Options{}, "隐藏内容"},
		{"ErrInsertionMarks", docxfixture.Doc{Body: body, Inserted: []string{"新增"}}, release.Options{}, "w:ins"},
		{"ErrAuthor", docxfixture.Doc{Body: body, Creator: "张三"}, release.Options{}, "文档属性"},
		{"ErrPassage", docxfixture.Doc{Body: append(body, "举报人张某某反映")}, release.Options{Withhold: someone}, "举报人张某某"},
		{"ErrPassageTraditional", docxfixture.Doc{Body: append(body, "舉報人張某某反映")}, release.Options{Withhold: someone}, "举报人张某某"},
		{"ErrPassageFullWidth", docxfixture.Doc{Body: append(body, "编号ＨＸ－２０２６")},
			release.Options{Withhold: []review.Redaction{{Text: "编号HX-2026", Basis: "internal-affairs"}}}, "编号HX-2026"},
		{"ErrPassageAcrossRuns", docxfixture.Doc{Body: body, Runs: [][]string{{"举报人张", "某某反映"}}}, release.Options{Withhold: someone}, "举报人张某某"},
		{"ErrPassageInFallback", docxfixture.Doc{Body: body, BodyXML: fallbackOnly}, release.Options{Withhold: someone}, "word/document.xml"},
		{"ErrPassageInHeader", docxfixture.Doc{Body: body, Header: []string{"举报人张某某"}}, release.Options{Withhold: someone}, "header1.xml"},
		{"ErrMobile", docxfixture.Doc{Body: append(body, "联系电话：13812345678")}, release.Options{Mask: true}, "138****5678"},
		{"ErrMobileInFallback", docxfixture.Doc{Body: body, BodyXML: fallbackOnly}, release.Options{Mask: true}, "138****5678"},
		{"OKMobileUnmasked", docxfixture.Doc{Body: append(body, "联系电话：13812345678")}, release.Options{}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := release.Verify(tc.doc.Build(), tc.opt)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("refused a clean copy: %v", err)
			case tc.want == "":
			case review.ErrorCode(err) != review.ErrConflict || !strings.Contains(review.ErrorMessage(err), tc.want):
				t.Fatalf("got %v, want a refusal naming %q", err, tc.want)
			case strings.Contains(review.ErrorMessage(err), "13812345678"):
				t.Fatalf("the refusal repeats the number it refuses: %v", err)
			}
		})
	}
}
