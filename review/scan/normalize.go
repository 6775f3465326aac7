package scan

import (
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// The rune table maps every rune of the Basic Multilingual Plane to the form
// the scan matches on: Traditional to Simplified (OpenCC's t2s character
// dictionary, generated into t2s.go), full-width to half-width, and every star
// drawn in a marking to ★. It is built once, on first use, from the libraries
// rather than by hand.
//
//go:generate go run ./internal/gent2s -out t2s.go
var (
	foldOnce  sync.Once
	foldTable []rune // len 0x10000
	spaceRune [0x10000]bool
)

// stars are the glyphs OCR and copy-paste put where a marking has ★.
var stars = []rune{'*', '☆', '✩', '✭', '✮', '⭐', '＊', '﹡', '∗', '✱', '★'}

func buildFold() {
	t := make([]rune, 0x10000)
	for r := range t {
		t[r] = rune(r)
	}
	// Full-width and other wide forms to their narrow forms (Ａ→A, １→1, ：→:, （→().
	for r := rune(0xFF01); r <= 0xFF5E; r++ {
		if n := width.Narrow.String(string(r)); utf8.RuneCountInString(n) == 1 {
			t[r], _ = utf8.DecodeRuneInString(n)
		}
	}
	pairs := []rune(t2sPairs)
	for k := 0; k+1 < len(pairs); k += 2 {
		t[pairs[k]] = pairs[k+1]
	}
	for _, s := range stars {
		t[s] = '★'
	}
	for _, r := range " \t\n\r\f\v\u00a0\u2002\u2003\u2009\u200b\u3000\ufeff" {
		spaceRune[r] = true
	}
	foldTable = t
}

// fold returns the form of r the scan matches on.
func fold(r rune) rune {
	if r < 0x10000 {
		return foldTable[r]
	}
	return r
}

// isSpace reports whitespace that PDF extraction and typesetting put between characters.
func isSpace(r rune) bool {
	return r < 0x10000 && spaceRune[r]
}

// Normalize returns s in the form the scan matches on: Simplified characters,
// half-width letters, digits and punctuation, ★ for any star, whitespace removed.
func Normalize(s string) string {
	foldOnce.Do(buildFold)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if isSpace(r) {
			continue
		}
		b.WriteRune(fold(r))
	}
	return b.String()
}

// Fold returns s with every rune in the form the scan matches on (Simplified,
// half-width, ★), keeping whitespace, so text and queries for search agree.
func Fold(s string) string {
	foldOnce.Do(buildFold)
	return strings.Map(fold, s)
}
