package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestDocPaletteContrast ensures that on light and on dark every mark's background, plain or current, keeps
// the text on it, in the colour of any mark, at 4.5:1 or more, and stands apart from the page.
func TestDocPaletteContrast(t *testing.T) {
	test.NewTempApp(t)
	for _, choice := range []string{ThemeLight, ThemeDark} {
		th := &appTheme{Theme: theme.DefaultTheme(), choice: choice}
		fyne.CurrentApp().Settings().SetTheme(th)
		page := th.Color(theme.ColorNameBackground, 0)
		for kind := markLow; kind <= markMatch; kind++ {
			for _, current := range []bool{false, true} {
				bg := docMarkStyle(kind, current).bg
				if r := contrast(bg, page); r < 1.3 {
					t.Errorf("%s: mark %d (current %v) on the page at %.2f:1", choice, kind, current, r)
				}
				for fg := markLow; fg <= markMatch; fg++ { // a finding's text may lie on any mark
					fg := docMarkStyle(fg, false).fg
					if r := contrast(th.Color(fg, 0), bg); r < 4.5 {
						t.Errorf("%s: %s on mark %d (current %v) at %.2f:1", choice, fg, kind, current, r)
					}
				}
			}
		}
	}
}

// contrast is the WCAG contrast ratio of two opaque colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// luminance is the WCAG relative luminance of an opaque colour.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
