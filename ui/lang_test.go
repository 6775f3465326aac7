package ui_test

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"prepub/assets"
	"prepub/index"
	"prepub/review"
	"prepub/ui"
)

// TestChineseSelected ensures that with Chinese selected (as TestMain does)
// the tab titles, the buttons and Fyne's own dialog buttons read Chinese.
func TestChineseSelected(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	shell := ui.NewShell(w, shellServices(t))
	shell.SignedIn(index.User{Name: "张起草", Role: review.RoleClerk})
	if got := shell.Tabs(); !slices.Equal(got, []string{"起草与提交", "批量检查", "设置"}) {
		t.Errorf("tabs %v, want Chinese", got)
	}
	if shell.Screen("起草与提交") == nil {
		t.Error("no clerk screen under its Chinese title")
	}
	for key, want := range map[string]string{"切换用户": "切换用户", "登录": "登录", "Cancel": "取消", "OK": "好"} {
		if got := lang.L(key); got != want {
			t.Errorf("L(%q) = %q, want %q", key, got, want)
		}
	}
}

// TestEnglishSelected ensures choosing English translates the same keys, the
// tour's Chinese titles still find their screens, and Chinese comes back.
func TestEnglishSelected(t *testing.T) {
	if ui.SetupLanguage(ui.English) != ui.English {
		t.Fatal("English not chosen")
	}
	t.Cleanup(func() { ui.SetupLanguage(ui.Chinese) })
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	shell := ui.NewShell(w, shellServices(t))
	shell.SignedIn(index.User{Name: "张起草", Role: review.RoleClerk})
	if got := shell.Tabs(); !slices.Equal(got, []string{"Draft & submit", "Batch check", "Settings"}) {
		t.Errorf("tabs %v, want English", got)
	}
	if shell.Screen("起草与提交") == nil {
		t.Error("no clerk screen under its Chinese key")
	}
	ui.SetupLanguage(ui.Chinese)
	if got := lang.L("起草与提交"); got != "起草与提交" {
		t.Errorf("back to Chinese: %q", got)
	}
}

// TestSystemLanguage ensures Chinese is the default unless the locale asks for English.
func TestSystemLanguage(t *testing.T) {
	for loc, want := range map[string]string{"": ui.Chinese, "C": ui.Chinese, "POSIX": ui.Chinese, "C.UTF-8": ui.Chinese,
		"zh_CN.UTF-8": ui.Chinese, "zh_TW.UTF-8": ui.Chinese, "fr_FR.UTF-8": ui.Chinese, "en_US.UTF-8": ui.English, "en_GB": ui.English} {
		t.Setenv("LC_ALL", "")
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANGUAGE", "")
		t.Setenv("LANG", loc)
		if got := ui.SystemLanguage(); got != want {
			t.Errorf("LANG=%q: %s, want %s", loc, got, want)
		}
	}
}

// TestTranslationFiles ensures every key the app uses is in zh.json and
// en.json, the Chinese maps each key to itself, and the English is present,
// not Chinese, and has the same format verbs as the key.
func TestTranslationFiles(t *testing.T) {
	zh, en := readTranslations(t, "zh.json"), readTranslations(t, "en.json")
	keys := usedKeys(t, "*.go", "../cmd/prepub/*.go")
	if len(keys) < 100 {
		t.Fatalf("found only %d keys", len(keys))
	}
	verbs := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)
	for _, k := range keys {
		if zh[k] != k {
			t.Errorf("zh.json: %q = %q", k, zh[k])
		}
		e, ok := en[k]
		switch {
		case !ok || strings.TrimSpace(e) == "":
			t.Errorf("en.json: no English for %q", k)
		case strings.IndexFunc(e, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0:
			t.Errorf("en.json: %q is Chinese: %q", k, e)
		case !slices.Equal(verbs.FindAllString(k, -1), verbs.FindAllString(e, -1)):
			t.Errorf("en.json: %q has other format verbs than %q", e, k)
		}
	}
	for k := range en {
		if _, ok := zh[k]; !ok {
			t.Errorf("en.json: %q is not in zh.json", k)
		}
	}
}

func readTranslations(t *testing.T, name string) map[string]string {
	t.Helper()
	data, err := assets.Translations.ReadFile("translations/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

// usedKeys collects the translation keys of the non-test files matching the
// patterns: the string literals passed first to lang.L or lang.X, and the
// Chinese literals of package-level tables and constants (other than map
// keys), which are translated where they are shown.
func usedKeys(t *testing.T, patterns ...string) []string {
	t.Helper()
	keys := map[string]bool{}
	add := func(e ast.Expr, onlyHan bool) {
		bl, ok := e.(*ast.BasicLit)
		if !ok || bl.Kind != token.STRING {
			return
		}
		s, err := strconv.Unquote(bl.Value)
		if err == nil && (!onlyHan || strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0) {
			keys[s] = true
		}
	}
	for _, pat := range patterns {
		files, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok && len(c.Args) > 0 {
					if sel, ok := c.Fun.(*ast.SelectorExpr); ok && (sel.Sel.Name == "L" || sel.Sel.Name == "X") {
						if id, ok := sel.X.(*ast.Ident); ok && id.Name == "lang" {
							add(c.Args[0], false)
						}
					}
				}
				return true
			})
			for _, d := range f.Decls {
				if gd, ok := d.(*ast.GenDecl); ok && gd.Tok != token.IMPORT {
					ast.Inspect(gd, func(n ast.Node) bool {
						if kv, ok := n.(*ast.KeyValueExpr); ok {
							ast.Inspect(kv.Value, func(m ast.Node) bool {
								if e, ok := m.(ast.Expr); ok {
									add(e, true)
								}
								return true
							})
							return false
						}
						if e, ok := n.(ast.Expr); ok {
							add(e, true)
						}
						return true
					})
				}
			}
		}
	}
	out := make([]string, 0, len(keys))
	for k := range keys {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
