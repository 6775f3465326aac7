package ui_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prepub/ui"
)

// TestThemeChoice ensures the look chosen in 设置 is drawn at once, whatever the system's variant, is kept in
// the app's preferences, and is the one the next start draws in and the settings screen shows.
func TestThemeChoice(t *testing.T) {
	a := test.NewTempApp(t)
	ui.UseTheme(a, theme.DefaultTheme())
	w := test.NewWindow(ui.NewSettingsScreen(shellServices(t)).Content())
	defer w.Close()
	w.Resize(fyne.NewSize(1024, 700))
	radio := rqFind(w.Content(), func(*widget.RadioGroup) bool { return true })
	if radio == nil || radio.Selected != "跟随系统" {
		t.Fatalf("theme choice %v, want 跟随系统 selected", radio)
	}
	for _, c := range []struct {
		name, pref string
		variant    fyne.ThemeVariant
	}{{"浅色", ui.ThemeLight, theme.VariantLight}, {"深色", ui.ThemeDark, theme.VariantDark}, {"浅色", ui.ThemeLight, theme.VariantLight}} {
		radio.SetSelected(c.name)
		want := theme.DefaultTheme().Color(theme.ColorNameBackground, c.variant)
		for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} { // whatever the system says
			if got := a.Settings().Theme().Color(theme.ColorNameBackground, v); got != want {
				t.Errorf("%s chosen, system %d: background %v, want %v", c.name, v, got, want)
			}
		}
		if got := theme.Color(theme.ColorNameForeground); got != theme.DefaultTheme().Color(theme.ColorNameForeground, c.variant) {
			t.Errorf("%s chosen: widgets drawn with foreground %v", c.name, got)
		}
		if got := a.Preferences().String(ui.ThemePreference); got != c.pref {
			t.Errorf("%s chosen: preference %q, want %q", c.name, got, c.pref)
		}
	}

	// The next start: a new theme from the preference, and the settings screen showing it.
	ui.UseTheme(a, theme.DefaultTheme())
	if got := a.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark); got != theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight) {
		t.Errorf("after a restart the background is %v, want light", got)
	}
	again := rqFind(ui.NewSettingsScreen(shellServices(t)).Content(), func(*widget.RadioGroup) bool { return true })
	if again.Selected != "浅色" {
		t.Errorf("after a restart 设置 shows %q", again.Selected)
	}
	again.SetSelected("跟随系统")
	if got := a.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark); got != theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark) {
		t.Errorf("following a dark system, background %v", got)
	}
	if got := a.Preferences().String(ui.ThemePreference); got != ui.ThemeSystem {
		t.Errorf("following the system: preference %q", got)
	}
}
