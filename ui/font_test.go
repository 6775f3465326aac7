package ui_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/opentype"

	"prepub/ui"
)

// TestNewTheme ensures ordinary and bold text are drawn with the Simplified
// Chinese face, and code and symbols with Fyne's own fonts.
func TestNewTheme(t *testing.T) {
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
			face := parse(t, res)
			for _, r := range "密级直骨令A１，。" {
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

// TestFaceCoversTheWindow checks that every Chinese character of the
// window's own texts (its Go sources, the Chinese translations, the help
// pages) is in both faces, so none is drawn from another font.
func TestFaceCoversTheWindow(t *testing.T) {
	test.NewTempApp(t)
	th := ui.NewTheme()
	faces := map[string]*font.Face{"regular": parse(t, th.Font(fyne.TextStyle{})), "bold": parse(t, th.Font(fyne.TextStyle{Bold: true}))}
	var files []string
	for _, pattern := range []string{"*.go", "help/*/*.md", "../assets/translations/zh.json", "../review/names.go"} {
		m, err := filepath.Glob(pattern)
		if err != nil || len(m) == 0 {
			t.Fatalf("no files %s: %v", pattern, err)
		}
		files = append(files, m...)
	}
	missing := map[rune]string{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range string(data) {
			if r < 0x2000 || !unicode.IsGraphic(r) || unicode.IsSpace(r) {
				continue
			}
			for name, face := range faces {
				if _, ok := face.NominalGlyph(r); !ok {
					missing[r] = f + " (" + name + ")"
				}
			}
		}
	}
	for r, where := range missing {
		t.Errorf("%q of %s is not in the program's face: run scripts/subset-fonts.sh", r, where)
	}
}

// parse parses a font resource as Fyne does.
func parse(t *testing.T, res fyne.Resource) *font.Face {
	t.Helper()
	f, err := font.ParseTTF(bytes.NewReader(res.Content()))
	if err != nil {
		t.Fatalf("%s: %v", res.Name(), err)
	}
	return f
}
