package paperwork

import (
	"strings"
	"unicode"
)

// Characters a line may not start with, and may not end with (禁则).
const (
	noStart = "，。、；：？！）》」』】〕”’…—·%,.;:?!)]}》"
	noEnd   = "（《「『【〔“‘([{"
)

// wrap breaks text into lines no wider than w: at newlines, between any two
// Chinese characters, and inside a run of letters or digits only when it is
// longer than a line. A closing mark never starts a line, nor an opening mark
// ends one.
func (p *page) wrap(text string, st style, w float64) []string {
	var out []string
	text = p.clean(strings.ReplaceAll(text, "\r\n", "\n"), st)
	for _, para := range strings.Split(text, "\n") {
		out = append(out, p.wrapLine([]rune(para), st, w)...)
	}
	return out
}

// wrapLine breaks one paragraph into lines no wider than w.
func (p *page) wrapLine(rs []rune, st style, w float64) []string {
	var out []string
	fam := p.primary(st)
	for len(rs) > 0 {
		n, width := 0, 0.0
		for n < len(rs) {
			cw := p.runeWidth(p.familyOf(fam, rs[n]), rs[n], st.size)
			if width+cw > w && n > 0 {
				break
			}
			width += cw
			n++
		}
		if n < len(rs) {
			n = breakAt(rs, n)
		}
		out = append(out, strings.TrimRightFunc(string(rs[:n]), unicode.IsSpace))
		rs = rs[n:]
		for len(rs) > 0 && rs[0] == ' ' {
			rs = rs[1:]
		}
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

// breakAt moves a break before rs[n] to where it may fall: a closing mark
// stays with the character before it (hanging a little), an opening mark
// goes to the next line, and a word of letters or digits is not split
// unless it fills the line.
func breakAt(rs []rune, n int) int {
	if strings.ContainsRune(noStart, rs[n]) {
		return n + 1
	}
	if n > 1 && strings.ContainsRune(noEnd, rs[n-1]) {
		return n - 1
	}
	if isWord(rs[n]) && isWord(rs[n-1]) {
		for k := n - 1; k > 0; k-- {
			if !isWord(rs[k-1]) {
				return k
			}
		}
	}
	return n
}

// isWord reports a letter or digit of a Latin word or number.
func isWord(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '_' || r == '-' || r == '.' || r == '/'
}
