package scan

// skip returns the first offset at or after i, and before end, where the
// walk has more to do than step over a three-byte character (all of CJK)
// that starts no keyword and is no full-width digit: such a character leaves
// the walk in the empty state, so a run of them is passed in one tight loop.
// It passes only good UTF-8: leads E1–EC, EE and EF with two continuation
// bytes need no other check (E0 and ED, which do, are left to the walk).
func (m *matcher) skip(text string, i, end int) int {
	for i < end && i+2 < len(text) {
		c := text[i]
		if c < 0xE1 || c > 0xEF || c == 0xED || text[i+1]&0xC0 != 0x80 || text[i+2]&0xC0 != 0x80 {
			break
		}
		r := rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
		if m.startsKeyword(r) || '０' <= r && r <= '９' {
			break
		}
		i += 3
	}
	return i
}
