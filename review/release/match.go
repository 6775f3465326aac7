package release

import (
	"sort"
	"strings"
	"unicode/utf8"

	"prepub/review/scan"
)

// needle is a text the copy replaces wherever it occurs. It is matched on the
// scanner's folded form, so full-width, Traditional and spaced-out variants of
// a passage are found as the scan would find them.
type needle struct {
	norm    string                   // scan.Normalize of the text
	replace func(orig string) string // what stands in its place, given the text as found
	count   int                      // occurrences replaced
}

// matcher finds needles in text; earlier needles win where two overlap.
type matcher struct{ needles []*needle }

// repl replaces text[a:b] with text.
type repl struct {
	a, b int
	text string
}

// folded is a text in the scanner's matching form, each rune traced back to the original.
type folded struct {
	norm     string
	runeAt   []int // byte offset in norm → index of the rune there
	from, to []int // rune index → its bytes in the original text
}

func fold(text string) folded {
	f := folded{norm: scan.Normalize(text)}
	n := utf8.RuneCountInString(f.norm)
	f.runeAt, f.from, f.to = make([]int, 0, len(f.norm)+1), make([]int, 0, n), make([]int, 0, n)
	wide := scan.Fold(text) // the same runes as text, each folded; Normalize also drops whitespace
	wi, j := 0, 0
	for i := range text {
		fr, size := utf8.DecodeRuneInString(wide[wi:])
		wi += size
		if j == len(f.norm) {
			break
		}
		if nr, nsize := utf8.DecodeRuneInString(f.norm[j:]); nr == fr { // kept, so not whitespace
			for range nsize {
				f.runeAt = append(f.runeAt, len(f.from))
			}
			_, rsize := utf8.DecodeRuneInString(text[i:])
			f.from, f.to = append(f.from, i), append(f.to, i+rsize)
			j += nsize
		}
	}
	f.runeAt = append(f.runeAt, len(f.from))
	return f
}

// find returns where needles occur in text and what replaces each, in text
// order. count says whether to count them (not for copies Word keeps for old
// readers, such as a text box's mc:Fallback, so a passage is counted once).
func (m *matcher) find(text string, count bool) []repl {
	if len(m.needles) == 0 || strings.TrimSpace(text) == "" {
		return nil
	}
	f := fold(text)
	claimed := make([]bool, len(f.from))
	var out []repl
	for _, nd := range m.needles {
		for pos := 0; pos < len(f.norm); {
			i := strings.Index(f.norm[pos:], nd.norm)
			if i < 0 {
				break
			}
			i += pos
			k0, k1 := f.runeAt[i], f.runeAt[i+len(nd.norm)]
			if taken(claimed[k0:k1]) {
				_, size := utf8.DecodeRuneInString(f.norm[i:])
				pos = i + size
				continue
			}
			for k := k0; k < k1; k++ {
				claimed[k] = true
			}
			a, b := f.from[k0], f.to[k1-1]
			out = append(out, repl{a, b, nd.replace(text[a:b])})
			if count {
				nd.count++
			}
			pos = i + len(nd.norm)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].a < out[j].a })
	return out
}

func taken(claimed []bool) bool {
	for _, c := range claimed {
		if c {
			return true
		}
	}
	return false
}

// replaceAll returns text with the replacements made.
func replaceAll(text string, rs []repl) string {
	var b strings.Builder
	pos := 0
	for _, r := range rs {
		b.WriteString(text[pos:r.a])
		b.WriteString(r.text)
		pos = r.b
	}
	b.WriteString(text[pos:])
	return b.String()
}
