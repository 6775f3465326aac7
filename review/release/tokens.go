package release

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
)

// Namespaces of the elements the copy changes.
const (
	nsW  = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsMC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

var errTooDeep = errors.New("xml nesting too deep")

// walk streams the tokens of an XML part to fn with the byte range each takes
// in data: [start, end). An empty element's end token has an empty range at
// the end of the element. Nothing is re-encoded: the caller splices data by
// these offsets, so namespace prefixes and every untouched byte stay as they were.
func walk(data []byte, maxDepth int, fn func(tok xml.Token, start, end int) error) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	depth := 0
	for {
		start := int(dec.InputOffset())
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth++; maxDepth > 0 && depth > maxDepth {
				return errTooDeep
			}
		case xml.EndElement:
			depth--
		}
		if err := fn(tok, start, int(dec.InputOffset())); err != nil {
			return err
		}
	}
}

// escapeText escapes text for XML character data.
func escapeText(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
