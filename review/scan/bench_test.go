package scan_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"prepub/review/scan"
)

// corpusText returns the five corpus texts joined, repeated to about n bytes.
func corpusText(b *testing.B, n int) string {
	b.Helper()
	names, _ := filepath.Glob("../../../shared/corpus/*.txt")
	var sb strings.Builder
	for sb.Len() < n {
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				b.Fatal(err)
			}
			sb.Write(data)
		}
	}
	return sb.String()
}

// BenchmarkScanCorpus measures scan throughput on real Chinese prose (MB/s).
func BenchmarkScanCorpus(b *testing.B) {
	s, _ := scan.Default()
	text := corpusText(b, 8<<20)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for range b.N {
		s.ScanText(text, scan.Options{})
	}
}

// BenchmarkNormalize measures folding Traditional, full-width and spaced text.
func BenchmarkNormalize(b *testing.B) {
	text := corpusText(b, 1<<20)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for range b.N {
		scan.Normalize(text)
	}
}
