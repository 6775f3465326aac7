package scan_test

import (
	"testing"

	"prepub/review/scan"
	"prepub/review/scan/internal/t2s"
)

// TestT2STable ensures the generated Traditional→Simplified table is what
// OpenCC's dictionary gives today (else: go generate ./review/scan).
func TestT2STable(t *testing.T) {
	pairs, err := t2s.FromOpenCC()
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) < 2000 {
		t.Fatalf("only %d pairs", len(pairs)/2)
	}
	want := map[rune]rune{}
	for k := 0; k < len(pairs); k += 2 {
		want[pairs[k]] = pairs[k+1]
	}
	for _, span := range [][2]rune{{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}} {
		for r := span[0]; r <= span[1]; r++ {
			w, ok := want[r]
			if !ok {
				w = r
			}
			if got := []rune(scan.Fold(string(r)))[0]; got != w {
				t.Fatalf("%c folds to %c, OpenCC gives %c: run go generate ./review/scan", r, got, w)
			}
		}
	}
}
