package ui

import (
	"sort"
	"strings"
	"unicode"

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

// wrapLine adds the rows of one line of a part, broken by breakLines.
func (t *docText) wrapLine(p int, s string, start, end int, avail float32) {
	for _, r := range breakLines(s[start:end], avail, t.runeWidth) {
		t.rows = append(t.rows, docRow{p, start + r.start, start + r.end})
	}
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
