package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ThemePreference is the preference that keeps the look chosen in 设置: ThemeSystem, ThemeLight or ThemeDark.
const ThemePreference = "theme.variant"

// The looks a user may choose in 设置.
const (
	ThemeSystem = "system" // light or dark as the system is set
	ThemeLight  = "light"
	ThemeDark   = "dark"
)

// appTheme is the app's theme: a base theme (Fyne's default with a Chinese face) in the
// variant the user chose, or the system's, with status colours that keep text written
// in them readable on the page and on the marks of findings.
type appTheme struct {
	fyne.Theme
	choice string
}

// statusColors replace some of Fyne's colours. On light, Fyne's red #f44336, orange #ff9800,
// blue #2196f3 and green #43f436 read at 1.4–3.7:1 on white; these read at 4.5:1 or more on white
// and on the marks of findings, as does the white text of buttons on them. On dark, a lighter red
// and orange read at 4.5:1 or more on the marks. Fyne's disabled grey, also the colour of a label's
// help text (LowImportance), reads at 1.3:1 on white and 1.6:1 on dark; these at 3.4:1 and more.
var statusColors = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		theme.ColorNameError:    color.NRGBA{R: 0xa5, G: 0x20, B: 0x19, A: 0xff},
		theme.ColorNameWarning:  color.NRGBA{R: 0x8f, G: 0x3f, B: 0x00, A: 0xff},
		theme.ColorNamePrimary:  color.NRGBA{R: 0x15, G: 0x65, B: 0xc0, A: 0xff},
		theme.ColorNameSuccess:  color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff},
		theme.ColorNameDisabled: color.NRGBA{R: 0x8c, G: 0x8c, B: 0x8c, A: 0xff},
	},
	theme.VariantDark: {
		theme.ColorNameDisabled: color.NRGBA{R: 0x70, G: 0x70, B: 0x70, A: 0xff},
		theme.ColorNameError:    color.NRGBA{R: 0xff, G: 0x8a, B: 0x80, A: 0xff},
		theme.ColorNameWarning:  color.NRGBA{R: 0xff, G: 0xab, B: 0x40, A: 0xff},
	},
}

// Color returns the base theme's colour in the chosen variant, or the status colour that replaces it.
func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	v = t.variant(v)
	if v != theme.VariantLight {
		v = theme.VariantDark // as Fyne draws any other value
	}
	if c, ok := statusColors[v][n]; ok {
		return c
	}
	return t.Theme.Color(n, v)
}

// variant is the variant the choice forces, else the system's v.
func (t *appTheme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.choice {
	case ThemeLight:
		return theme.VariantLight
	case ThemeDark:
		return theme.VariantDark
	}
	return v
}

// UseTheme makes base the app's theme in the variant kept in the app's preferences.
func UseTheme(a fyne.App, base fyne.Theme) {
	a.Settings().SetTheme(&appTheme{Theme: base, choice: a.Preferences().StringWithFallback(ThemePreference, ThemeSystem)})
}

// ChooseTheme keeps choice in the app's preferences and redraws every window in it at once.
func ChooseTheme(choice string) {
	a := fyne.CurrentApp()
	if a == nil {
		return
	}
	a.Preferences().SetString(ThemePreference, choice)
	base := a.Settings().Theme()
	if t, ok := base.(*appTheme); ok {
		base = t.Theme
	}
	UseTheme(a, base)
}

// ThemeChoice returns the look kept in the app's preferences.
func ThemeChoice() string {
	if a := fyne.CurrentApp(); a != nil {
		return a.Preferences().StringWithFallback(ThemePreference, ThemeSystem)
	}
	return ThemeSystem
}

// currentVariant is the variant the app draws in now: the one chosen, else the system's.
func currentVariant() fyne.ThemeVariant {
	a := fyne.CurrentApp()
	if a == nil {
		return theme.VariantDark
	}
	v := a.Settings().ThemeVariant()
	if t, ok := a.Settings().Theme().(*appTheme); ok {
		v = t.variant(v)
	}
	if v != theme.VariantLight { // Fyne draws any other value dark
		return theme.VariantDark
	}
	return v
}

// themeChoices are the looks offered in 设置, in order, with their names.
var themeChoices = []struct{ choice, name string }{
	{ThemeSystem, "跟随系统"}, {ThemeLight, "浅色"}, {ThemeDark, "深色"},
}

// newThemeRadio returns the choice of look for 设置, set to the one kept; a new choice applies at once.
func newThemeRadio() *widget.RadioGroup {
	var names []string
	for _, c := range themeChoices {
		names = append(names, lang.L(c.name))
	}
	r := widget.NewRadioGroup(names, nil)
	r.Horizontal = true
	r.Required = true
	for _, c := range themeChoices {
		if c.choice == ThemeChoice() {
			r.Selected = lang.L(c.name)
		}
	}
	r.OnChanged = func(name string) {
		for _, c := range themeChoices {
			if lang.L(c.name) == name && c.choice != ThemeChoice() {
				ChooseTheme(c.choice)
			}
		}
	}
	return r
}
