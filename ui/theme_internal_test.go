package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestStatusColorsContrast ensures that in both looks text in a status colour (a refusal, a warning, a
// success) reads at 4.5:1 or more on the page, the primary colour, written only in bold, at 3:1, and a
// button's text on any of them at 3:1 or more, as is help text, in the disabled colour.
func TestStatusColorsContrast(t *testing.T) {
	test.NewTempApp(t)
	on := map[fyne.ThemeColorName]fyne.ThemeColorName{theme.ColorNameError: theme.ColorNameForegroundOnError,
		theme.ColorNameWarning: theme.ColorNameForegroundOnWarning, theme.ColorNameSuccess: theme.ColorNameForegroundOnSuccess,
		theme.ColorNamePrimary: theme.ColorNameForegroundOnPrimary}
	for _, choice := range []string{ThemeLight, ThemeDark} {
		th := &appTheme{Theme: theme.DefaultTheme(), choice: choice}
		page := th.Color(theme.ColorNameBackground, 0)
		if r := contrast(th.Color(theme.ColorNameDisabled, 0), page); r < 3 {
			t.Errorf("%s: help text and disabled text on the page at %.2f:1", choice, r)
		}
		for c, fg := range on {
			want := 4.5
			if c == theme.ColorNamePrimary {
				want = 3
			}
			if r := contrast(th.Color(c, 0), page); r < want {
				t.Errorf("%s: %s text on the page at %.2f:1", choice, c, r)
			}
			if r := contrast(th.Color(fg, 0), th.Color(c, 0)); r < 3 {
				t.Errorf("%s: %s on %s at %.2f:1", choice, fg, c, r)
			}
		}
	}
}
