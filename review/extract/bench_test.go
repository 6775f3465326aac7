package extract_test

import (
	"os"
	"testing"

	"prepub/internal/docxfixture"
	"prepub/review/extract"
)

// BenchmarkDOCX measures reading every part of a draft of about 60 paragraphs.
func BenchmarkDOCX(b *testing.B) {
	d := docxfixture.Doc{Header: []string{"某县人民政府"}, Comments: []string{"批注"}, Deleted: []string{"删除"}}
	for range 60 {
		d.Body = append(d.Body, sample+sample+sample)
	}
	data := d.Build()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		if _, err := extract.Bytes("d.docx", data, extract.DefaultLimits()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPDF measures reading the LibreOffice PDF fixture in worker processes.
func BenchmarkPDF(b *testing.B) {
	data, err := os.ReadFile("testdata/libreoffice.pdf")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		if _, err := extract.Bytes("d.pdf", data, extract.DefaultLimits()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPDFSecondEngine measures reading an owner-password PDF, which the
// second engine (PDFium, in a worker process) reads.
func BenchmarkPDFSecondEngine(b *testing.B) {
	benchFile(b, "testdata/producers/enc_aes_256_marked.pdf")
}

// BenchmarkDOC measures reading a .doc written by LibreOffice.
func BenchmarkDOC(b *testing.B) { benchFile(b, "testdata/doc_marked.doc") }

// benchFile measures reading one committed fixture.
func benchFile(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		if _, err := extract.Bytes(path, data, extract.DefaultLimits()); err != nil {
			b.Fatal(err)
		}
	}
}
