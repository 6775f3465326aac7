package main

import (
	"io"
	"strings"
	"testing"
)

// BenchmarkScanFolder measures `prepubctl scan --json FOLDER` on a folder of 56 mixed fixture
// drafts (.docx, text and image-only PDFs, .ofd, .txt), every core used, PDFs read in worker processes.
func BenchmarkScanFolder(b *testing.B) {
	dir, files := mixedFolder(b, 8)
	b.ReportMetric(float64(len(files)), "files")
	for b.Loop() {
		if code := run([]string{"scan", "--json", dir}, strings.NewReader(""), io.Discard, io.Discard); code != exitUnreadable {
			b.Fatalf("exit %d", code)
		}
	}
}
