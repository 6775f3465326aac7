// Package ofdfixture writes small OFD files (GB/T 33190) for tests: text split
// across text objects as producers write it, template pages, annotations,
// document properties, image-only pages, attachments and signatures.
package ofdfixture

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"sort"
	"strings"
)

// Size is the font size, in mm, of all fixture text.
const Size = 5.0

// Line is one line of text: each piece is written as its own TextObject,
// placed right after the one before on the same baseline. A piece starting
// with a tab is placed one character's width further on, the tab dropped, as
// for a space between Latin words.
type Line []string

// Page is one page of a fixture.
type Page struct {
	Lines       []Line   // top to bottom; lines after the first are written inside a PageBlock
	Image       bool     // draws an ImageObject (a page with only this is a scan)
	Template    bool     // draws the document's template page beneath its content
	Annotations []string // one stamp annotation each, whose appearance draws the text
}

// Attachment is a file attached to the document.
type Attachment struct {
	Name string
	Data []byte
}

// Doc describes a fixture OFD file.
type Doc struct {
	Pages       []Page
	Template    []Line            // text of the template page, drawn by pages with Template set, from 15 mm down (page text starts at 30 mm)
	Title       string            // DocInfo/Title
	Author      string            // DocInfo/Author
	Keywords    []string          // DocInfo/Keywords/Keyword
	Custom      map[string]string // DocInfo/CustomDatas/CustomData by Name
	Attachments []Attachment
	Signed      bool // a Signatures entry and a Signs folder, as a sealed document has
	CTM         bool // text objects drawn at half scale through a CTM, with coordinates doubled
	NoPrefix    bool // elements in the default namespace instead of with the ofd: prefix
	Absolute    bool // locations written absolute ("/Doc_0/Pages/...") instead of relative
	Stored      bool // zip entries stored rather than deflated (for fuzzing)
}

const ns = "http://www.ofdspec.org/2016"

// writer builds the XML of one part, with or without the ofd: prefix.
type writer struct {
	b      strings.Builder
	prefix string
}

func newWriter(d Doc) *writer {
	w := &writer{prefix: "ofd:"}
	if d.NoPrefix {
		w.prefix = ""
	}
	return w
}

// root opens the root element with its namespace declaration.
func (w *writer) root(name string, attrs ...string) {
	w.b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>`)
	if w.prefix == "" {
		w.open(name, append([]string{"xmlns", ns}, attrs...)...)
	} else {
		w.open(name, append([]string{"xmlns:ofd", ns}, attrs...)...)
	}
}

// open writes a start tag; attrs are name, value pairs.
func (w *writer) open(name string, attrs ...string) {
	w.b.WriteString("<" + w.prefix + name)
	for i := 0; i+1 < len(attrs); i += 2 {
		fmt.Fprintf(&w.b, ` %s="%s"`, attrs[i], html.EscapeString(attrs[i+1]))
	}
	w.b.WriteString(">")
}

func (w *writer) close(name string) { w.b.WriteString("</" + w.prefix + name + ">") }

// elem writes an element holding text.
func (w *writer) elem(name, text string, attrs ...string) {
	w.open(name, attrs...)
	w.b.WriteString(html.EscapeString(text))
	w.close(name)
}

func (w *writer) String() string { return w.b.String() }

// width is the advance of a character: CJK characters and symbols square, others half as wide.
func width(r rune) float64 {
	if r >= 0x2000 {
		return Size
	}
	return Size / 2
}

// textObjects writes a line's pieces as text objects on the baseline y, from x = 20.
func (w *writer) textObjects(d Doc, line Line, y float64, id *int) {
	x := 20.0
	for _, piece := range line {
		if strings.HasPrefix(piece, "\t") {
			piece = piece[1:]
			x += Size
		}
		runes := []rune(piece)
		var deltas []string
		wsum := 0.0
		for i, r := range runes {
			if i > 0 {
				deltas = append(deltas, fmt.Sprint(scaled(d, width(runes[i-1]))))
			}
			wsum += width(r)
		}
		*id++
		attrs := []string{"ID", fmt.Sprint(*id), "Boundary", fmt.Sprintf("%g %g %g %g", x, y-Size, wsum, Size*1.2), "Font", "1", "Size", fmt.Sprint(scaled(d, Size))}
		if d.CTM {
			attrs = append(attrs, "CTM", "0.5 0 0 0.5 0 0")
		}
		w.open("TextObject", attrs...)
		w.elem("TextCode", piece, "X", "0", "Y", fmt.Sprint(scaled(d, Size)), "DeltaX", strings.Join(deltas, " "))
		w.close("TextObject")
		x += wsum
	}
}

// scaled gives a length in the text object's own space.
func scaled(d Doc, v float64) float64 {
	if d.CTM {
		return 2 * v
	}
	return v
}

// loc writes a location inside Doc_0, relative to base or absolute.
func (d Doc) loc(base, rel string) string {
	if d.Absolute {
		return "/Doc_0/" + base + rel
	}
	return rel
}

func (d Doc) ofdXML() string {
	w := newWriter(d)
	w.root("OFD")
	w.open("DocBody")
	w.open("DocInfo")
	w.elem("DocID", "0123456789abcdef")
	if d.Title != "" {
		w.elem("Title", d.Title)
	}
	if d.Author != "" {
		w.elem("Author", d.Author)
	}
	if len(d.Keywords) > 0 {
		w.open("Keywords")
		for _, k := range d.Keywords {
			w.elem("Keyword", k)
		}
		w.close("Keywords")
	}
	w.elem("Creator", "ofdfixture")
	if len(d.Custom) > 0 {
		names := make([]string, 0, len(d.Custom))
		for n := range d.Custom {
			names = append(names, n)
		}
		sort.Strings(names)
		w.open("CustomDatas")
		for _, n := range names {
			w.elem("CustomData", d.Custom[n], "Name", n)
		}
		w.close("CustomDatas")
	}
	w.close("DocInfo")
	root := "Doc_0/Document.xml"
	if d.Absolute {
		root = "/" + root
	}
	w.elem("DocRoot", root)
	if d.Signed {
		w.elem("Signatures", "Doc_0/Signs/Signatures.xml")
	}
	w.close("DocBody")
	w.close("OFD")
	return w.String()
}

func (d Doc) documentXML() string {
	w := newWriter(d)
	w.root("Document")
	w.open("CommonData")
	w.elem("MaxUnitID", "999")
	w.open("PageArea")
	w.elem("PhysicalBox", "0 0 210 297")
	w.close("PageArea")
	w.elem("DocumentRes", "DocumentRes.xml")
	if len(d.Template) > 0 {
		w.open("TemplatePage", "ID", "2", "BaseLoc", d.loc("", "Tpls/Tpl_0/Content.xml"))
		w.close("TemplatePage")
	}
	w.close("CommonData")
	w.open("Pages")
	for i := range d.Pages {
		w.open("Page", "ID", fmt.Sprint(100+i), "BaseLoc", d.loc("", fmt.Sprintf("Pages/Page_%d/Content.xml", i)))
		w.close("Page")
	}
	w.close("Pages")
	if d.hasAnnotations() {
		w.elem("Annotations", d.loc("", "Annots/Annotations.xml"))
	}
	if len(d.Attachments) > 0 {
		w.elem("Attachments", d.loc("", "Attachs/Attachments.xml"))
	}
	w.close("Document")
	return w.String()
}

func (d Doc) hasAnnotations() bool {
	for _, p := range d.Pages {
		if len(p.Annotations) > 0 {
			return true
		}
	}
	return false
}

// content writes a page or template page drawing the lines, the first on the baseline y.
func (d Doc) content(lines []Line, y float64, image, template bool) string {
	w := newWriter(d)
	w.root("Page")
	if template {
		w.open("Template", "TemplateID", "2", "ZOrder", "Background")
		w.close("Template")
	}
	w.open("Content")
	w.open("Layer", "ID", "1")
	id := 10
	if image {
		w.open("ImageObject", "ID", "9", "ResourceID", "3", "Boundary", "0 0 210 297", "CTM", "210 0 0 297 0 0")
		w.close("ImageObject")
	}
	for i, line := range lines {
		if i > 0 {
			w.open("PageBlock", "ID", fmt.Sprint(500+i))
		}
		w.textObjects(d, line, y+float64(i)*10, &id)
		if i > 0 {
			w.close("PageBlock")
		}
	}
	w.close("Layer")
	w.close("Content")
	w.close("Page")
	return w.String()
}

func (d Doc) annotationsXML() [][2]string {
	list := newWriter(d)
	list.root("Annotations")
	var files [][2]string
	for i, p := range d.Pages {
		if len(p.Annotations) == 0 {
			continue
		}
		list.open("Page", "PageID", fmt.Sprint(100+i))
		list.elem("FileLoc", d.loc("Annots/", fmt.Sprintf("Page_%d/Annotation.xml", i)))
		list.close("Page")
		w := newWriter(d)
		w.root("PageAnnot")
		id := 700
		for _, text := range p.Annotations {
			w.open("Annot", "ID", fmt.Sprint(id), "Type", "Stamp", "Subtype", "Watermark")
			w.open("Appearance", "Boundary", "20 200 170 30")
			w.textObjects(d, Line{text}, 10, &id)
			w.close("Appearance")
			w.close("Annot")
		}
		w.close("PageAnnot")
		files = append(files, [2]string{fmt.Sprintf("Doc_0/Annots/Page_%d/Annotation.xml", i), w.String()})
	}
	list.close("Annotations")
	return append(files, [2]string{"Doc_0/Annots/Annotations.xml", list.String()})
}

func (d Doc) attachmentFiles() [][2]string {
	list := newWriter(d)
	list.root("Attachments")
	var files [][2]string
	for i, a := range d.Attachments {
		list.open("Attachment", "ID", fmt.Sprint(800+i), "Name", a.Name, "Visible", "true")
		list.elem("FileLoc", d.loc("Attachs/", a.Name))
		list.close("Attachment")
		files = append(files, [2]string{"Doc_0/Attachs/" + a.Name, string(a.Data)})
	}
	list.close("Attachments")
	return append(files, [2]string{"Doc_0/Attachs/Attachments.xml", list.String()})
}

// Build returns the bytes of the OFD file.
func (d Doc) Build() []byte {
	res := newWriter(d)
	res.root("Res", "BaseLoc", "Res")
	res.open("MultiMedias")
	res.open("MultiMedia", "ID", "3", "Type", "Image")
	res.elem("MediaFile", "scan.png")
	res.close("MultiMedia")
	res.close("MultiMedias")
	res.close("Res")
	files := [][2]string{
		{"OFD.xml", d.ofdXML()},
		{"Doc_0/Document.xml", d.documentXML()},
		{"Doc_0/DocumentRes.xml", res.String()},
		{"Doc_0/Res/scan.png", "\x89PNG\r\n\x1a\n not really an image"},
	}
	for i, p := range d.Pages {
		files = append(files, [2]string{fmt.Sprintf("Doc_0/Pages/Page_%d/Content.xml", i), d.content(p.Lines, 30, p.Image, p.Template)})
	}
	if len(d.Template) > 0 {
		files = append(files, [2]string{"Doc_0/Tpls/Tpl_0/Content.xml", d.content(d.Template, 15, false, false)})
	}
	if d.hasAnnotations() {
		files = append(files, d.annotationsXML()...)
	}
	if len(d.Attachments) > 0 {
		files = append(files, d.attachmentFiles()...)
	}
	if d.Signed {
		w := newWriter(d)
		w.root("Signatures")
		w.open("Signature", "ID", "1", "BaseLoc", "Sign_0/Signature.xml")
		w.close("Signature")
		w.close("Signatures")
		files = append(files, [2]string{"Doc_0/Signs/Signatures.xml", w.String()},
			[2]string{"Doc_0/Signs/Sign_0/Signature.xml", `<?xml version="1.0" encoding="UTF-8"?><ofd:Signature xmlns:ofd="` + ns + `"/>`},
			[2]string{"Doc_0/Signs/Sign_0/SignedValue.dat", "\x30\x82 not a real signature"})
	}
	if d.Stored {
		return zipFiles(files, zip.Store)
	}
	return Zip(files)
}

// Zip writes name/content pairs into a zip archive, deflated.
func Zip(files [][2]string) []byte { return zipFiles(files, zip.Deflate) }

func zipFiles(files [][2]string, method uint16) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f[0], Method: method})
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
