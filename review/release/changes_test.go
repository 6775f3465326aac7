package release_test

import (
	"strings"
	"testing"

	"prepub/internal/docxfixture"
	"prepub/review"
	"prepub/review/extract"
	"prepub/review/release"
)

// tracked is body markup Word writes for moved text, tracked formatting, custom
// XML and a deleted table row, each naming the person who made the change.
const tracked = `<w:p><w:pPr><w:pPrChange w:id="5" w:author="张三" w:date="2026-01-02T00:00:00Z"><w:pPr/></w:pPrChange></w:pPr>` +
	`<w:moveFromRangeStart w:id="8" w:author="张三" w:name="move1"/><w:moveFrom w:id="3" w:author="张三"><w:r><w:t>移走的旧位置文字</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="8"/>` +
	`<w:moveTo w:id="4" w:author="张三"><w:r><w:rPr><w:b/><w:rPrChange w:id="6" w:author="张三"><w:rPr/></w:rPrChange></w:rPr><w:t>移来的文字</w:t></w:r></w:moveTo></w:p>` +
	`<w:customXml w:element="secret"><w:customXmlPr><w:attr w:name="owner" w:val="张三"/></w:customXmlPr><w:p><w:r><w:t>自定义标记中的正文</w:t></w:r></w:p></w:customXml>` +
	`<w:tbl><w:tr><w:trPr><w:del w:id="7" w:author="张三"/></w:trPr><w:tc><w:p><w:r><w:t>删除的行</w:t></w:r></w:p></w:tc></w:tr>` +
	`<w:tr><w:tc><w:p><w:r><w:t>保留的行</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`

// TestDOCXAcceptsChanges ensures tracked moves, formatting changes, deleted
// rows and custom XML are settled as accepting every change would, with
// nothing of who made them left in the file.
func TestDOCXAcceptsChanges(t *testing.T) {
	in := docxfixture.Doc{Body: []string{"正文第一段"}, BodyXML: tracked, CustomXML: `<secret><owner>张三</owner></secret>`}.Build()
	out, rep, err := release.DOCX(in, release.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.Bytes("copy.docx", out, extract.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	body := text(doc, extract.Body)
	for _, want := range []string{"移来的文字", "自定义标记中的正文", "保留的行"} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q: %q", want, body)
		}
	}
	for _, gone := range []string{"移走的旧位置文字", "删除的行"} {
		if strings.Contains(body, gone) {
			t.Errorf("body still has %q", gone)
		}
	}
	files := entries(t, out)
	for name, f := range files {
		if strings.HasPrefix(name, "customXml/") {
			t.Errorf("%s left", name)
		}
		if c := content(t, f); strings.Contains(c, "张三") || strings.Contains(c, "customXml") {
			t.Errorf("%s still names the author or custom XML:\n%s", name, c)
		}
	}
	if a := rep.Accepted; a.Moves != 1 || a.Formatting != 2 || a.Deletions != 1 || rep.CustomXML != 1 {
		t.Errorf("report: %+v", rep)
	}
}

// TestDOCXEveryStory ensures a passage is replaced in a text box (both the
// shape and the copy Word keeps for old readers), a footnote and a footer,
// counted once per place a reader sees it, and that a passage only in tracked
// deletions is no error: it goes with them.
func TestDOCXEveryStory(t *testing.T) {
	const secret = "举报人张某某"
	in := docxfixture.Doc{
		Body:      []string{"正文第一段"},
		TextBox:   []string{"文本框：" + secret},
		Footnotes: []string{"脚注：" + secret},
		Footer:    []string{"页脚：" + secret},
		Deleted:   []string{"拟给予警告处分"},
	}.Build()
	out, rep, err := release.DOCX(in, release.Options{Withhold: []review.Redaction{
		{Text: secret, Basis: "third-party", Reason: "举报人信息"},
		{Text: "拟给予警告处分", Basis: "process-info", Reason: "过程性意见"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Passages[0].Count != 3 || rep.Passages[1].Count != 0 {
		t.Errorf("counts: %+v", rep.Passages)
	}
	for name, f := range entries(t, out) {
		if strings.Contains(content(t, f), secret) {
			t.Errorf("%s still holds the passage", name)
		}
	}
	if doc := content(t, entries(t, out)["word/document.xml"]); strings.Count(doc, "第十五条不予公开") != 2 {
		t.Errorf("the text box and its fallback should each carry the note:\n%s", doc)
	}
}

// TestDOCXDropsUnprinted ensures parts no reader prints go with what used
// them: a picture only a comment showed, the thumbnail of the draft's first
// page, and the glossary; the body's own picture stays as it was.
func TestDOCXDropsUnprinted(t *testing.T) {
	in := docxfixture.Doc{Body: []string{"正文"}, Comments: []string{"见截图"}, Image: pngImage(t)}.Build()
	in = rezip(t, in, func(name, c string) string {
		switch name {
		case "_rels/.rels":
			return strings.Replace(c, "</Relationships>", `<Relationship Id="rIdThumb" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/></Relationships>`, 1)
		case "word/_rels/document.xml.rels":
			return strings.Replace(c, "</Relationships>", `<Relationship Id="rIdGloss" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/glossaryDocument" Target="glossary/document.xml"/></Relationships>`, 1)
		}
		return c
	},
		[2]string{"word/_rels/comments.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image9.png"/></Relationships>`},
		[2]string{"word/media/image9.png", string(pngImage(t))},
		[2]string{"docProps/thumbnail.jpeg", "a picture of page one"},
		[2]string{"word/glossary/document.xml", `<w:glossaryDocument xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docParts/></w:glossaryDocument>`})
	out, rep, err := release.DOCX(in, release.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files := entries(t, out)
	for _, gone := range []string{"word/comments.xml", "word/_rels/comments.xml.rels", "word/media/image9.png", "docProps/thumbnail.jpeg", "word/glossary/document.xml"} {
		if files[gone] != nil {
			t.Errorf("%s left in the copy", gone)
		}
	}
	if files["word/media/image1.png"] == nil || strings.Contains(content(t, files["_rels/.rels"]), "thumbnail") ||
		strings.Contains(content(t, files["word/_rels/document.xml.rels"]), "glossary") {
		t.Errorf("relationships: %v", rep.PartsRemoved)
	}
}
