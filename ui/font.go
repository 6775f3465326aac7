package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"prepub/assets"
)

// chineseTheme is Fyne's default theme with its text drawn in a Simplified Chinese face.
type chineseTheme struct {
	fyne.Theme
	regular, bold fyne.Resource
}

// NewTheme returns the app's theme: Fyne's default theme drawing text with
// the program's own Simplified Chinese faces (assets.FontRegular, FontBold),
// the same on every platform.
//
// Fyne does render Chinese without help: for runes its bundled font lacks it
// falls back to a system font. But on Linux it takes the first face of
// NotoSansCJK-Regular.ttc, the Japanese one, so shared characters (直, 骨,
// 令 …) get Japanese shapes, and parsing that 16 MB face took half a second
// of every start. A character the program's faces lack (outside GB 2312 and
// the window's own words) still comes from that fallback.
func NewTheme() fyne.Theme {
	return &chineseTheme{
		Theme:   theme.DefaultTheme(),
		regular: fyne.NewStaticResource("NotoSansCJKsc-Regular.otf", assets.FontRegular),
		bold:    fyne.NewStaticResource("NotoSansCJKsc-Bold.otf", assets.FontBold),
	}
}

// Font returns the Chinese face for ordinary text and the default fonts for code and symbols.
func (t *chineseTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace || s.Symbol:
		return t.Theme.Font(s)
	case s.Bold:
		return t.bold
	}
	return t.regular
}
