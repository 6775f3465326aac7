package extract

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// Charts (word/charts/chartN.xml) and SmartArt diagrams (word/diagrams/dataN.xml)
// hold text of their own: titles, axis and series names, category labels, the
// boxes of a diagram. It is printed with the document, so it is scanned, as a
// `chart` part per file. A diagram's drawingN.xml repeats its data's text and is skipped.

// chartParts reads the text of every chart and diagram of a .docx.
func (r *docxReader) chartParts() ([]Part, error) {
	var parts []Part
	for _, name := range append(r.named("word/charts/chart"), r.named("word/diagrams/data")...) {
		text, err := r.chartText(name)
		if err != nil {
			return nil, err
		}
		if strings.TrimSpace(text) != "" {
			parts = append(parts, Part{Kind: Chart, Name: name, Text: text})
		}
	}
	return parts, nil
}

// chartText collects the DrawingML text runs (a:t) and the non-numeric cached
// values (c:v) of one chart or diagram part, a line per paragraph or value.
func (r *docxReader) chartText(name string) (string, error) {
	rc, err := r.open(name)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	dec.Strict = false
	var b strings.Builder
	depth, line := 0, false
	var in string // "t" or "v" while inside such an element
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return "", r.partError(name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if r.lim.MaxXMLDepth > 0 && depth > r.lim.MaxXMLDepth {
				return "", tooDeep(name)
			}
			if t.Name.Local == "t" || t.Name.Local == "v" {
				in = t.Name.Local
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "t", "v":
				in = ""
			case "p", "pt":
				if line {
					b.WriteByte('\n')
					line = false
				}
			}
		case xml.CharData:
			s := string(t)
			if in == "t" || in == "v" && !isNumber(s) {
				b.WriteString(s)
				line = true
			}
		}
	}
}

// isNumber reports whether a cached chart value is a number, not a label.
func isNumber(s string) bool {
	_, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return err == nil
}
