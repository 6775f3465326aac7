// Package docxfixture writes small .docx files for tests and benchmarks: a
// body with optional hidden runs, tracked changes, split runs, text boxes, a
// table and an image, plus headers, footers, footnotes, comments, custom XML
// and document properties, wired with the relationships a word processor needs.
package docxfixture

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"strings"
)

// Doc describes the content of a fixture document.
type Doc struct {
	Body        []string          // paragraphs of the body
	Hidden      []string          // paragraphs whose runs are formatted as hidden (w:vanish)
	Deleted     []string          // paragraphs of tracked deletions (w:del / w:delText)
	Inserted    []string          // paragraphs of tracked insertions (w:ins)
	TextBox     []string          // paragraphs inside a text box, written as Word does with mc:AlternateContent
	Table       [][]string        // rows of a body table
	Header      []string          // paragraphs of word/header1.xml
	Footer      []string          // paragraphs of word/footer1.xml
	Footnotes   []string          // one footnote each
	Comments    []string          // one comment each
	Title       string            // docProps/core.xml dc:title
	Keywords    string            // docProps/core.xml cp:keywords
	Description string            // docProps/core.xml dc:description
	Company     string            // docProps/app.xml Company
	Custom      map[string]string // docProps/custom.xml properties

	Runs           [][]string // paragraphs written as several runs each (every second run bold)
	CommentAnchor  string     // a body paragraph every comment is anchored on (range and reference run)
	BodyXML        string     // raw WordprocessingML appended to the body, for cases the fields do not cover
	CustomXML      string     // content of customXml/item1.xml, related from the document
	Image          []byte     // a PNG shown inline in the body as word/media/image1.png
	Styles         bool       // write word/styles.xml
	Creator        string     // docProps/core.xml dc:creator
	LastModifiedBy string     // docProps/core.xml cp:lastModifiedBy
	Manager        string     // docProps/app.xml Manager
}

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"`

func esc(s string) string { return html.EscapeString(s) }

func para(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + esc(text) + `</w:t></w:r></w:p>`
}

func paras(ps []string) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(para(p))
	}
	return b.String()
}

func (d Doc) document() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wNS + `><w:body>`)
	b.WriteString(paras(d.Body))
	b.WriteString(d.runParas())
	b.WriteString(d.commentAnchor())
	for _, p := range d.Hidden {
		b.WriteString(`<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>` + esc(p) + `</w:t></w:r></w:p>`)
	}
	for _, p := range d.Deleted {
		b.WriteString(`<w:p><w:del w:id="1" w:author="起草人" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>` + esc(p) + `</w:delText></w:r></w:del></w:p>`)
	}
	for _, p := range d.Inserted {
		b.WriteString(`<w:p><w:ins w:id="2" w:author="起草人" w:date="2026-01-01T00:00:00Z"><w:r><w:t>` + esc(p) + `</w:t></w:r></w:ins></w:p>`)
	}
	b.WriteString(d.BodyXML)
	if len(d.TextBox) > 0 {
		box := `<w:txbxContent>` + paras(d.TextBox) + `</w:txbxContent>`
		b.WriteString(`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>` + box +
			`</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>` + box +
			`</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`)
	}
	if len(d.Table) > 0 {
		b.WriteString(`<w:tbl>`)
		for _, row := range d.Table {
			b.WriteString(`<w:tr>`)
			for _, cell := range row {
				b.WriteString(`<w:tc>` + para(cell) + `</w:tc>`)
			}
			b.WriteString(`</w:tr>`)
		}
		b.WriteString(`</w:tbl>`)
	}
	if d.Image != nil {
		b.WriteString(imagePara)
	}
	for i := range d.Footnotes {
		b.WriteString(fmt.Sprintf(`<w:p><w:r><w:footnoteReference w:id="%d"/></w:r></w:p>`, i+1))
	}
	b.WriteString(d.sectPr() + `</w:body></w:document>`)
	return b.String()
}

func wrap(root, inner string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:` + root + ` ` + wNS + `>` + inner + `</w:` + root + `>`
}

// Build returns the bytes of the .docx.
func (d Doc) Build() []byte {
	files := [][2]string{{"word/document.xml", d.document()}}
	if len(d.Header) > 0 {
		files = append(files, [2]string{"word/header1.xml", wrap("hdr", paras(d.Header))})
	}
	if len(d.Footer) > 0 {
		files = append(files, [2]string{"word/footer1.xml", wrap("ftr", paras(d.Footer))})
	}
	if len(d.Footnotes) > 0 {
		var b strings.Builder
		b.WriteString(`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>`)
		for i, f := range d.Footnotes {
			b.WriteString(fmt.Sprintf(`<w:footnote w:id="%d">%s</w:footnote>`, i+1, para(f)))
		}
		files = append(files, [2]string{"word/footnotes.xml", wrap("footnotes", b.String())})
	}
	if len(d.Comments) > 0 {
		var b strings.Builder
		for i, c := range d.Comments {
			b.WriteString(fmt.Sprintf(`<w:comment w:id="%d" w:author="审核人">%s</w:comment>`, i, para(c)))
		}
		files = append(files, [2]string{"word/comments.xml", wrap("comments", b.String())})
	}
	if d.Title != "" || d.Keywords != "" || d.Description != "" || d.Creator != "" || d.LastModifiedBy != "" {
		files = append(files, [2]string{"docProps/core.xml", `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>` +
			esc(d.Title) + `</dc:title><cp:keywords>` + esc(d.Keywords) + `</cp:keywords><dc:description>` + esc(d.Description) + `</dc:description>` +
			d.people() + `</cp:coreProperties>`})
	}
	if d.Company != "" || d.Manager != "" {
		files = append(files, [2]string{"docProps/app.xml", `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>` + esc(d.Company) + `</Company>` + d.manager() + `</Properties>`})
	}
	if len(d.Custom) > 0 {
		var b strings.Builder
		pid := 2
		for k, v := range d.Custom {
			b.WriteString(fmt.Sprintf(`<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="%d" name="%s"><vt:lpwstr>%s</vt:lpwstr></property>`, pid, esc(k), esc(v)))
			pid++
		}
		files = append(files, [2]string{"docProps/custom.xml", `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` + b.String() + `</Properties>`})
	}
	files = append(files, d.extraParts()...)
	return Zip(wire(files))
}

// Zip writes name/content pairs into a zip archive, deflated.
func Zip(files [][2]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f[0])
		if err != nil {
			panic(err) // only on programming errors: names are fixed above
		}
		w.Write([]byte(f[1]))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}
