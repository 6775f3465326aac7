package docxfixture

import (
	"fmt"
	"strings"
)

// runParas writes each of d.Runs as one paragraph of several runs, every second one bold,
// as Word splits a paragraph when formatting or editing sessions change inside it.
func (d Doc) runParas() string {
	var b strings.Builder
	for _, runs := range d.Runs {
		b.WriteString(`<w:p>`)
		for i, r := range runs {
			b.WriteString(`<w:r>`)
			if i%2 == 1 {
				b.WriteString(`<w:rPr><w:b/></w:rPr>`)
			}
			b.WriteString(`<w:t xml:space="preserve">` + esc(r) + `</w:t></w:r>`)
		}
		b.WriteString(`</w:p>`)
	}
	return b.String()
}

// commentAnchor writes the paragraph the comments are anchored on, with each comment's range and reference.
func (d Doc) commentAnchor() string {
	if d.CommentAnchor == "" {
		return ""
	}
	var start, end strings.Builder
	for i := range d.Comments {
		start.WriteString(fmt.Sprintf(`<w:commentRangeStart w:id="%d"/>`, i))
		end.WriteString(fmt.Sprintf(`<w:commentRangeEnd w:id="%d"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="%d"/></w:r>`, i, i))
	}
	return `<w:p>` + start.String() + `<w:r><w:t xml:space="preserve">` + esc(d.CommentAnchor) + `</w:t></w:r>` + end.String() + `</w:p>`
}

// sectPr writes the section properties: A4, and the header and footer when there are any.
func (d Doc) sectPr() string {
	var b strings.Builder
	b.WriteString(`<w:sectPr>`)
	if len(d.Header) > 0 {
		b.WriteString(`<w:headerReference w:type="default" r:id="rIdHeader1"/>`)
	}
	if len(d.Footer) > 0 {
		b.WriteString(`<w:footerReference w:type="default" r:id="rIdFooter1"/>`)
	}
	b.WriteString(`<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>`)
	return b.String()
}

// people writes the core properties that name who wrote and last saved the document.
func (d Doc) people() string {
	return `<dc:creator>` + esc(d.Creator) + `</dc:creator><cp:lastModifiedBy>` + esc(d.LastModifiedBy) + `</cp:lastModifiedBy>`
}

// manager writes the extended property Manager, when set.
func (d Doc) manager() string {
	if d.Manager == "" {
		return ""
	}
	return `<Manager>` + esc(d.Manager) + `</Manager>`
}

// stylesXML is a small styles part: a CJK-capable default font and the Normal style.
const stylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体" w:hAnsi="Times New Roman"/><w:sz w:val="24"/><w:lang w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`

// extraParts returns the styles, image and custom XML parts the document asks for.
func (d Doc) extraParts() [][2]string {
	var out [][2]string
	if d.Styles {
		out = append(out, [2]string{"word/styles.xml", stylesXML})
	}
	if d.Image != nil {
		out = append(out, [2]string{"word/media/image1.png", string(d.Image)})
	}
	if d.CustomXML != "" {
		out = append(out, [2]string{"customXml/item1.xml", d.CustomXML},
			[2]string{"customXml/itemProps1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{6C3C8BC8-F283-45AE-878A-BAB7291924A1}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`})
	}
	return out
}
