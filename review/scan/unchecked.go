package scan

import (
	"strings"
	"unsafe"

	"prepub/review/extract"
)

// A plain text read as UTF-8 unchecked (extract.Part.Unchecked) is checked
// for UTF-8 and NUL bytes by the walk that scans it. The walk's skip over
// runs of Chinese characters (skip.go) already checks each one's three bytes
// and passes no other kind of sequence, so what it passes is known good; the
// check reads only the bytes between those runs (ASCII, keyword starts,
// digits, other scripts), just after the walk has read them. The checked
// pieces split the text where runes start, so together they give the one
// check of the whole text's answer.

// utf8Check is how far a walk has checked its text.
type utf8Check struct {
	text       string
	pos, limit int  // checked up to pos; checks end at limit, where a rune starts
	bad        bool // not UTF-8, or a NUL byte
}

// passed notes that the walk's skip went from i to j over good characters:
// what lies between the checked part and i is checked first.
func (c *utf8Check) passed(i, j int) {
	if i > c.pos {
		c.upTo(i)
	}
	if j > c.pos {
		c.pos = j
	}
}

// upTo checks the text from pos up to i (at most limit), i where a rune starts.
func (c *utf8Check) upTo(i int) {
	i = min(i, c.limit)
	if i <= c.pos || c.bad {
		return
	}
	gap := c.text[c.pos:i]
	c.pos = i
	if len(gap) == 1 { // most gaps: one ASCII letter, digit or sign
		c.bad = gap[0] == 0 || gap[0] >= 0x80
		return
	}
	c.bad = !extract.ValidUTF8(unsafe.Slice(unsafe.StringData(gap), len(gap))) || strings.IndexByte(gap, 0) >= 0
}

// walkChecked walks from i in state st to end as ps.walk does, checking
// text[i:limit] as it goes when check is not nil.
func (ps *partScan) walkChecked(i, end int, st after, check *utf8Check) (int, after) {
	if check == nil {
		return ps.walk(i, end, st)
	}
	ps.check = check
	i, st = ps.walk(i, end, st)
	ps.check = nil
	check.upTo(check.limit)
	return i, st
}
