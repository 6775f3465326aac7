package release_test

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"prepub/internal/docxfixture"
	"prepub/review"
	"prepub/review/extract"
)

func entries(t testing.TB, data []byte) map[string]*zip.File {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]*zip.File{}
	for _, f := range zr.File {
		m[f.Name] = f
	}
	return m
}

func content(t testing.TB, f *zip.File) string {
	t.Helper()
	rc, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func raw(t testing.TB, f *zip.File) []byte {
	t.Helper()
	rc, err := f.OpenRaw()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(rc)
	return b
}

func text(doc *extract.Document, kind extract.PartKind) string {
	var b strings.Builder
	for _, p := range doc.Parts {
		if p.Kind == kind && !p.Hidden {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

func basis(t testing.TB, code string) review.Basis {
	t.Helper()
	b, ok := review.LookupBasis(code)
	if !ok {
		t.Fatalf("no basis %q", code)
	}
	return b
}

// rezip returns a .docx with its parts changed by edit and more parts added.
func rezip(t testing.TB, data []byte, edit func(name, content string) string, extra ...[2]string) []byte {
	t.Helper()
	var files [][2]string
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		files = append(files, [2]string{f.Name, edit(f.Name, content(t, f))})
	}
	return docxfixture.Zip(append(files, extra...))
}
