package scan

import "unicode/utf8"

// entryKind says what a keyword in the trie stands for.
type entryKind uint8

const (
	entryTerm      entryKind = iota // a keyword of a TermClass
	entryLevel                      // a classification level word: 绝密, 机密, 秘密
	entryStatement                  // an attribute statement such as 此件依申请公开
)

// entry is what a matched keyword means.
type entry struct {
	kind  entryKind
	class *TermClass // entryTerm
	value string     // level word, or the attribute of a statement
}

type edge struct {
	r  rune
	to int32
}

type node struct {
	edges []edge
	entry int32 // index into entries, -1 when no keyword ends here
}

// matcher finds keywords on the folded, whitespace-free form of raw text,
// reporting raw byte offsets. Leftmost-longest: a longer keyword that starts at
// the same place wins (国家秘密 over 秘密).
type matcher struct {
	nodes   []node
	entries []entry
	first   [0x10000]int32       // for each raw rune, the node its folded form leads to from the root, or 0
	starts  [0x10000 / 64]uint64 // bit r set when first[r] > 0: 8 KB, so the hot loop stays in L1 cache
	maxGap  int                  // whitespace runes allowed between two characters of a keyword
}

func newMatcher() *matcher {
	return &matcher{nodes: []node{{entry: -1}}, maxGap: 4}
}

func (m *matcher) child(n int32, r rune) int32 {
	for _, e := range m.nodes[n].edges {
		if e.r == r {
			return e.to
		}
	}
	return -1
}

// add inserts a keyword (already normalised); a later entry for the same keyword replaces an earlier one.
func (m *matcher) add(word string, e entry) {
	n := int32(0)
	for _, r := range word {
		c := m.child(n, r)
		if c < 0 {
			c = int32(len(m.nodes))
			m.nodes = append(m.nodes, node{entry: -1})
			m.nodes[n].edges = append(m.nodes[n].edges, edge{r, c})
		}
		n = c
	}
	m.entries = append(m.entries, e)
	m.nodes[n].entry = int32(len(m.entries) - 1)
}

// index fills the table of raw runes that may start a keyword.
func (m *matcher) index() {
	for r := rune(0); r < 0x10000; r++ {
		if c := m.child(0, fold(r)); c > 0 {
			m.first[r] = c
			m.starts[r/64] |= 1 << (r % 64)
		}
	}
}

// startsKeyword reports whether raw rune r (below 0x10000) may start a keyword.
func (m *matcher) startsKeyword(r rune) bool {
	return m.starts[r>>6]&(1<<(r&63)) != 0
}

// longest returns the longest keyword starting at raw offset i, its end offset
// and its entry, or ok false. The rune at i must start a keyword (first[r] > 0),
// and size is its length in bytes. Whitespace between characters is skipped.
func (m *matcher) longest(text string, i int, r rune, size int) (end int, e *entry, ok bool) {
	n := m.first[r]
	j := i + size
	if ent := m.nodes[n].entry; ent >= 0 {
		end, e, ok = j, &m.entries[ent], true
	}
	for j < len(text) {
		if c := text[j]; c >= 0xE0 && c < 0xF0 && j+2 < len(text) && text[j+1]&0xC0 == 0x80 && text[j+2]&0xC0 == 0x80 {
			r, size = rune(c&0x0F)<<12|rune(text[j+1]&0x3F)<<6|rune(text[j+2]&0x3F), 3 // decodeRune, inlined for speed
		} else {
			r, size = decodeRune(text, j)
		}
		if isSpace(r) {
			gap := 0
			for j < len(text) && gap <= m.maxGap {
				r, size = decodeRune(text, j)
				if !isSpace(r) {
					break
				}
				j += size
				gap++
			}
			if gap > m.maxGap || j >= len(text) {
				break
			}
		}
		c := m.child(n, fold(r))
		if c < 0 {
			break
		}
		n = c
		j += size
		if ent := m.nodes[n].entry; ent >= 0 {
			end, e, ok = j, &m.entries[ent], true
		}
	}
	return end, e, ok
}

// decodeRune decodes the rune at text[i], with three-byte sequences (where all
// CJK text lives) decoded inline.
func decodeRune(text string, i int) (rune, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xE0 && c < 0xF0 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
		return rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(text[i:])
}
