package scan

import (
	"bytes"
	"encoding/json"
	"io"
)

// WriteJSON writes the report as one line of JSON, byte for byte what
// encoding/json's Encoder (HTML not escaped) writes, but a finding at a
// time: a report of thousands of findings is not built whole in memory
// first, which for a 100 MB text cost more than a tenth of its scan.
func (fr *FileReport) WriteJSON(w io.Writer) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	head := *fr
	head.Findings = nil
	if err := enc.Encode(&head); err != nil {
		return err
	}
	const key, null = `"findings":`, `null`
	k := bytes.Index(buf.Bytes(), []byte(key+null)) // a key: in a string its quotes would be escaped
	if fr.Findings == nil || k < 0 {
		_, err := w.Write(buf.Bytes())
		return err
	}
	skeleton := bytes.Clone(buf.Bytes())
	if _, err := w.Write(skeleton[:k+len(key)]); err != nil {
		return err
	}
	sep := []byte{'['}
	for i := range fr.Findings {
		buf.Reset()
		if err := enc.Encode(&fr.Findings[i]); err != nil {
			return err
		}
		if _, err := w.Write(sep); err != nil {
			return err
		}
		if _, err := w.Write(bytes.TrimSuffix(buf.Bytes(), []byte{'\n'})); err != nil {
			return err
		}
		sep[0] = ','
	}
	if len(fr.Findings) == 0 {
		if _, err := w.Write(sep); err != nil {
			return err
		}
	}
	_, err := w.Write(append([]byte{']'}, skeleton[k+len(key+null):]...))
	return err
}
