package scan

import "unicode/utf8"

// after is what the walk remembers of the character before its position: a
// digit stops a run from starting inside a longer number, any letter or digit
// stops a run of capitals (a credit code) starting inside a word. With the
// position it decides everything the walk does from there on.
type after struct {
	digit, alnum bool
}

// walk scans the part's text from offset i, in state st, and stops at the
// first position at or past end where a step lands (a keyword, a number or a
// marking may carry it past end). It returns that position and the state there.
func (ps *partScan) walk(i, end int, st after) (int, after) {
	text := ps.p.Text
	m := ps.s.m
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case isDigit(c) && !st.digit, 'A' <= c && c <= 'Z' && !st.alnum:
				i = ps.number(i)
				st = after{true, true}
				continue
			case m.startsKeyword(rune(c)):
				if end, e, ok := m.longest(text, i, rune(c), 1); ok {
					i = ps.match(i, end, e)
					st = after{}
					continue
				}
			}
			st = after{isDigit(c), isAlnum(c)}
			i++
			continue
		}
		if j := m.skip(text, i, end); j > i {
			if ps.check != nil {
				ps.check.passed(i, j)
			}
			i, st = j, after{}
			continue
		}
		var r rune
		var size int
		if c >= 0xE0 && c < 0xF0 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
			r, size = rune(c&0x0F)<<12|rune(text[i+1]&0x3F)<<6|rune(text[i+2]&0x3F), 3 // decodeRune, inlined for speed
		} else {
			r, size = decodeRune(text, i)
		}
		if r < 0x10000 && m.startsKeyword(r) {
			if end, e, ok := m.longest(text, i, r, size); ok {
				i = ps.match(i, end, e)
				st = after{}
				continue
			}
		}
		fullDigit := '０' <= r && r <= '９'
		if fullDigit && !st.digit {
			i = ps.number(i)
			st = after{true, true}
			continue
		}
		st = after{fullDigit, fullDigit}
		i += size
	}
	return i, st
}
