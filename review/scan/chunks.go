package scan

import (
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

	"prepub/review/extract"
)

// A large part is scanned in chunks, one walk per core, and the walks are
// joined so the result is the one walk of the whole part would give: the
// same findings, in the same order, at the same offsets and lines.
//
// A walk's path is decided by its position and its state (after) alone. The
// walk of a chunk starts at its first byte in the empty state and records,
// over its first seamWindow bytes, every position it lands on and its state
// there. The joined walk arrives from the chunk before at some position
// past the seam; where the chunk's walk landed on the same position in the
// same state, the two walks go on identically, so the chunk's findings from
// there are taken. Until then (a marking, keyword or number crossing the
// seam), the joined walk steps on by itself. A match across a seam is so
// found once, by the walk that started it.
const (
	chunkMin   = 1 << 20 // parts shorter than 2 chunks of this size are walked in one piece
	seamWindow = 4 << 10 // bytes after a seam over which a chunk's landings are kept
)

// chunk is one piece of a part and what its walk found.
type chunk struct {
	from, limit int    // the piece: text[from:limit]
	res         Result // its findings and statements, lines counted from its first line
	landed      []byte // for text[from:from+len(landed)]: 0, or 1+code of the state the walk landed in
	end         int    // where the walk stopped, at or past limit
	endSt       after
	lines       int  // line breaks in text[from:limit]
	notUTF8     bool // text[from:limit] was to be checked and is not UTF-8 or has a NUL byte
}

// code numbers the three states a walk can be in.
func (st after) code() byte {
	switch {
	case st.digit:
		return 1
	case st.alnum:
		return 2
	}
	return 3
}

// landedAt reports whether the chunk's walk landed on offset p in state st.
func (c *chunk) landedAt(p int, st after) bool {
	k := p - c.from
	return k >= 0 && k < len(c.landed) && c.landed[k] == st.code()
}

// scanChunks scans a large part in chunks on every core and adds what it
// finds to res; it reports false, having done nothing, when the part is
// better walked in one piece.
func (s *Scanner) scanChunks(p extract.Part, res *Result, max int) bool {
	n := min(runtime.GOMAXPROCS(0), len(p.Text)/chunkMin)
	if n < 2 {
		return false
	}
	chunks := cut(p.Text, n)
	return len(chunks) >= 2 && s.scanCut(p, res, max, chunks)
}

// scanCut walks the chunks, each on its own goroutine, and joins them into
// res; it reports false, having changed nothing, when a chunk alone had more
// than max findings.
func (s *Scanner) scanCut(p extract.Part, res *Result, max int, chunks []*chunk) bool {
	head := headEnd(p.Text)
	var wg sync.WaitGroup
	for _, c := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.walk(&partScan{s: s, p: p, res: &c.res, max: max, head: head})
		}()
	}
	wg.Wait()
	for _, c := range chunks {
		if c.res.TooMany {
			return false // a chunk kept only some of its findings: the whole walk decides which count
		}
	}
	for _, c := range chunks {
		res.notUTF8 = res.notUTF8 || c.notUTF8
	}
	join(&partScan{s: s, p: p, res: res, max: max, head: head}, chunks)
	return true
}

// cut splits text into about n chunks, each starting on a line where one
// starts near its share, else on a rune.
func cut(text string, n int) []*chunk {
	var chunks []*chunk
	from := 0
	for k := 1; k < n; k++ {
		at := k * len(text) / n
		if at <= from {
			continue
		}
		if j := strings.IndexByte(text[at:min(len(text), at+seamWindow)], '\n'); j >= 0 {
			at += j + 1
		}
		for at < len(text) && !utf8.RuneStart(text[at]) {
			at++
		}
		if at >= len(text) {
			break
		}
		chunks = append(chunks, &chunk{from: from, limit: at})
		from = at
	}
	return append(chunks, &chunk{from: from, limit: len(text)})
}

// walk scans the chunk, keeping its landings over the first seamWindow bytes.
func (c *chunk) walk(ps *partScan) {
	ps.lines = lineCursor{pos: c.from, line: 1, start: strings.LastIndexByte(ps.p.Text[:c.from], '\n') + 1}
	i, st := c.from, after{}
	var check *utf8Check
	if ps.p.Unchecked {
		check = &utf8Check{text: ps.p.Text, pos: c.from, limit: c.limit}
	}
	if c.from > 0 {
		c.landed = make([]byte, min(seamWindow, c.limit-c.from))
		for i < c.from+len(c.landed) {
			c.landed[i-c.from] = st.code()
			i, st = ps.walk(i, i+1, st)
		}
	}
	c.end, c.endSt = ps.walkChecked(i, c.limit, st, check)
	c.notUTF8 = check != nil && check.bad
	c.lines = ps.lineAt(c.limit) - 1
}

// join adds the chunks' findings to ps's result as one walk of the whole part
// would have found them.
func join(ps *partScan, chunks []*chunk) {
	var out Result
	n := 0
	for _, c := range chunks {
		n += len(c.res.Findings)
	}
	out.Findings = make([]Finding, 0, n) // the findings are copied once, not grown chunk by chunk

	base := 0 // line breaks before the chunk
	for k, c := range chunks {
		if k == 0 {
			out.Findings, out.Statements = append(out.Findings, c.res.Findings...), c.res.Statements
			base += c.lines
			continue
		}
		prev := chunks[k-1]
		p, st := prev.end, prev.endSt
		sub := &partScan{s: ps.s, p: ps.p, res: &out, max: ps.max, head: ps.head,
			lines: lineCursor{pos: c.from, line: base + 1, start: strings.LastIndexByte(ps.p.Text[:c.from], '\n') + 1}}
		for p < c.limit && !c.landedAt(p, st) {
			p, st = sub.walk(p, p+1, st)
		}
		if p >= c.limit {
			// the walk from before went over the whole chunk: it goes on from where it stopped
			c.end, c.endSt = p, st
		} else {
			for _, f := range c.res.Findings {
				if f.Offset >= p {
					f.Line += base
					out.Findings = append(out.Findings, f)
				}
			}
			for _, s := range c.res.Statements {
				if s.Offset >= p {
					s.Line += base
					out.Statements = append(out.Statements, s)
				}
			}
		}
		base += c.lines
	}
	if len(ps.res.Findings) == 0 && len(out.Findings) <= ps.max {
		ps.res.Findings, out.Findings = out.Findings, nil // all of them: taken as they are
	}
	for _, f := range out.Findings {
		if len(ps.res.Findings) >= ps.max {
			ps.res.TooMany = true
			break
		}
		ps.res.Findings = append(ps.res.Findings, f)
	}
	for _, s := range out.Statements {
		if len(ps.res.Statements) >= ps.max {
			ps.res.TooMany = true
			break
		}
		ps.res.Statements = append(ps.res.Statements, s)
	}
	ps.res.TooMany = ps.res.TooMany || out.TooMany
}
