package scan

import (
	"strings"
	"unicode/utf8"
	"unsafe"

	"prepub/review/extract"
)

// A plain text read as UTF-8 unchecked (extract.Part.Unchecked) is checked
// for UTF-8 and NUL bytes by the walk that scans it, a block ahead of the
// walk, so its bytes are read from memory once rather than once by each
// check and again by the scan.
// The checked pieces split the text where runes start, so together they give
// the one check of the whole text's answer.
const checkBlock = 64 << 10 // bytes checked, then walked, at a time

// utf8Check is how far a walk has checked its text.
type utf8Check struct {
	text       string
	pos, limit int  // checked up to pos; checks end at limit, where a rune starts
	bad        bool // not UTF-8, or a NUL byte
}

// upTo checks the text up to the first rune start at or past i (at most limit).
func (c *utf8Check) upTo(i int) {
	if i <= c.pos || c.bad {
		return
	}
	i = min(i, c.limit)
	for i < c.limit && !utf8.RuneStart(c.text[i]) {
		i++
	}
	block := c.text[c.pos:i]
	c.bad = !extract.ValidUTF8(unsafe.Slice(unsafe.StringData(block), len(block))) || strings.IndexByte(block, 0) >= 0
	c.pos = i
}

// walkChecked walks from i in state st to end as ps.walk does, checking
// text[i:limit] block by block just ahead of the walk when check is not nil.
func (ps *partScan) walkChecked(i, end int, st after, check *utf8Check) (int, after) {
	if check == nil {
		return ps.walk(i, end, st)
	}
	for i < end {
		stop := min(i+checkBlock, end)
		check.upTo(stop + 64) // the walk may read a little past stop
		i, st = ps.walk(i, stop, st)
	}
	check.upTo(check.limit)
	return i, st
}
