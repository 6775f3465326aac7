package index

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// snippetBefore and snippetRunes shape a snippet: the text from a few
// characters before the first match, about a line of it.
const (
	snippetBefore = 20
	snippetRunes  = 80
)

// snippet returns a line of text around the first match of the normalised
// words, every match in it marked 【】, with … where text is left out.
func snippet(text string, words []string) string {
	// norm is text normalised; start and end give, for a byte offset in
	// norm where a rune starts or ends, the offset in text.
	var nb strings.Builder
	start := make([]int, 0, len(text)+1)
	end := make([]int, 1, len(text)+1)
	for i, r := range text {
		if !kept(r) {
			continue
		}
		n, _ := nb.WriteRune(unicode.ToLower(r))
		for k := 0; k < n; k++ {
			start = append(start, i)
			end = append(end, i+utf8.RuneLen(r))
		}
	}
	norm := nb.String()
	first := -1
	for _, w := range words {
		if i := strings.Index(norm, w); w != "" && i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	if first < 0 {
		return ""
	}
	from := start[first]
	for k := 0; k < snippetBefore && from > 0; k++ {
		_, n := utf8.DecodeLastRuneInString(text[:from])
		from -= n
	}
	to := from
	for k := 0; k < snippetRunes && to < len(text); k++ {
		_, n := utf8.DecodeRuneInString(text[to:])
		to += n
	}
	type span struct{ a, b int }
	var marks []span
	for _, w := range words {
		for i := 0; w != "" && i < len(norm); {
			j := strings.Index(norm[i:], w)
			if j < 0 {
				break
			}
			a, b := start[i+j], end[i+j+len(w)]
			if a >= from && b <= to {
				marks = append(marks, span{a, b})
			}
			i += j + len(w)
		}
	}
	slices.SortFunc(marks, func(x, y span) int { return x.a - y.a })
	var out strings.Builder
	if from > 0 {
		out.WriteString("…")
	}
	at := from
	for k := 0; k < len(marks); {
		m := marks[k]
		for k++; k < len(marks) && marks[k].a <= m.b; k++ {
			m.b = max(m.b, marks[k].b)
		}
		out.WriteString(text[at:m.a])
		out.WriteString("【" + text[m.a:m.b] + "】")
		at = m.b
	}
	out.WriteString(text[at:to])
	if to < len(text) {
		out.WriteString("…")
	}
	return strings.Join(strings.Fields(out.String()), " ")
}
