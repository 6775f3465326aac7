package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// docRow is one line on screen: a part's heading (start < 0) or a stretch of its text as wrapped.
type docRow struct{ part, start, end int }

// docText is the scrolled text of a document view. It wraps the text into rows
// itself, one measured width per character, and draws only the rows in sight:
// a long draft costs what a screenful of it does, however many marks it has.
type docText struct {
	widget.BaseWidget
	v *DocView

	rows     []docRow
	width    float32 // the width the rows were wrapped at
	rowH     float32
	textSize float32
	widths   map[rune]float32
	han      float32 // the width of any Han character
	textH    float32 // the height of a line of text

	shown map[int]*fyne.Container // the rows drawn, by row
	objs  []fyne.CanvasObject

	anchor, cursor docPos // the mouse selection, in display offsets
	selecting      bool
}

// docPos is a place in the text shown: a part and a display offset in it.
type docPos struct{ part, off int }

// newDocText makes the text area of v.
func newDocText(v *DocView) *docText {
	t := &docText{v: v, shown: map[int]*fyne.Container{}, anchor: docPos{-1, 0}, cursor: docPos{-1, 0}}
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer returns the renderer that draws the rows in sight.
func (t *docText) CreateRenderer() fyne.WidgetRenderer { return &docTextRenderer{t: t} }

// forget drops the rows drawn, so the next layout draws them again.
func (t *docText) forget() {
	clear(t.shown)
	t.objs = t.objs[:0]
}

// showRows draws the rows in sight of the scroll and drops the others.
func (t *docText) showRows() {
	sc := t.v.scroll
	if t.rowH <= 0 || len(t.rows) == 0 {
		t.objs = t.objs[:0]
		return
	}
	first := max(0, int(sc.Offset.Y/t.rowH)-2)
	last := min(len(t.rows)-1, int((sc.Offset.Y+sc.Size().Height)/t.rowH)+2)
	for r := range t.shown {
		if r < first || r > last {
			delete(t.shown, r)
		}
	}
	t.objs = t.objs[:0]
	for r := first; r <= last; r++ {
		c, ok := t.shown[r]
		if !ok {
			c = t.drawRow(r)
			t.shown[r] = c
		}
		t.objs = append(t.objs, c)
	}
}

// drawRow draws one row: a heading, or text runs with the background and colour of their marks.
func (t *docText) drawRow(r int) *fyne.Container {
	row := t.rows[r]
	c := container.NewWithoutLayout()
	y := float32(r) * t.rowH
	c.Move(fyne.NewPos(0, y))
	c.Resize(fyne.NewSize(t.width, t.rowH))
	pad := theme.Padding()
	if row.start < 0 {
		part := t.v.parts[row.part]
		h := canvas.NewText(part.heading, theme.Color(theme.ColorNamePrimary))
		if part.src.Hidden {
			h.Color = theme.Color(theme.ColorNameWarning)
		}
		h.TextStyle.Bold = true
		h.TextSize = t.textSize
		h.Move(fyne.NewPos(pad, (t.rowH-t.textH)/2))
		c.Add(h)
		return c
	}
	text := t.v.parts[row.part].disp
	x := pad
	for _, run := range t.v.runs(row.part, row.start, row.end) {
		s := text[run.start:run.end]
		w := float32(0)
		for _, ch := range s {
			w += t.runeWidth(ch)
		}
		if run.style.bg != nil {
			bg := canvas.NewRectangle(run.style.bg)
			bg.Move(fyne.NewPos(x, 0))
			bg.Resize(fyne.NewSize(w, t.rowH))
			c.Add(bg)
		}
		txt := canvas.NewText(s, theme.Color(run.style.fg))
		txt.TextSize = t.textSize
		txt.Move(fyne.NewPos(x, (t.rowH-t.textH)/2))
		c.Add(txt)
		if run.style.underline {
			ul := canvas.NewLine(theme.Color(run.style.fg))
			ul.StrokeWidth = 2
			ul.Position1 = fyne.NewPos(x, t.rowH-1)
			ul.Position2 = fyne.NewPos(x+w, t.rowH-1)
			c.Add(ul)
		}
		x += w
	}
	return c
}

// docRun is a stretch of a row drawn in one style.
type docRun struct {
	start, end int
	style      docStyle
}

// scrolled draws the rows that came into sight.
func (t *docText) scrolled() {
	t.showRows()
	canvas.Refresh(t)
}

// docTextRenderer lays out the rows in sight.
type docTextRenderer struct{ t *docText }

// Destroy has nothing to release.
func (r *docTextRenderer) Destroy() {}

// Layout draws the rows in sight at the new size.
func (r *docTextRenderer) Layout(fyne.Size) { r.t.showRows() }

// MinSize is the height of every row; the width follows the view.
func (r *docTextRenderer) MinSize() fyne.Size {
	return fyne.NewSize(0, float32(len(r.t.rows))*r.t.rowH+theme.Padding())
}

// Objects are the rows drawn.
func (r *docTextRenderer) Objects() []fyne.CanvasObject { return r.t.objs }

// Refresh draws the rows in sight again, with the marks and theme as they are now;
// a new text size wraps the text again.
func (r *docTextRenderer) Refresh() {
	t := r.t
	if t.textSize != 0 && theme.TextSize() != t.textSize && t.width > 0 {
		top := t.v.topPos()
		t.wrap(t.width, true)
		t.v.afterWrap(top)
		return
	}
	t.forget()
	t.showRows()
	canvas.Refresh(t)
}

// docSelectionBg is the background of the text selected with the mouse.
func docSelectionBg() color.Color { return theme.Color(theme.ColorNameSelection) }

// docBodyLayout gives the scroll the whole area, wrapping the text for its width first,
// so the scroll lays its content out at the height the wrapped text takes.
type docBodyLayout struct{ t *docText }

// Layout wraps the text for the width, then gives the scroll the whole area.
func (l *docBodyLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	top := l.t.v.topPos()
	changed := l.t.wrap(size.Width, false)
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if changed {
		l.t.v.afterWrap(top)
	}
}

// MinSize leaves room for a few rows.
func (l *docBodyLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(120, 3*l.t.rowH)
}
