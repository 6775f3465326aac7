package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
)

// posAt returns the place in the text under a point of the text area.
func (t *docText) posAt(p fyne.Position) docPos {
	if len(t.rows) == 0 || t.rowH <= 0 {
		return docPos{-1, 0}
	}
	r := min(max(0, int(p.Y/t.rowH)), len(t.rows)-1)
	row := t.rows[r]
	if row.start < 0 {
		return docPos{row.part, 0}
	}
	text := t.v.parts[row.part].disp
	x := theme.Padding()
	for i, ch := range text[row.start:row.end] {
		w := t.runeWidth(ch)
		if p.X < x+w/2 {
			return docPos{row.part, row.start + i}
		}
		x += w
	}
	return docPos{row.part, row.end}
}

// MouseDown starts a selection at the point pressed.
func (t *docText) MouseDown(e *desktop.MouseEvent) {
	if e.Button != desktop.MouseButtonPrimary {
		return
	}
	t.anchor = t.posAt(e.Position)
	t.cursor = t.anchor
	t.selecting = true
	t.v.selectionChanged()
}

// MouseUp ends a press; a click without a drag selects the finding under it.
func (t *docText) MouseUp(e *desktop.MouseEvent) {
	if !t.selecting {
		return
	}
	t.selecting = false
	if t.anchor == t.cursor && t.anchor.part >= 0 {
		t.v.clickAt(t.anchor)
	}
}

// Dragged extends the selection to the point dragged to, within the part it started in.
func (t *docText) Dragged(e *fyne.DragEvent) {
	if t.anchor.part < 0 {
		return
	}
	p := t.posAt(e.Position)
	switch {
	case p.part < t.anchor.part:
		p = docPos{t.anchor.part, 0}
	case p.part > t.anchor.part:
		p = docPos{t.anchor.part, len(t.v.parts[t.anchor.part].disp)}
	}
	if p != t.cursor {
		t.cursor = p
		t.v.selectionChanged()
	}
}

// DragEnd ends a drag.
func (t *docText) DragEnd() { t.selecting = false }

// selection returns the part and display offsets of the selection, ok false when nothing is selected.
func (t *docText) selection() (part, start, end int, ok bool) {
	if t.anchor.part < 0 || t.anchor.part != t.cursor.part || t.anchor.off == t.cursor.off {
		return 0, 0, 0, false
	}
	return t.anchor.part, min(t.anchor.off, t.cursor.off), max(t.anchor.off, t.cursor.off), true
}
