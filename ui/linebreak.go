package ui

import (
	"strings"
	"unicode/utf8"
)

// lineSpan is one row of a broken line: the byte offsets of its start and end.
type lineSpan struct{ start, end int }

// breakLines breaks s (one line, without a newline) into rows no wider than avail, measuring each
// character with width. It breaks between any two CJK characters, between Latin words where it
// can, and never starts a row with closing punctuation (，。、；：？！）】」』》…) nor ends one
// with opening punctuation (（“《【): one closing mark hangs past the edge, a run of them takes
// the character before it to the next row, and an opening mark goes down with what it opens.
func breakLines(s string, avail float32, width func(rune) float32) []lineSpan {
	var rows []lineSpan
	row, x, brk := 0, float32(0), -1
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		w := width(r)
		if x+w > avail && i > row {
			cut := i
			switch {
			case closingMark(r) && !closingMarkAt(s, i+n):
				rows = append(rows, lineSpan{row, i + n})
				row, x, brk = i+n, 0, -1
				i += n
				continue
			case closingMark(r):
				cut = backOver(s, row, i, closingMark) // the character before the run goes down with it
				if cut > row {
					cut = backOne(s, cut)
				}
			case docLatin(r) && brk > row:
				cut = brk
			}
			if c := backOver(s, row, cut, openingMark); c > row {
				cut = c // an opening mark goes down with what it opens
			}
			if cut <= row {
				cut = i
			}
			rows = append(rows, lineSpan{row, cut})
			x = 0
			for _, c := range s[cut:i] {
				x += width(c)
			}
			row, brk = cut, -1
		}
		if !docLatin(r) {
			brk = i + n
		}
		x += w
		i += n
	}
	return append(rows, lineSpan{row, len(s)})
}

// closingMarks may not start a row; openingMarks may not end one.
const (
	closingMarks = "，。、；：！？）」』”’》〉】〕〗〙］｝…‥·,.;:!?)]}"
	openingMarks = "（「『“‘《〈【〔〖〘［｛([{"
)

// closingMark reports whether r is closing punctuation.
func closingMark(r rune) bool { return strings.ContainsRune(closingMarks, r) }

// openingMark reports whether r is opening punctuation.
func openingMark(r rune) bool { return strings.ContainsRune(openingMarks, r) }

// closingMarkAt reports whether closing punctuation starts at offset i of s.
func closingMarkAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return closingMark(r)
}

// backOver steps back from i over the characters of s that are, stopping at from.
func backOver(s string, from, i int, are func(rune) bool) int {
	for i > from {
		r, n := utf8.DecodeLastRuneInString(s[from:i])
		if !are(r) {
			break
		}
		i -= n
	}
	return i
}

// backOne steps back from i over one character of s.
func backOne(s string, i int) int {
	_, n := utf8.DecodeLastRuneInString(s[:i])
	return i - n
}
