package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestWrapLabel_Punctuation ensures a wrapped label never starts a line with closing punctuation
// nor ends one with opening punctuation, at widths where a cut by width alone would put 、 or 。
// first on a line, keeps its text whole, and asks for more height the more lines it takes.
func TestWrapLabel_Punctuation(t *testing.T) {
	test.NewTempApp(t)
	const text = "依照第十五条、十六条的规定办理。请各单位（含直属机构）认真执行，确保“按时”完成！"
	han := fyne.MeasureText("国", theme.TextSize(), fyne.TextStyle{}).Width
	pad := 2 * theme.InnerPadding()
	l := newWrapLabel(text)
	lastLines, lastHeight, naive := 0, float32(0), 0
	for chars := 30; chars >= 4; chars-- {
		width := float32(chars)*han + pad + 0.5
		l.Resize(fyne.NewSize(width, 10))
		if r := []rune(text); chars < len(r) && closingMark(r[chars]) {
			naive++ // a cut after chars characters would start the next line with it
		}
		lines := l.lines(width)
		if got := strings.Join(lines, ""); got != text {
			t.Errorf("at %d characters the text became %q", chars, got)
		}
		for k, line := range lines {
			first, _ := utf8.DecodeRuneInString(line)
			last, _ := utf8.DecodeLastRuneInString(line)
			if k > 0 && closingMark(first) || k < len(lines)-1 && openingMark(last) {
				t.Errorf("at %d characters a line reads %q: %q", chars, line, lines)
			}
		}
		h := l.MinSize().Height
		switch {
		case len(lines) > lastLines && h <= lastHeight:
			t.Errorf("at %d characters %d lines need %v high, no more than %d lines did", chars, len(lines), h, lastLines)
		case len(lines) == lastLines && h != lastHeight:
			t.Errorf("at %d characters the same %d lines need %v high, not %v", chars, len(lines), h, lastHeight)
		}
		if n := len(test.WidgetRenderer(l).Objects()); n != len(lines) {
			t.Errorf("at %d characters %d texts drawn for %d lines", chars, n, len(lines))
		}
		lastLines, lastHeight = len(lines), h
	}
	if naive == 0 || lastLines < 5 {
		t.Fatalf("the widths tried put no punctuation at a cut (%d), or too few lines (%d)", naive, lastLines)
	}
}
