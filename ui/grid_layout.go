package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// labelledGridLayout lays its objects out in rows of cols cells: the first column as wide as
// its widest cell (the rows' names), the others sharing what is left of the width equally, so
// a table of entries fits any window its names and narrowest cells fit.
type labelledGridLayout struct{ cols int }

// newLabelledGridLayout returns a labelledGridLayout of cols columns, the names' one included.
func newLabelledGridLayout(cols int) fyne.Layout { return &labelledGridLayout{cols: cols} }

// widths returns the first column's width and the least width of the others, and each row's height.
func (l *labelledGridLayout) widths(objs []fyne.CanvasObject) (first, rest float32, rows []float32) {
	for i, o := range objs {
		min := o.MinSize()
		if i%l.cols == 0 {
			first = max(first, min.Width)
			rows = append(rows, 0)
		} else {
			rest = max(rest, min.Width)
		}
		rows[len(rows)-1] = max(rows[len(rows)-1], min.Height)
	}
	return first, rest, rows
}

// Layout places the cells row by row.
func (l *labelledGridLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	first, _, rows := l.widths(objs)
	cell := (size.Width - first - float32(l.cols-1)*pad) / float32(max(l.cols-1, 1))
	y := float32(0)
	for i, o := range objs {
		r, c := i/l.cols, i%l.cols
		if c == 0 && r > 0 {
			y += rows[r-1] + pad
		}
		x, w := float32(0), first
		if c > 0 {
			x, w = first+pad+float32(c-1)*(cell+pad), cell
		}
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(w, rows[r]))
	}
}

// MinSize is the names' column and the other columns at their least, and every row.
func (l *labelledGridLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	first, rest, rows := l.widths(objs)
	h := float32(0)
	for i, r := range rows {
		if i > 0 {
			h += pad
		}
		h += r
	}
	return fyne.NewSize(first+float32(l.cols-1)*(rest+pad), h)
}
