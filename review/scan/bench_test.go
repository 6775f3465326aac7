package scan_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"prepub/review/extract"
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

// BenchmarkScanCorpus measures scan throughput on real Chinese prose (MB/s):
// in chunks on every core, and in one walk on one core.
func BenchmarkScanCorpus(b *testing.B) {
	s, _ := scan.Default()
	text := corpusText(b, 8<<20)
	for _, procs := range []int{runtime.GOMAXPROCS(0), 1} {
		b.Run(fmt.Sprintf("cores=%d", procs), func(b *testing.B) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			b.SetBytes(int64(len(text)))
			for range b.N {
				s.ScanText(text, scan.Options{})
			}
		})
	}
}

// BenchmarkScanBytes measures a plain-text file's content from bytes to
// findings, as prepubctl scan does after mapping it: the scan, checking the
// text is UTF-8 as it goes.
func BenchmarkScanBytes(b *testing.B) {
	s, _ := scan.Default()
	data := []byte(corpusText(b, 32<<20))
	lim := extract.DefaultLimits()
	lim.MaxPartsBytes = 0
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		if fr := s.ScanBytes("corpus.txt", data, lim, scan.Options{MaxFindings: 1 << 20}); fr.Status != scan.StatusChecked {
			b.Fatal(fr.Reason)
		}
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
