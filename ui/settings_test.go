package ui_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"prepub/review/scan"
	"prepub/ui"
)

// texts collects the text of every label under o.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if s, ok := ui.LabelText(o); ok {
			b.WriteString(s + "\n")
			return
		}
		switch w := o.(type) {
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(w.Content)
		}
	}
	walk(o)
	return b.String()
}

// TestSettingsShowsPolicy ensures the settings screen shows the rules in force and the allow list with reasons and expiry, marking expired entries.
func TestSettingsShowsPolicy(t *testing.T) {
	test.NewTempApp(t)
	svc := shellServices(t)
	allow := filepath.Join(t.TempDir(), "allow.toml")
	os.WriteFile(allow, []byte("[[allow]]\ntext = \"内部资料\"\nreason = \"本单位刊物名称\"\nexpires = 2020-01-01\n"), 0o644)
	_, policy, err := scan.LoadPolicy(nil, allow)
	if err != nil {
		t.Fatal(err)
	}
	svc.Policy = policy
	got := texts(ui.NewSettingsScreen(svc).Content())
	for _, want := range []string{"内置默认规则", "保密员", "内部资料", "本单位刊物名称", "2020-01-01", "已过期"} {
		if !strings.Contains(got, want) {
			t.Errorf("settings lack %q:\n%s", want, got)
		}
	}
}
