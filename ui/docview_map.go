package ui

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// docSpan is a run of display bytes copied unchanged from the part's text:
// display bytes [disp, disp+n) are part bytes [part, part+n).
type docSpan struct{ disp, part, n int }

// docMap maps a display text back to the part text it was made from. Bytes
// the display dropped (joined line breaks) belong to no span; bytes it added
// (a space between joined Latin words) belong to none either.
type docMap []docSpan

// toDisp returns the display offset of part offset off: the start of a
// passage, or with end its exclusive end. An offset in dropped bytes moves to
// the next display byte (start) or the previous one (end).
func (m docMap) toDisp(off int, end bool) int {
	if len(m) == 0 {
		return 0
	}
	// the first span that ends after off (start) or at or after off (end)
	i := sort.Search(len(m), func(i int) bool {
		if end {
			return m[i].part+m[i].n >= off
		}
		return m[i].part+m[i].n > off
	})
	switch {
	case i == len(m):
		last := m[len(m)-1]
		return last.disp + last.n
	case off < m[i].part || off == m[i].part && end: // in a gap before span i
		if end && i > 0 {
			return m[i-1].disp + m[i-1].n
		}
		return m[i].disp
	}
	return m[i].disp + off - m[i].part
}

// toPart returns the part offset of display offset d, a start or with end an exclusive end.
func (m docMap) toPart(d int, end bool) int {
	if len(m) == 0 {
		return 0
	}
	i := sort.Search(len(m), func(i int) bool {
		if end {
			return m[i].disp+m[i].n >= d
		}
		return m[i].disp+m[i].n > d
	})
	switch {
	case i == len(m):
		last := m[len(m)-1]
		return last.part + last.n
	case d < m[i].disp || d == m[i].disp && end:
		if end && i > 0 {
			return m[i-1].part + m[i-1].n
		}
		return m[i].part
	}
	return m[i].part + d - m[i].disp
}

// docBuilder builds a display text and its map.
type docBuilder struct {
	b strings.Builder
	m docMap
}

// copy appends text[start:end], mapped to the part.
func (db *docBuilder) copy(text string, start, end int) {
	if end <= start {
		return
	}
	d := db.b.Len()
	if n := len(db.m); n > 0 && db.m[n-1].disp+db.m[n-1].n == d && db.m[n-1].part+db.m[n-1].n == start {
		db.m[n-1].n += end - start
	} else {
		db.m = append(db.m, docSpan{disp: d, part: start, n: end - start})
	}
	db.b.WriteString(text[start:end])
}

// insert appends s, which the part does not have.
func (db *docBuilder) insert(s string) { db.b.WriteString(s) }

// last returns the last rune written, or 0.
func (db *docBuilder) last() rune {
	s := db.b.String()
	r, _ := utf8.DecodeLastRuneInString(s)
	if s == "" {
		return 0
	}
	return r
}

// result returns the display text, its control characters shown as spaces (byte for byte), and its map.
func (db *docBuilder) result() (string, docMap) {
	b := []byte(db.b.String())
	for i, c := range b {
		if c != '\n' && c < 0x20 {
			b[i] = ' '
		}
	}
	return string(b), db.m
}
