package paperwork

import (
	"fmt"

	"github.com/signintech/gopdf"
)

// A page is the A4 page the sheet is laid out on, in millimetres from the
// top left: text set line by line in the faces that have each character,
// wrapped to a width, and tables with borders whose rows break across pages.

// Page geometry, in millimetres.
const (
	pageW, pageH = 210.0, 297.0
	marginL      = 20.0
	marginR      = 20.0
	marginTop    = 16.0
	marginBottom = 20.0
	contentW     = pageW - marginL - marginR
	padX, padY   = 1.8, 1.2 // inside a table cell
	ptToMM       = 25.4 / 72
	lineSpacing  = 1.4 // a line's height, in multiples of the font size
)

// Font families as registered with the writer.
const (
	famSong     = "song"
	famHei      = "hei"
	famFallback = "fallback"
)

// style is how a piece of text is set: heading face or text face, size in points, colour.
type style struct {
	hei  bool
	size float64
	red  bool
}

// lineH returns the height of one line of text in a style.
func (s style) lineH() float64 { return s.size * ptToMM * lineSpacing }

// Colours.
var (
	black = [3]uint8{0, 0, 0}
	red   = [3]uint8{180, 0, 0}
	shade = [3]uint8{236, 236, 236}
)

// page lays the sheet out over as many pages as it takes.
type page struct {
	pdf      *gopdf.GoPdf
	fonts    *Fonts
	hasHei   bool
	fallback int // 0 not tried, 1 registered, -1 unusable
	y        float64
	bodyTop  float64 // where the page's content starts, below its header
	// header draws the top of each page after the first; repeat, when set,
	// draws the header row of the table that goes on across a page break.
	header  func()
	repeat  func()
	family  map[famRune]string
	present map[famRune]bool
	width   map[famRune]float64
	err     error
}

// famRune keys the caches of which family sets a character and how wide it is.
type famRune struct {
	fam string
	r   rune
}

// newDocument starts a document with the fonts registered.
func newDocument(fonts *Fonts) (*page, error) {
	p := &page{pdf: &gopdf.GoPdf{}, fonts: fonts, family: map[famRune]string{},
		present: map[famRune]bool{}, width: map[famRune]float64{}}
	p.pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitMM})
	song, err := fonts.Song.Data()
	if err != nil {
		return nil, fmt.Errorf("无法读取字体 %s：%v", fonts.Song, err)
	}
	if err := p.pdf.AddTTFFontData(famSong, song); err != nil {
		return nil, fmt.Errorf("字体 %s 无法嵌入：%v", fonts.Song, err)
	}
	if fonts.Hei != nil {
		if hei, err := fonts.Hei.Data(); err == nil && p.pdf.AddTTFFontData(famHei, hei) == nil {
			p.hasHei = true
		}
	}
	return p, nil
}

// addPage starts a new page and draws its header.
func (p *page) addPage() {
	p.pdf.AddPage()
	p.y = marginTop
	if p.header != nil && p.pdf.GetNumberOfPages() > 1 {
		p.header()
	}
	p.bodyTop = p.y
	if r := p.repeat; r != nil {
		p.repeat = nil
		r()
		p.repeat = r
	}
}

// room returns the height left on the page.
func (p *page) room() float64 { return pageH - marginBottom - p.y }

// need starts a new page unless h millimetres are left on this one.
func (p *page) need(h float64) {
	if p.room() < h {
		p.addPage()
	}
}

// primary returns the family a style is set in.
func (p *page) primary(s style) string {
	if s.hei && p.hasHei {
		return famHei
	}
	return famSong
}

// text draws one line with the top of its line box at (x, y).
func (p *page) text(x, y float64, s string, st style) {
	s = p.clean(s, st)
	if s == "" {
		return
	}
	col := black
	if st.red {
		col = red
	}
	p.pdf.SetTextColor(col[0], col[1], col[2])
	defer p.pdf.SetTextColor(0, 0, 0)
	fam := p.primary(st)
	y += (st.lineH() - st.size*ptToMM) / 2
	var run []rune
	runFam := ""
	flush := func() {
		if len(run) == 0 {
			return
		}
		s := string(run)
		bold := st.hei && runFam != famHei // no 黑体: the text face drawn twice, a little apart
		for _, dx := range boldOffsets(bold, st.size) {
			if err := p.pdf.SetFont(runFam, "", st.size); err != nil {
				p.err = err
				return
			}
			p.pdf.SetXY(x+dx, y)
			if err := p.pdf.Cell(nil, s); err != nil && p.err == nil {
				p.err = err
			}
		}
		for _, r := range run {
			x += p.runeWidth(runFam, r, st.size)
		}
		run = run[:0]
	}
	for _, r := range s {
		f := p.familyOf(fam, r)
		if f != runFam {
			flush()
			runFam = f
		}
		run = append(run, r)
	}
	flush()
}

// boldOffsets returns where to draw a run: once, or twice a little apart to make it bold.
func boldOffsets(bold bool, size float64) []float64 {
	if !bold {
		return []float64{0}
	}
	return []float64{0, size * 0.009}
}

// centred draws one line centred on the page.
func (p *page) centred(text string, st style) {
	p.need(st.lineH())
	p.text(marginL+(contentW-p.textWidth(text, st))/2, p.y, text, st)
	p.y += st.lineH()
}

// rect draws a rectangle: "D" its border, "F" filled, "FD" both.
func (p *page) rect(x, y, w, h float64, how string, fill [3]uint8, stroke [3]uint8) {
	p.pdf.SetFillColor(fill[0], fill[1], fill[2])
	p.pdf.SetStrokeColor(stroke[0], stroke[1], stroke[2])
	p.pdf.RectFromUpperLeftWithStyle(x, y, w, h, how)
	p.pdf.SetFillColor(0, 0, 0)
	p.pdf.SetStrokeColor(0, 0, 0)
}
