package ui

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// measure sets the text size and row height from the theme, and forgets the widths measured at another size.
func (t *docText) measure() {
	size := theme.TextSize()
	if size == t.textSize && t.widths != nil {
		return
	}
	t.textSize = size
	t.widths = map[rune]float32{}
	m := fyne.MeasureText("国", size, fyne.TextStyle{})
	t.han, t.textH = m.Width, m.Height
	t.rowH = float32(int(m.Height + theme.LineSpacing() + 0.5))
}

// runeWidth is the advance of one character.
func (t *docText) runeWidth(r rune) float32 {
	if unicode.Is(unicode.Han, r) {
		return t.han
	}
	w, ok := t.widths[r]
	if !ok {
		w = fyne.MeasureText(string(r), t.textSize, fyne.TextStyle{}).Width
		t.widths[r] = w
	}
	return w
}

// wrap breaks every part into rows no wider than width, and reports whether the rows changed.
func (t *docText) wrap(width float32, force bool) bool {
	if width <= 0 || width == t.width && !force {
		return false
	}
	t.measure()
	t.width = width
	avail := width - 2*theme.Padding() - theme.ScrollBarSize()
	t.rows = t.rows[:0]
	for p := range t.v.parts {
		part := &t.v.parts[p]
		if part.heading != "" {
			if p > 0 {
				t.rows = append(t.rows, docRow{part: p - 1, start: len(t.v.parts[p-1].disp), end: len(t.v.parts[p-1].disp)})
			}
			t.rows = append(t.rows, docRow{part: p, start: -1, end: -1})
		}
		for start := 0; start <= len(part.disp); {
			end := strings.IndexByte(part.disp[start:], '\n')
			if end < 0 {
				end = len(part.disp)
			} else {
				end += start
			}
			t.wrapLine(p, part.disp, start, end, avail)
			start = end + 1
		}
	}
	t.forget()
	return true
}

// wrapLine adds the rows of one line of a part: breaks between any two CJK characters, between
// Latin words where it can, and never starts a row with closing punctuation (，。、；：？！）】」』》…)
// nor ends one with opening punctuation (（“《【): one closing mark hangs past the edge, a run of
// them takes the character before it to the next row, and an opening mark goes down with what it opens.
func (t *docText) wrapLine(p int, s string, start, end int, avail float32) {
	row, x, brk := start, float32(0), -1
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(s[i:])
		w := t.runeWidth(r)
		if x+w > avail && i > row {
			cut := i
			switch {
			case docCloser(r) && !docCloserAt(s, i+n, end):
				t.rows = append(t.rows, docRow{p, row, i + n})
				row, x, brk = i+n, 0, -1
				i += n
				continue
			case docCloser(r):
				cut = docBackOver(s, row, i, docCloser) // the character before the run goes down with it
				if cut > row {
					cut = docBackOne(s, cut)
				}
			case docLatin(r) && brk > row:
				cut = brk
			}
			if c := docBackOver(s, row, cut, docOpener); c > row {
				cut = c // an opening mark goes down with what it opens
			}
			if cut <= row {
				cut = i
			}
			t.rows = append(t.rows, docRow{p, row, cut})
			x = 0
			for _, c := range s[cut:i] {
				x += t.runeWidth(c)
			}
			row, brk = cut, -1
		}
		if !docLatin(r) {
			brk = i + n
		}
		x += w
		i += n
	}
	t.rows = append(t.rows, docRow{p, row, end})
}

// docClosers may not start a row; docOpeners may not end one.
const (
	docClosers = "，。、；：！？）」』”’》〉】〕〗〙］｝…‥·,.;:!?)]}"
	docOpeners = "（「『“‘《〈【〔〖〘［｛([{"
)

// docCloser reports whether r is closing punctuation.
func docCloser(r rune) bool { return strings.ContainsRune(docClosers, r) }

// docOpener reports whether r is opening punctuation.
func docOpener(r rune) bool { return strings.ContainsRune(docOpeners, r) }

// docCloserAt reports whether closing punctuation starts at offset i (before end) of s.
func docCloserAt(s string, i, end int) bool {
	if i >= end {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return docCloser(r)
}

// docBackOver steps back from i over the characters of s that are, stopping at from.
func docBackOver(s string, from, i int, are func(rune) bool) int {
	for i > from {
		r, n := utf8.DecodeLastRuneInString(s[from:i])
		if !are(r) {
			break
		}
		i -= n
	}
	return i
}

// docBackOne steps back from i over one character of s.
func docBackOne(s string, i int) int {
	_, n := utf8.DecodeLastRuneInString(s[:i])
	return i - n
}

// rowOf returns the row showing display offset off of part p, or -1.
func (t *docText) rowOf(p, off int) int {
	i := sort.Search(len(t.rows), func(i int) bool {
		r := t.rows[i]
		return r.part > p || r.part == p && r.start >= 0 && r.end >= off
	})
	if i < len(t.rows) && t.rows[i].part == p {
		if t.rows[i].end == off && i+1 < len(t.rows) && t.rows[i+1].part == p && t.rows[i+1].start == off && t.rows[i+1].start >= 0 {
			return i + 1
		}
		return i
	}
	return -1
}
