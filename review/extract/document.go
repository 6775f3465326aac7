// Package extract reads a draft file (.docx, .doc/.wps, .pdf, .ofd, .txt) into text parts,
// each marked with its kind and whether a normal reading of the file hides it.
// A file whose text cannot be read is reported as an *UnreadableError, never as
// an empty document.
package extract

import "fmt"

// PartKind names where in a file a piece of text lives.
type PartKind string

// The part kinds a document can have.
const (
	Body       PartKind = "body"
	Header     PartKind = "header"
	Footer     PartKind = "footer"
	Footnote   PartKind = "footnote"
	Comment    PartKind = "comment"
	Deleted    PartKind = "deleted"
	Properties PartKind = "properties"
	Annotation PartKind = "annotation" // PDF and OFD annotations: notes, stamps, watermarks
	Chart      PartKind = "chart"      // chart and diagram text inside a .docx
)

// Part is one piece of a document's text.
type Part struct {
	Kind   PartKind // where the text lives
	Name   string   // the file part or page it came from, e.g. "word/header1.xml" or "第3页"
	Hidden bool     // true when a normal reading of the document does not show it
	Page   int      // for .pdf: the page number, from 1
	Text   string   // UTF-8 text; lines end with "\n"
	// Unchecked marks a plain text taken as UTF-8 with no NUL byte without
	// checking either (see BytesUncheckedUTF8): its reader checks as it goes.
	Unchecked bool
}

// Document is the text of one file, split into parts.
type Document struct {
	Path     string    // the file it was read from
	Format   string    // "docx", "doc", "pdf", "ofd" or "txt"
	Encoding string    // for .txt: the encoding detected
	Parts    []Part    // in reading order: body first
	Pages    int       // for .pdf: number of pages
	Coverage float64   // share of the file whose text could be read, 0..1
	Signed   bool      // for .ofd: the document carries electronic signatures or seals
	Engine   string    // for .pdf: the engine that read it, "pdf" (first) or "pdfium" (second)
	Headings []Heading // for .docx: the body's first paragraphs in the Title style or centred, in order

	// For .pdf and .ofd, pages without text read, by why: text whose fonts give
	// no Unicode (unread), images or drawings only (unread), nothing drawn at all.
	UnmappedPages, ImagePages, BlankPages int
}

// Len returns the number of bytes of text in all parts.
func (d *Document) Len() int {
	n := 0
	for _, p := range d.Parts {
		n += len(p.Text)
	}
	return n
}

// UnreadNote says in Chinese which pages were not read and why, or "" when every page was.
func (d *Document) UnreadNote() string {
	switch {
	case d.Coverage >= 1:
		return ""
	case d.UnmappedPages > 0 && d.ImagePages > 0:
		return fmt.Sprintf("%d 页的字体无法解码为文字，%d 页只有图像或图形（可能是扫描件），这些页面未经检查", d.UnmappedPages, d.ImagePages)
	case d.UnmappedPages > 0:
		return fmt.Sprintf("%d 页的字体无法解码为文字，这些页面未经检查", d.UnmappedPages)
	case d.ImagePages > 0:
		return fmt.Sprintf("%d 页只有图像或图形（可能是扫描件），这些页面未经检查", d.ImagePages)
	}
	return "部分页面无法读取，这些页面未经检查"
}
