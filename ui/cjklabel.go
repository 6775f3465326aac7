package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// wrapLabel is a label whose text wraps at its width by breakLines, the document view's rule, so
// that no line starts with closing punctuation nor ends with opening punctuation, as Fyne's own
// wrapping (at spaces only, or anywhere) lets Chinese text do. Its minimum height is that of the
// lines at its present width, so a container gives it room again after each resize.
type wrapLabel struct {
	widget.BaseWidget
	Text       string
	Importance widget.Importance
	TextStyle  fyne.TextStyle

	broken wrapLines // the lines last broken, kept while text, style, size and width stay
}

// wrapLines are a label's lines for the text, style, text size and width they were broken at.
type wrapLines struct {
	text  string
	style fyne.TextStyle
	size  float32
	width float32
	lines []string
}

// newWrapLabel returns a wrapping label showing text.
func newWrapLabel(text string) *wrapLabel {
	l := &wrapLabel{Text: text}
	l.ExtendBaseWidget(l)
	return l
}

// SetText shows text instead.
func (l *wrapLabel) SetText(text string) {
	l.Text = text
	l.Refresh()
}

// lines returns the lines the text takes at this width, the label's padding included.
func (l *wrapLabel) lines(width float32) []string {
	th := l.Theme()
	size := th.Size(theme.SizeNameText)
	b := &l.broken
	if b.lines != nil && b.text == l.Text && b.style == l.TextStyle && b.size == size && b.width == width {
		return b.lines
	}
	widths := map[rune]float32{}
	measure := func(r rune) float32 {
		w, ok := widths[r]
		if !ok {
			w = fyne.MeasureText(string(r), size, l.TextStyle).Width
			widths[r] = w
		}
		return w
	}
	avail := width - 2*th.Size(theme.SizeNameInnerPadding)
	var out []string
	for _, para := range strings.Split(l.Text, "\n") {
		if width <= 0 {
			out = append(out, para)
			continue
		}
		for _, s := range breakLines(para, avail, measure) {
			out = append(out, para[s.start:s.end])
		}
	}
	*b = wrapLines{l.Text, l.TextStyle, size, width, out}
	return out
}

// colorName is the theme color of the text for the label's importance, as widget.Label chooses it.
func (l *wrapLabel) colorName() fyne.ThemeColorName {
	switch l.Importance {
	case widget.LowImportance:
		return theme.ColorNameDisabled
	case widget.HighImportance:
		return theme.ColorNamePrimary
	case widget.DangerImportance:
		return theme.ColorNameError
	case widget.WarningImportance:
		return theme.ColorNameWarning
	case widget.SuccessImportance:
		return theme.ColorNameSuccess
	}
	return theme.ColorNameForeground
}

// CreateRenderer draws the label's lines as texts.
func (l *wrapLabel) CreateRenderer() fyne.WidgetRenderer {
	r := &wrapLabelRenderer{l: l}
	r.Refresh()
	return r
}

// wrapLabelRenderer draws a wrapLabel, one canvas text a line.
type wrapLabelRenderer struct {
	l     *wrapLabel
	texts []fyne.CanvasObject
}

// Destroy does nothing: the renderer holds nothing to release.
func (r *wrapLabelRenderer) Destroy() {}

// Objects are the lines' texts.
func (r *wrapLabelRenderer) Objects() []fyne.CanvasObject { return r.texts }

// lineHeight is the height of one line and the space under it.
func (r *wrapLabelRenderer) lineHeight() (float32, float32) {
	th := r.l.Theme()
	return fyne.MeasureText("国", th.Size(theme.SizeNameText), r.l.TextStyle).Height, th.Size(theme.SizeNameLineSpacing)
}

// MinSize is one character wide and as high as the lines at the label's present width.
func (r *wrapLabelRenderer) MinSize() fyne.Size {
	th := r.l.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	n := float32(len(r.l.lines(r.l.Size().Width)))
	h, gap := r.lineHeight()
	char := fyne.MeasureText("国", th.Size(theme.SizeNameText), r.l.TextStyle)
	return fyne.NewSize(char.Width+2*pad, n*h+(n-1)*gap+2*pad)
}

// Layout breaks the text at the new width and places the lines.
func (r *wrapLabelRenderer) Layout(size fyne.Size) {
	r.update(size.Width)
}

// Refresh takes the label's text, importance and the theme again.
func (r *wrapLabelRenderer) Refresh() {
	r.update(r.l.Size().Width)
	canvas.Refresh(r.l)
}

// update makes one text a line for the label at width, and places them.
func (r *wrapLabelRenderer) update(width float32) {
	th := r.l.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	pad := th.Size(theme.SizeNameInnerPadding)
	h, gap := r.lineHeight()
	lines := r.l.lines(width)
	for len(r.texts) < len(lines) {
		r.texts = append(r.texts, canvas.NewText("", nil))
	}
	r.texts = r.texts[:len(lines)]
	for i, line := range lines {
		t := r.texts[i].(*canvas.Text)
		t.Text = line
		t.TextStyle = r.l.TextStyle
		t.TextSize = th.Size(theme.SizeNameText)
		t.Color = th.Color(r.l.colorName(), v)
		t.Move(fyne.NewPos(pad, pad+float32(i)*(h+gap)))
		t.Resize(fyne.NewSize(width-2*pad, h))
		t.Refresh()
	}
}
