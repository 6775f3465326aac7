package extract

import (
	"encoding/binary"
	"strings"
)

// The text of a Word binary document is one sequence of CPs made of stories
// one after another ([MS-DOC] 2.3): main text, footnotes, headers and footers,
// comments, endnotes, text boxes, header text boxes, each FibRgLw97.ccp* long.

// docFile is a Word binary document whose FIB, piece table and formatting have been read.
type docFile struct {
	wd, table  []byte
	fib        *fib
	pieces     []piece
	chpx, papx []fcRun   // deleted or hidden character runs; paragraphs ending table rows
	dbcs       *dbcsCode // the Chinese code page of compressed text, nil if not Chinese
}

// cpRange is a range of CPs [start, end).
type cpRange struct{ start, end int }

// newDocFile reads the piece table and the formatting a document's text is sorted by.
func newDocFile(wd, table []byte, f *fib, codepage int) (*docFile, error) {
	fc, lcb := f.fcLcb(fcClx)
	clx, ok := slice(table, fc, lcb)
	if !ok || lcb == 0 {
		return nil, docBroken("Clx (%d bytes at %d) missing or past the %d-byte table stream", lcb, fc, len(table))
	}
	pieces, err := parseClx(clx, len(wd))
	if err != nil {
		return nil, err
	}
	d := &docFile{wd: wd, table: table, fib: f, pieces: pieces}
	fc, lcb = f.fcLcb(fcPlcfBteChpx)
	d.chpx = readBinTable(wd, table, fc, lcb, false)
	fc, lcb = f.fcLcb(fcPlcfBtePapx)
	d.papx = readBinTable(wd, table, fc, lcb, true)
	if d.dbcs = chineseCode(f.lid, f.lidFE, codepage); d.dbcs != nil {
		for i := range d.pieces {
			p := &d.pieces[i]
			if p.compressed {
				b := wd[p.off : p.off+p.cpEnd-p.cpStart]
				p.dbcs = hasHighBytes(b) && d.dbcs.plausible(b)
			}
		}
	}
	return d, nil
}

func hasHighBytes(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// stories returns the CP range of each story, indexed as FibRgLw97.
func (d *docFile) stories() ([lwCount]cpRange, error) {
	var r [lwCount]cpRange
	pos := 0
	for i := lwCcpText; i < lwCount; i++ {
		n := d.fib.ccp[i]
		if n > 1<<30 || pos+int(n) > 1<<31-1 {
			return r, docBroken("story %d has %d characters", i, n)
		}
		r[i] = cpRange{pos, pos + int(n)}
		pos += int(n)
	}
	last := d.lastCP()
	if r[lwCcpText].end > last {
		return r, docBroken("main text of %d characters, piece table ends at %d", r[lwCcpText].end, last)
	}
	for i := range r {
		r[i].start, r[i].end = min(r[i].start, last), min(r[i].end, last)
	}
	return r, nil
}

// parts reads every story into parts, in reading order; budget bounds the bytes of text (0: none).
func (d *docFile) parts(budget int64) ([]Part, error) {
	r, err := d.stories()
	if err != nil {
		return nil, err
	}
	c := &docParts{d: d, budget: budget}
	c.add(Body, "正文", r[lwCcpText])
	c.add(Body, "文本框", r[lwCcpTxbx])
	if headers, footers, ok := d.headerStories(r[lwCcpHdd]); ok {
		c.add(Header, "页眉", headers...)
		c.add(Footer, "页脚", footers...)
	} else {
		c.add(Header, "页眉页脚", r[lwCcpHdd])
	}
	c.add(Header, "页眉页脚文本框", r[lwCcpHdrTxbx])
	c.add(Footnote, "脚注", r[lwCcpFtn])
	c.add(Footnote, "尾注", r[lwCcpEdn])
	c.add(Comment, "批注", r[lwCcpAtn])
	if c.over {
		return nil, tooMuchText("文档中", budget)
	}
	return c.parts, nil
}

// headerStories splits the header document by the PlcfHdd into headers and
// footers, leaving out the footnote and endnote separators and each story's
// guard paragraph mark. ok is false when the PlcfHdd does not fit the document.
func (d *docFile) headerStories(hdd cpRange) (headers, footers []cpRange, ok bool) {
	if hdd.start == hdd.end {
		return nil, nil, true
	}
	fc, lcb := d.fib.fcLcb(fcPlcfHdd)
	plc, ok := slice(d.table, fc, lcb)
	if !ok || lcb < 8 || lcb%4 != 0 {
		return nil, nil, false
	}
	n := len(plc) / 4
	cp := func(i int) int { return int(binary.LittleEndian.Uint32(plc[4*i:])) }
	// Every CP but the last two starts a story; the second to last ends the last story.
	for i := 0; i+2 < n; i++ {
		a, b := cp(i), cp(i+1)
		if a < 0 || b < a || b > hdd.end-hdd.start {
			return nil, nil, false
		}
		const separators = 6 // footnote and endnote separators and continuation notices
		if i < separators || a == b {
			continue
		}
		s := cpRange{hdd.start + a, hdd.start + b - 1}
		switch (i - separators) % 6 { // even header, odd header, even footer, odd footer, first header, first footer
		case 0, 1, 4:
			headers = append(headers, s)
		default:
			footers = append(footers, s)
		}
	}
	return headers, footers, true
}

// docParts collects the parts of a document's stories within a budget of bytes.
type docParts struct {
	d      *docFile
	parts  []Part
	budget int64 // 0: no limit
	used   int64
	over   bool
}

// add reads stories into one part of kind, plus hidden parts for its hidden and deleted text.
// Parts other than the body are left out when they hold nothing.
func (c *docParts) add(kind PartKind, name string, stories ...cpRange) {
	if c.over {
		return
	}
	t := &docText{}
	if c.budget > 0 {
		t.limit = c.budget - c.used
	}
	for _, s := range stories {
		c.d.walk(s.start, s.end, t.put)
		t.endStory()
	}
	if t.over {
		c.over = true
		return
	}
	c.used += int64(t.size())
	visible, vanished, deleted := trimEnd(t.visible.String()), trimEnd(t.vanished.String()), trimEnd(t.deleted.String())
	if kind == Body && name == "正文" || visible != "" {
		c.parts = append(c.parts, Part{Kind: kind, Name: name, Hidden: kind == Comment, Text: visible})
	}
	hiddenName, deletedName := name+"（隐藏文字）", name+"（修订删除）"
	if name == "正文" {
		hiddenName, deletedName = "隐藏文字", "修订删除"
	}
	if vanished != "" {
		c.parts = append(c.parts, Part{Kind: kind, Name: hiddenName, Hidden: true, Text: vanished})
	}
	if deleted != "" {
		c.parts = append(c.parts, Part{Kind: Deleted, Name: deletedName, Hidden: true, Text: deleted})
	}
}

// trimEnd ends a text with a single line end, dropping the empty paragraphs
// that end stories; a text of only spaces and line ends becomes "".
func trimEnd(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return strings.TrimRight(s, "\n") + "\n"
}
