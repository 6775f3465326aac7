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

// docPalette is the background of each kind of mark, by mark kind: plain, and for the current finding or match.
type docPalette [markMatch + 1][2]color.NRGBA

// docPalettes are the marks' backgrounds on light and on dark: one palette for the severities (critical red,
// high orange, medium yellow, low blue), grey for withheld passages, cyan for matches of a search. Pale on
// light and deep on dark, opaque, so the text on them reads at 4.5:1 or more on both (TestDocPaletteContrast):
// in the foreground colour, or red for critical findings and orange for high ones.
var docPalettes = map[fyne.ThemeVariant]*docPalette{
	theme.VariantLight: {
		markCritical: {{R: 0xff, G: 0xd6, B: 0xd6, A: 0xff}, {R: 0xff, G: 0xc8, B: 0xc8, A: 0xff}},
		markHigh:     {{R: 0xff, G: 0xdc, B: 0xb0, A: 0xff}, {R: 0xff, G: 0xd0, B: 0xa0, A: 0xff}},
		markMedium:   {{R: 0xff, G: 0xdd, B: 0x55, A: 0xff}, {R: 0xff, G: 0xd4, B: 0x3a, A: 0xff}},
		markLow:      {{R: 0xd2, G: 0xe3, B: 0xfa, A: 0xff}, {R: 0xc2, G: 0xd8, B: 0xf6, A: 0xff}},
		markWithheld: {{R: 0xda, G: 0xda, B: 0xda, A: 0xff}, {R: 0xce, G: 0xce, B: 0xce, A: 0xff}},
		markMatch:    {{R: 0xb4, G: 0xe6, B: 0xee, A: 0xff}, {R: 0xa2, G: 0xe0, B: 0xea, A: 0xff}},
	},
	theme.VariantDark: {
		markCritical: {{R: 0x5a, G: 0x1a, B: 0x1a, A: 0xff}, {R: 0x68, G: 0x20, B: 0x20, A: 0xff}},
		markHigh:     {{R: 0x45, G: 0x29, B: 0x0a, A: 0xff}, {R: 0x55, G: 0x32, B: 0x10, A: 0xff}},
		markMedium:   {{R: 0x3a, G: 0x33, B: 0x0a, A: 0xff}, {R: 0x46, G: 0x3e, B: 0x0c, A: 0xff}},
		markLow:      {{R: 0x16, G: 0x31, B: 0x52, A: 0xff}, {R: 0x1c, G: 0x3f, B: 0x66, A: 0xff}},
		markWithheld: {{R: 0x36, G: 0x36, B: 0x36, A: 0xff}, {R: 0x40, G: 0x40, B: 0x40, A: 0xff}},
		markMatch:    {{R: 0x0a, G: 0x3e, B: 0x44, A: 0xff}, {R: 0x0c, G: 0x46, B: 0x4d, A: 0xff}},
	},
}

// docMarkStyle is the style of a kind of mark in the variant drawn now; current is the finding or match selected.
func docMarkStyle(kind int, current bool) docStyle {
	st := docStyle{fg: theme.ColorNameForeground, underline: current}
	switch kind {
	case markCritical:
		st.fg = theme.ColorNameError
	case markHigh:
		st.fg = theme.ColorNameWarning
	}
	i := 0
	if current {
		i = 1
	}
	st.bg = docPalettes[currentVariant()][kind][i]
	return st
}

// docBgWithheld is the background of a passage withheld, in the variant drawn now.
func docBgWithheld() color.Color { return docMarkStyle(markWithheld, false).bg }

// severityColor is the colour a severity's name is written in, from the same palette.
func severityColor(sev scan.Severity) fyne.ThemeColorName {
	return docMarkStyle(docMarkKind(sev), false).fg
}
