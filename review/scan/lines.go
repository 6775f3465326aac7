package scan

import "strings"

// lineCursor counts lines lazily: only where a finding or a judgement needs
// its line, counting the line breaks between the last such place and this one.
type lineCursor struct {
	pos   int // the offset counted up to
	line  int // 1-based line of pos, or 0 before the first count
	start int // offset where that line starts
}

// seek moves the cursor to offset i.
func (ps *partScan) seek(i int) {
	c := &ps.lines
	text := ps.p.Text
	if c.line == 0 {
		*c = lineCursor{line: 1}
	}
	switch {
	case i > c.pos:
		seg := text[c.pos:i]
		if n := strings.Count(seg, "\n"); n > 0 {
			c.line += n
			c.start = c.pos + strings.LastIndexByte(seg, '\n') + 1
		}
	case i < c.pos:
		c.line -= strings.Count(text[i:c.pos], "\n")
		c.start = strings.LastIndexByte(text[:i], '\n') + 1
	}
	c.pos = i
}

// lineAt returns the 1-based line of offset i.
func (ps *partScan) lineAt(i int) int {
	ps.seek(i)
	return ps.lines.line
}

// lineStart returns the offset where the line of offset i starts.
func (ps *partScan) lineStart(i int) int {
	ps.seek(i)
	return ps.lines.start
}

// headEnd returns the last offset on the first headLines lines of text.
func headEnd(text string) int {
	k := 0
	for n := 0; n < headLines; n++ {
		j := strings.IndexByte(text[k:], '\n')
		if j < 0 {
			return len(text)
		}
		k += j + 1
	}
	return k - 1
}
