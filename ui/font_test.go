package ui_test

import (
	"bytes"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/opentype"

	"prepub/ui"
)

// TestNewTheme ensures ordinary and bold text are drawn with the Simplified Chinese face when fonts-noto-cjk is installed.
func TestNewTheme(t *testing.T) {
	if _, err := os.Stat("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"); err != nil {
		t.Skip("fonts-noto-cjk is not installed")
	}
	test.NewTempApp(t)
	th := ui.NewTheme()
	for name, style := range map[string]fyne.TextStyle{"Regular": {}, "Bold": {Bold: true}} {
		t.Run(name, func(t *testing.T) {
			res := th.Font(style)
			ld, err := opentype.NewLoader(bytes.NewReader(res.Content()))
			if err != nil {
				t.Fatalf("%s: %v", res.Name(), err)
			}
			if d, _ := font.Describe(ld, nil); d.Family != "Noto Sans CJK SC" {
				t.Errorf("family %q, want Noto Sans CJK SC", d.Family)
			}
			face, err := font.ParseTTF(bytes.NewReader(res.Content()))
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range "密级直A" {
				if _, ok := face.NominalGlyph(r); !ok {
					t.Errorf("no glyph for %q", r)
				}
			}
		})
	}
	if th.Font(fyne.TextStyle{Monospace: true}) == th.Font(fyne.TextStyle{}) {
		t.Error("monospace text uses the Chinese face; want the default monospace font")
	}
}
