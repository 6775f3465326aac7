package extract_test

import (
	"errors"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"prepub/internal/docxfixture"
	"prepub/internal/pdffixture"
	"prepub/review/extract"
)

// checkOutcome ensures the extractor's only outcomes: a document with visible body
// text in valid UTF-8, or a could-not-be-checked error with a reason.
func checkOutcome(t *testing.T, doc *extract.Document, err error) {
	t.Helper()
	if err != nil {
		var ue *extract.UnreadableError
		if !errors.As(err, &ue) || ue.Reason == "" || doc != nil {
			t.Fatalf("error is not could-not-be-checked: %v", err)
		}
		return
	}
	if doc == nil || len(doc.Parts) == 0 || doc.Coverage <= 0 || doc.Coverage > 1 {
		t.Fatalf("document without parts or coverage: %+v", doc)
	}
	for _, p := range doc.Parts {
		if p.Kind == extract.Body && !utf8.ValidString(p.Text) && doc.Format == "txt" {
			t.Fatalf("invalid UTF-8 text in a part")
		}
	}
}

func fuzzLimits() extract.Limits {
	lim := extract.DefaultLimits()
	lim.PDFTimeout = 5 * time.Second
	lim.MaxUnpacked = 16 << 20
	return lim
}

// FuzzText ensures any bytes named .txt end as text or as could-not-be-checked.
func FuzzText(f *testing.F) {
	gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(sample))
	for _, seed := range [][]byte{[]byte(sample), gb, {0xFF, 0xFE, 0x3A, 0x67}, {0xEF, 0xBB, 0xBF}, {0x81, 0x30}, nil} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := extract.Bytes("draft.txt", data, fuzzLimits())
		checkOutcome(t, doc, err)
	})
}

// FuzzDOCX ensures any bytes named .docx end as a document or as could-not-be-checked.
func FuzzDOCX(f *testing.F) {
	f.Add(docxfixture.Doc{Body: []string{sample}, Header: []string{"内部资料"}, Comments: []string{"批注"}, Deleted: []string{"删除"}, Title: "标题"}.Build())
	f.Add(docxfixture.Zip([][2]string{{"word/document.xml", "<w:document/>"}}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := extract.Bytes("draft.docx", data, fuzzLimits())
		checkOutcome(t, doc, err)
	})
}

// FuzzDOCXXML ensures any document.xml inside a well-formed zip ends as a document or as could-not-be-checked.
func FuzzDOCXXML(f *testing.F) {
	f.Add(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>机密</w:t></w:r></w:p></w:body></w:document>`)
	f.Add(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:del><w:r><w:delText>x</w:delText></w:r></w:del><w:r><w:t>字</w:t></w:r></w:p>`)
	f.Add(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;&a;</x>`)
	f.Fuzz(func(t *testing.T, xml string) {
		data := docxfixture.Zip([][2]string{{"word/document.xml", xml}, {"word/header1.xml", xml}})
		doc, err := extract.Bytes("draft.docx", data, fuzzLimits())
		checkOutcome(t, doc, err)
	})
}

// FuzzPDF ensures any bytes named .pdf end as a document or as could-not-be-checked, never a panic.
func FuzzPDF(f *testing.F) {
	good := pdffixture.Build([]pdffixture.Page{{Lines: []string{"机密★1年", "通知"}}, {Image: true}}, pdffixture.Options{})
	f.Add(good)
	f.Add(pdffixture.Build([]pdffixture.Page{{Lines: []string{"字"}}}, pdffixture.Options{Encrypted: true}))
	f.Add(good[:len(good)/2])
	f.Add([]byte("%PDF-1.4\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := extract.Bytes("draft.pdf", data, fuzzLimits())
		checkOutcome(t, doc, err)
	})
}
