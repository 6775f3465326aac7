package extract

import (
	"strings"
	"unicode/utf16"
)

// Characters with a special meaning in the text of a Word binary document ([MS-DOC] 2.8.x, 2.6.1 sprmCFSpec).
const (
	chFieldBegin     = 0x13
	chFieldSeparator = 0x14
	chFieldEnd       = 0x15
	chParagraph      = 0x0D
	chCellEnd        = 0x07 // end of a table cell, or of a row in a row-ending paragraph
	chLineBreak      = 0x0B
	chPageBreak      = 0x0C // also ends a section
	chTab            = 0x09
	chNonBreakHyphen = 0x1E
)

// docText turns the characters of one or more stories into text: visible text,
// hidden text and text deleted with tracked changes, each with its own lines.
// Field codes are dropped and field results kept; object anchors, note and
// comment references and other control characters are dropped.
type docText struct {
	storySinks

	fields []bool // open fields, innermost last: true until the field's separator
	inCode int    // open fields still in their code
	high   rune   // a high surrogate waiting for its pair

	limit int64 // most bytes the three texts may hold together; 0 means no limit
	over  bool  // the limit was passed and further text ignored
}

// put adds one character with its formatting.
func (t *docText) put(c rune, fl charFlags) {
	if t.over {
		return
	}
	if t.high != 0 {
		high := t.high
		t.high = 0
		if utf16.IsSurrogate(c) && c >= 0xDC00 {
			c = utf16.DecodeRune(high, c)
		}
	}
	switch {
	case c >= 0xD800 && c < 0xDC00:
		t.high = c
		return
	case c >= 0xDC00 && c < 0xE000:
		return // a low surrogate without its high half
	}
	switch c {
	case chFieldBegin:
		t.fields = append(t.fields, true)
		t.inCode++
		return
	case chFieldSeparator:
		if n := len(t.fields); n > 0 && t.fields[n-1] {
			t.fields[n-1] = false
			t.inCode--
		}
		return
	case chFieldEnd:
		if n := len(t.fields); n > 0 {
			if t.fields[n-1] {
				t.inCode--
			}
			t.fields = t.fields[:n-1]
		}
		return
	}
	if t.inCode > 0 {
		return
	}
	switch {
	case c == chParagraph || c == chPageBreak:
		t.endParagraph()
	case c == chCellEnd:
		if fl&flagRowEnd == 0 {
			t.endParagraph() // each cell on its own line, as a .docx cell's paragraphs are
		}
	case c == chLineBreak:
		t.sinkFor(fl).WriteByte('\n')
	case c == chTab:
		t.sinkFor(fl).WriteByte('\t')
	case c == chNonBreakHyphen:
		t.sinkFor(fl).WriteByte('-')
	case c < 0x20:
		// object anchors, note and comment references, separators, optional hyphens
	default:
		t.sinkFor(fl).WriteRune(c)
	}
	if t.limit > 0 && int64(t.size()) > t.limit {
		t.over = true
	}
}

// sinkFor returns where text with these flags goes.
func (t *docText) sinkFor(fl charFlags) *strings.Builder {
	return t.sink(fl&flagDeleted != 0, fl&flagVanish != 0)
}

// endStory closes a story: an unfinished line ends, and fields left open do not reach into the next story.
func (t *docText) endStory() {
	if t.wroteVisible || t.wroteVanished || t.wroteDeleted {
		t.endParagraph()
	}
	t.fields, t.inCode, t.high = t.fields[:0], 0, 0
}
