package paperwork

// Tables are rows of bordered cells. A row too tall for what is left of a
// page goes on over the next one: its cells split line by line, labels
// marked （续）, and the table's header row drawn again at the top.

// cell is one cell of a table row.
type cell struct {
	text   string
	st     style
	label  bool // a label: shaded, and （续） where the row goes on over a page
	center bool
}

// continued marks a label cell on the page a row goes on to.
const continued = "（续）"

// row draws one table row with the given column widths, from the left margin.
func (p *page) row(widths []float64, cells []cell) {
	lines := make([][]string, len(cells))
	for i, c := range cells {
		lines[i] = p.wrap(c.text, c.st, widths[i]-2*padX)
	}
	for {
		h := 0.0
		for i, c := range cells {
			h = max(h, float64(len(lines[i]))*c.st.lineH())
		}
		if h+2*padY <= p.room() {
			p.drawRow(widths, cells, lines)
			p.y += h + 2*padY
			return
		}
		// Split the row when at least two lines of each long cell fit, else start a new page.
		avail, minLines := p.room()-2*padY, 2
		split := true
		for i, c := range cells {
			if n := len(lines[i]); n > 0 && int(avail/c.st.lineH()) < min(n, minLines) {
				split = false
			}
		}
		if !split && p.y > p.bodyTop+0.01 {
			p.addPage()
			continue
		}
		now := make([][]string, len(cells))
		more := false
		for i, c := range cells {
			k := min(len(lines[i]), max(1, int(avail/c.st.lineH())))
			now[i], lines[i] = lines[i][:k], lines[i][k:]
			if len(lines[i]) > 0 && !c.label {
				more = true
			}
		}
		p.drawRowHeight(widths, cells, now, avail+2*padY)
		p.y += avail + 2*padY
		p.addPage()
		if !more {
			return
		}
		for i, c := range cells {
			if c.label && len(lines[i]) == 0 {
				lines[i] = []string{continued}
			}
		}
	}
}

// drawRow draws a row's cells with the lines given, as tall as the tallest.
func (p *page) drawRow(widths []float64, cells []cell, lines [][]string) {
	h := 0.0
	for i, c := range cells {
		h = max(h, float64(len(lines[i]))*c.st.lineH())
	}
	p.drawRowHeight(widths, cells, lines, h+2*padY)
}

// drawRowHeight draws a row's cells with the lines given, h tall.
func (p *page) drawRowHeight(widths []float64, cells []cell, lines [][]string, h float64) {
	p.pdf.SetLineWidth(0.25)
	x := marginL
	for i, c := range cells {
		if c.label {
			p.rect(x, p.y, widths[i], h, "FD", shade, black)
		} else {
			p.rect(x, p.y, widths[i], h, "D", shade, black)
		}
		for j, l := range lines[i] {
			lx := x + padX
			if c.center {
				lx = x + (widths[i]-p.textWidth(l, c.st))/2
			}
			p.text(lx, p.y+padY+float64(j)*c.st.lineH(), l, c.st)
		}
		x += widths[i]
	}
}

// table draws a header row, then the rows, the header repeated on every page the table goes on to.
func (p *page) table(widths []float64, header []cell, rows [][]cell) {
	if header != nil {
		p.need(header[0].st.lineH()*3 + 4*padY)
		p.row(widths, header)
		p.repeat = func() { p.row(widths, header) }
		defer func() { p.repeat = nil }()
	}
	for _, r := range rows {
		p.row(widths, r)
	}
}
