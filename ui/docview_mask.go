package ui

import (
	"strings"
	"unicode/utf8"

	"prepub/review/extract"
	"prepub/review/scan"
)

// docMaskPart returns a part's text with the personal numbers found in it masked by scan.Mask, byte for byte,
// so every offset into the text still holds.
func docMaskPart(text string, parts []extract.Part, part int, findings []scan.Finding) string {
	var b []byte
	for _, f := range findings {
		m := scan.Mask(f)
		if m.Text == f.Text || docPartOf(parts, f) != part {
			continue
		}
		if b == nil {
			b = []byte(text)
		}
		copy(b[f.Offset:], docSameBytes(f.Text, m.Text))
	}
	if b == nil {
		return text
	}
	return string(b)
}

// docMaskText masks the personal numbers a scan finds in text, byte for byte.
func docMaskText(sc *scan.Scanner, text string) string {
	if sc == nil || text == "" {
		return text
	}
	res := sc.ScanText(text, scan.Options{})
	parts := []extract.Part{{Kind: extract.Body, Name: "正文", Text: text}}
	return docMaskPart(text, parts, 0, res.Findings)
}

// docMaskSnippet masks the personal numbers of a search snippet whose matches are in 【】.
func docMaskSnippet(sc *scan.Scanner, snippet string) string {
	type at struct {
		pos  int
		mark string
	}
	var marks []at
	plain := strings.NewReplacer("【", "", "】", "").Replace(snippet)
	for i, n := 0, 0; i < len(snippet); {
		switch {
		case strings.HasPrefix(snippet[i:], "【"), strings.HasPrefix(snippet[i:], "】"):
			marks = append(marks, at{n, snippet[i : i+len("【")]})
			i += len("【")
		default:
			i++
			n++
		}
	}
	masked := docMaskText(sc, plain)
	var b strings.Builder
	last := 0
	for _, m := range marks {
		b.WriteString(masked[last:m.pos])
		b.WriteString(m.mark)
		last = m.pos
	}
	b.WriteString(masked[last:])
	return b.String()
}

// docSameBytes rewrites masked, rune for rune against orig, so it takes as many bytes:
// a masked full-width digit becomes ＊. A mask that is not rune for rune leaves orig as it is.
func docSameBytes(orig, masked string) string {
	mr := []rune(masked)
	if utf8.RuneCountInString(orig) != len(mr) {
		return orig
	}
	var b strings.Builder
	k := 0
	for _, r := range orig {
		m := mr[k]
		k++
		switch n := utf8.RuneLen(r); {
		case m == r || n < 1:
			b.WriteRune(r)
		case n == 3:
			b.WriteRune('＊')
		default:
			b.WriteString(strings.Repeat("*", n))
		}
	}
	if b.Len() != len(orig) {
		return orig
	}
	return b.String()
}
