package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"prepub/review/scan"
)

// docStyle is how a run of a document view's text is drawn.
type docStyle struct {
	fg        fyne.ThemeColorName
	bg        color.Color // nil for none
	underline bool
}

// The backgrounds of the marks: one palette for the severities (critical red,
// high orange, medium yellow, low blue), grey for withheld passages, cyan for
// matches of a search. They are translucent, so they read on light and dark themes.
var (
	docBgCritical = color.NRGBA{R: 0xe5, G: 0x39, B: 0x35, A: 0x59}
	docBgHigh     = color.NRGBA{R: 0xfb, G: 0x8c, B: 0x00, A: 0x59}
	docBgMedium   = color.NRGBA{R: 0xfd, G: 0xd8, B: 0x35, A: 0x73}
	docBgLow      = color.NRGBA{R: 0x1e, G: 0x88, B: 0xe5, A: 0x40}
	docBgWithheld = color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0x80}
	docBgMatch    = color.NRGBA{R: 0x00, G: 0xac, B: 0xc1, A: 0x59}
)

// docMarkStyle is the style of a kind of mark; current is the finding or match selected.
func docMarkStyle(kind int, current bool) docStyle {
	st := docStyle{fg: theme.ColorNameForeground, underline: current}
	switch kind {
	case markCritical:
		st.fg, st.bg = theme.ColorNameError, docBgCritical
	case markHigh:
		st.fg, st.bg = theme.ColorNameWarning, docBgHigh
	case markMedium:
		st.bg = docBgMedium
	case markLow:
		st.fg, st.bg = theme.ColorNamePrimary, docBgLow
	case markWithheld:
		st.bg = docBgWithheld
	case markMatch:
		st.bg = docBgMatch
	}
	if current {
		c := st.bg.(color.NRGBA)
		c.A = 0xcc
		st.bg = c
	}
	return st
}

// severityColor is the colour a severity's name is written in, from the same palette.
func severityColor(sev scan.Severity) fyne.ThemeColorName {
	return docMarkStyle(docMarkKind(sev), false).fg
}
