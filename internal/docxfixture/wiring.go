package docxfixture

import (
	"path"
	"strings"
)

// A part's content type and the relationship that reaches it, by part name.
type wiring struct {
	contentType string
	from, id    string // the relationship's source part ("" for the package) and ID
	relType     string
}

const (
	ctWord   = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	relsNS   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	docPart  = "word/document.xml"
	ctHeader = ctWord + "header+xml"
)

var wirings = map[string]wiring{
	docPart:                    {ctWord + "document.main+xml", "", "rId1", relsNS + "officeDocument"},
	"word/header1.xml":         {ctHeader, docPart, "rIdHeader1", relsNS + "header"},
	"word/footer1.xml":         {ctWord + "footer+xml", docPart, "rIdFooter1", relsNS + "footer"},
	"word/footnotes.xml":       {ctWord + "footnotes+xml", docPart, "rIdFootnotes", relsNS + "footnotes"},
	"word/comments.xml":        {ctWord + "comments+xml", docPart, "rIdComments", relsNS + "comments"},
	"word/styles.xml":          {ctWord + "styles+xml", docPart, "rIdStyles", relsNS + "styles"},
	"word/media/image1.png":    {"", docPart, "rIdImage1", relsNS + "image"},
	"customXml/item1.xml":      {"", docPart, "rIdCustomXml1", relsNS + "customXml"},
	"customXml/itemProps1.xml": {"application/vnd.openxmlformats-officedocument.customXmlProperties+xml", "customXml/item1.xml", "rId1", relsNS + "customXmlProps"},
	"docProps/core.xml": {"application/vnd.openxmlformats-package.core-properties+xml", "", "rId2",
		"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"},
	"docProps/app.xml":    {"application/vnd.openxmlformats-officedocument.extended-properties+xml", "", "rId3", relsNS + "extended-properties"},
	"docProps/custom.xml": {"application/vnd.openxmlformats-officedocument.custom-properties+xml", "", "rId4", relsNS + "custom-properties"},
}

// wire returns the parts with [Content_Types].xml and the relationship parts
// that declare and reach them, so word processors open the file as Word would.
func wire(files [][2]string) [][2]string {
	var types strings.Builder
	types.WriteString(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>`)
	rels := map[string]*strings.Builder{}
	var sources []string
	for _, f := range files {
		w, ok := wirings[f[0]]
		if !ok {
			continue
		}
		if w.contentType != "" {
			types.WriteString(`<Override PartName="/` + f[0] + `" ContentType="` + w.contentType + `"/>`)
		}
		b := rels[w.from]
		if b == nil {
			b = &strings.Builder{}
			rels[w.from] = b
			sources = append(sources, w.from)
		}
		target, _ := strings.CutPrefix(f[0], path.Dir(w.from)+"/")
		if w.from == docPart {
			target = relTarget(f[0])
		}
		b.WriteString(`<Relationship Id="` + w.id + `" Type="` + w.relType + `" Target="` + target + `"/>`)
	}
	types.WriteString(`</Types>`)
	out := [][2]string{{"[Content_Types].xml", types.String()}}
	for _, src := range sources {
		name := "_rels/.rels"
		if src != "" {
			name = path.Dir(src) + "/_rels/" + path.Base(src) + ".rels"
		}
		out = append(out, [2]string{name, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			rels[src].String() + `</Relationships>`})
	}
	return append(out, files...)
}

// relTarget returns a part's name relative to word/, where the document's relationships start.
func relTarget(name string) string {
	if rest, ok := strings.CutPrefix(name, "word/"); ok {
		return rest
	}
	return "../" + name
}
