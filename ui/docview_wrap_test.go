package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2/test"
)

// TestWrapLine_Punctuation ensures a wrapped row of the draft's text never starts with closing
// punctuation nor ends with opening punctuation, and that no character is lost or repeated.
func TestWrapLine_Punctuation(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range []struct {
		text  string
		chars int    // how many Han characters fit in a row
		want  string // the rows, joined by |
	}{
		{"一二三四五六七八九十，十一", 10, "一二三四五六七八九十，|十一"},
		{"一二三四五六七八九。”十", 9, "一二三四五六七八|九。”十"},
		{"一二三四五六七八）。”十", 9, "一二三四五六七|八）。”十"},
		{"一二三四五六七八九（十）", 10, "一二三四五六七八九|（十）"},
		{"依照第十五条、十六条的规定办理", 7, "依照第十五条、|十六条的规定办|理"},
		{"一二三四五六……七八", 6, "一二三四五|六……七八"},
	} {
		var dt docText
		dt.measure()
		dt.wrapLine(0, tc.text, 0, len(tc.text), float32(tc.chars)*dt.han+0.5)
		var rows []string
		for _, r := range dt.rows {
			rows = append(rows, tc.text[r.start:r.end])
		}
		if got := strings.Join(rows, "|"); got != tc.want {
			t.Errorf("%q in %d: rows %q, want %q", tc.text, tc.chars, got, tc.want)
		}
		if strings.Join(rows, "") != tc.text {
			t.Errorf("%q: text changed by wrapping: %q", tc.text, rows)
		}
		for k, row := range rows {
			first, _ := utf8.DecodeRuneInString(row)
			last, _ := utf8.DecodeLastRuneInString(row)
			if k > 0 && closingMark(first) || k < len(rows)-1 && openingMark(last) {
				t.Errorf("%q: row %q", tc.text, row)
			}
		}
	}
}
