package extract

import (
	"encoding/xml"
	"io"
	"strings"
)

// maxHeadings is how many heading paragraphs of a .docx body are kept.
const maxHeadings = 12

// Heading is a body paragraph a reader takes for a heading: in the Title
// style, or centred. Where GB/T 9704 puts a document's title, both are.
type Heading struct {
	Text  string
	Title bool // in the Title style (标题), not only centred
}

// docxHeadings notes, as a body streams by, its paragraphs in the Title style or centred.
type docxHeadings struct {
	titleStyles    map[string]bool // style IDs named Title or 标题
	depth, start   int             // nesting of w:p, and where the outer one's visible text began
	inPPr          bool
	title, centred bool
	list           []Heading
}

// startParagraph notes a w:p beginning at offset start of the visible text.
func (h *docxHeadings) startParagraph(start int) {
	h.depth++
	if h.depth == 1 {
		h.start, h.title, h.centred = start, false, false
	}
}

// property notes a paragraph property: its style or its alignment.
func (h *docxHeadings) property(t xml.StartElement) {
	if h.depth != 1 || !h.inPPr {
		return
	}
	switch t.Name.Local {
	case "pStyle":
		h.title = h.titleStyles[attr(t, "val")]
	case "jc":
		h.centred = attr(t, "val") == "center"
	}
}

// endParagraph keeps the outer paragraph ending in visible when it is a heading.
func (h *docxHeadings) endParagraph(visible string) {
	h.depth--
	if h.depth != 0 || !h.title && !h.centred || len(h.list) >= maxHeadings || h.start > len(visible) {
		return
	}
	if text := strings.TrimSpace(visible[h.start:]); text != "" {
		h.list = append(h.list, Heading{Text: text, Title: h.title})
	}
}

// titleStyles returns the IDs of the paragraph styles named Title (标题 in a
// Chinese Word), which WPS numbers rather than names.
func (r *docxReader) titleStyles() map[string]bool {
	ids := map[string]bool{"Title": true, "title": true}
	if r.files["word/styles.xml"] == nil {
		return ids
	}
	rc, err := r.open("word/styles.xml")
	if err != nil {
		return ids
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	dec.Strict = false
	id := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF || err != nil {
			return ids
		}
		if t, ok := tok.(xml.StartElement); ok && t.Name.Space == nsW {
			switch t.Name.Local {
			case "style":
				id = attr(t, "styleId")
			case "name":
				if n := strings.ToLower(attr(t, "val")); id != "" && (n == "title" || n == "标题") {
					ids[id] = true
				}
			}
		}
	}
}
