package extract_test

import (
	"os"
	"path/filepath"
	"testing"

	"prepub/review/extract"
)

// FuzzDOC ensures any bytes read as a Word 97-2003 document end as a document
// or as could-not-be-checked, never a panic or a runaway allocation.
func FuzzDOC(f *testing.F) {
	for _, name := range []string{"doc_marked.doc", "doc_clean.doc", "doc_encrypted.doc"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(data[:len(data)/2])
	}
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	f.Add([]byte("WPS"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := extract.ReadDOC(data, fuzzLimits())
		checkOutcome(t, doc, err)
	})
}
