package release_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"prepub/internal/docxfixture"
	"prepub/review"
	"prepub/review/extract"
	"prepub/review/release"
	"prepub/review/scan"
)

// Texts of the draft the tests release.
const (
	person     = "李四（住址：某县城关镇幸福路8号）"
	header     = "内部编号：HX-2026-017"
	mobile     = "13812345678"
	residentID = "11010519491231002X"
)

// pngImage returns a small PNG, the picture the draft shows.
func pngImage(t testing.TB) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for i := range 8 {
		img.Set(i, i, color.RGBA{200, 0, 0, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// draft is a partly public notice with everything a release copy must leave out.
func draft(t testing.TB) docxfixture.Doc {
	return docxfixture.Doc{
		Body: []string{"关于处理群众来信的情况通报", "各乡镇人民政府：",
			"联系人王五，手机" + mobile + "，身份证号" + residentID + "。"},
		Runs:          [][]string{{"经查，举报人李四", "（住址：某县城关", "镇幸福路8号）反映的", "问题属实。"}},
		Hidden:        []string{"隐藏的备注：领导不同意公开"},
		Deleted:       []string{"删除的原句：拟给予警告处分"},
		Inserted:      []string{"新增的一句：请各单位认真整改。"},
		Table:         [][]string{{"姓名", "电话"}, {"王五", "13987654321"}},
		Header:        []string{"某县人民政府办公室  " + header},
		Footer:        []string{"第 1 页"},
		Comments:      []string{"此处要再核实——审核人赵六"},
		CommentAnchor: "本通报自印发之日起施行。",
		Creator:       "张三", LastModifiedBy: "李四", Company: "某县人民政府办公室", Manager: "王局长",
		Custom: map[string]string{"审批人": "赵六"},
		Image:  pngImage(t), Styles: true,
	}
}

// withheld are the passages the decision withholds: one split across runs, one
// in the header given in Traditional characters, as a clerk may paste it.
var withheld = []review.Redaction{
	{Text: person, Basis: "third-party", Reason: "举报人的个人信息，未经本人同意不公开"},
	{Text: "內部編號：HX-2026-017", Basis: "internal-affairs", Reason: "内部管理编号，属于内部事务信息"},
}

// TestDOCX ensures the release copy of a draft replaces each withheld passage
// (across runs, in the header) with its basis's article, masks personal
// numbers, leaves nothing hidden and no identifying property, and copies
// every part it does not need to change byte for byte.
func TestDOCX(t *testing.T) {
	in := draft(t).Build()
	out, rep, err := release.DOCX(in, release.Options{Withhold: withheld, Mask: true})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.Bytes("copy.docx", out, extract.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range doc.Parts {
		if p.Hidden && strings.TrimSpace(p.Text) != "" {
			t.Errorf("hidden part %s left: %q", p.Name, p.Text)
		}
		for _, w := range []string{person, header, mobile, residentID, "删除的原句", "领导不同意", "审核人"} {
			if strings.Contains(scan.Normalize(p.Text), scan.Normalize(w)) {
				t.Errorf("%s still holds %q", p.Name, w)
			}
		}
	}
	sc, _ := scan.Default()
	for _, f := range sc.Scan(doc, scan.Options{}).Findings {
		if f.Category == scan.CatMobile || f.Category == scan.CatResidentID || f.Category == scan.CatBankCard {
			t.Errorf("unmasked %s %q in %s", f.Category, f.Text, f.PartName)
		}
	}
	body, head := text(doc, extract.Body), text(doc, extract.Header)
	for _, want := range []string{
		"经查，举报人［此处依据《中华人民共和国政府信息公开条例》第十五条不予公开］反映的问题属实。",
		"手机138****5678，身份证号110105********002X。", "王五\n139****4321", "新增的一句：请各单位认真整改。", "本通报自印发之日起施行。",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
	if want := "［此处依据《中华人民共和国政府信息公开条例》第十六条第一款不予公开］"; !strings.Contains(head, want) {
		t.Errorf("header lacks %q: %q", want, head)
	}

	before, after := entries(t, in), entries(t, out)
	for _, gone := range []string{"word/comments.xml", "docProps/custom.xml"} {
		if after[gone] != nil {
			t.Errorf("%s left in the copy", gone)
		}
	}
	for _, same := range []string{"word/styles.xml", "word/media/image1.png", "word/footer1.xml"} {
		if !bytes.Equal(raw(t, before[same]), raw(t, after[same])) || before[same].CRC32 != after[same].CRC32 {
			t.Errorf("%s is not byte-identical", same)
		}
	}
	// the body part is spliced, not re-encoded: its prefixes, declarations and untouched runs are as they were
	oldDoc, newDoc := content(t, before["word/document.xml"]), content(t, after["word/document.xml"])
	for _, kept := range []string{oldDoc[:strings.Index(oldDoc, "<w:body>")], `<w:tbl><w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">姓名</w:t></w:r></w:p></w:tc>`,
		oldDoc[strings.Index(oldDoc, "<w:p><w:r><w:drawing>"):]} {
		if !strings.Contains(newDoc, kept) {
			t.Errorf("document.xml lost %q", kept)
		}
	}
	core, app := content(t, after["docProps/core.xml"]), content(t, after["docProps/app.xml"])
	for _, s := range []string{"<dc:creator></dc:creator>", "<cp:lastModifiedBy></cp:lastModifiedBy>"} {
		if !strings.Contains(core, s) {
			t.Errorf("core.xml: want %s in %s", s, core)
		}
	}
	if !strings.Contains(app, "<Company></Company><Manager></Manager>") {
		t.Errorf("app.xml: %s", app)
	}
	rels, types := content(t, after["word/_rels/document.xml.rels"]), content(t, after["[Content_Types].xml"])
	if strings.Contains(rels, "comments") || !strings.Contains(rels, "image1.png") || strings.Contains(types, "custom.xml") || strings.Contains(types, "comments") {
		t.Errorf("relationships or content types still name dropped parts:\n%s\n%s", rels, types)
	}
	if strings.Contains(content(t, after["_rels/.rels"]), "custom-properties") {
		t.Error("the package still relates the custom properties")
	}

	if len(rep.Passages) != 2 || rep.Passages[0].Count != 1 || rep.Passages[1].Count != 1 {
		t.Errorf("passages: %+v", rep.Passages)
	}
	if len(rep.Masked) != 3 || rep.Comments != 1 || rep.HiddenRuns != 1 || rep.Accepted.Insertions != 1 || rep.Accepted.Deletions != 1 {
		t.Errorf("report: %+v", rep)
	}
	if got := strings.Join(rep.Properties, " "); !strings.Contains(got, "作者") || !strings.Contains(got, "最后修改者") ||
		!strings.Contains(got, "单位") || !strings.Contains(got, "经理") || !strings.Contains(got, "自定义属性“审批人”") {
		t.Errorf("properties cleared: %v", rep.Properties)
	}
}

// TestDOCXRefuses ensures nothing is written for a passage that is not in the
// draft, a basis that is not one, or a file that is not a .docx.
func TestDOCXRefuses(t *testing.T) {
	in := draft(t).Build()
	for _, tc := range []struct {
		name string
		data []byte
		red  []review.Redaction
		code string
		msg  string
	}{
		{"ErrNotInDraft", in, []review.Redaction{{Text: "根本不存在的一句话", Basis: "third-party", Reason: "x"}}, review.ErrNotFound, "找不到"},
		{"ErrBadBasis", in, []review.Redaction{{Text: person, Basis: "secret", Reason: "x"}}, review.ErrInvalid, "依据"},
		{"ErrDoc", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest of a .doc"), nil, review.ErrUnreadable, ".docx 原稿"},
		{"ErrPDF", []byte("%PDF-1.7\n"), nil, review.ErrUnreadable, "PDF"},
		{"ErrOFD", docxfixture.Zip([][2]string{{"OFD.xml", "<ofd:OFD/>"}}), nil, review.ErrUnreadable, "OFD"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, rep, err := release.DOCX(tc.data, release.Options{Withhold: tc.red})
			if out != nil || rep != nil || review.ErrorCode(err) != tc.code || !strings.Contains(review.ErrorMessage(err), tc.msg) {
				t.Fatalf("got %d bytes, %v (%s), want %s with %q", len(out), err, review.ErrorCode(err), tc.code, tc.msg)
			}
		})
	}
}
