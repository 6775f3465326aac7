package extract

import (
	"encoding/binary"
	"sort"
)

// Direct formatting of characters and paragraphs lies in 512-byte pages of
// the WordDocument stream (ChpxFkp, PapxFkp), keyed by stream offset (FC),
// found through the bin tables PlcBteChpx and PlcBtePapx in the table stream
// ([MS-DOC] 2.8.x, 2.9.x). Only the few properties that decide where text goes
// are read: deleted with tracked changes, hidden, and the end of a table row.

// charFlags marks characters whose formatting decides which part they go to.
type charFlags uint8

const (
	flagDeleted charFlags = 1 << iota // sprmCFRMarkDel: deleted while changes were tracked
	flagVanish                        // sprmCFVanish: hidden text
	flagRowEnd                        // sprmPFTtp: the paragraph ends a table row
)

// The Sprms read, and their index in a Prm0.
const (
	sprmCFRMarkDel  = 0x0800
	sprmCFVanish    = 0x083C
	sprmPFTtp       = 0x2417
	sprmPChgTabs    = 0xC615
	sprmTDefTable   = 0xD608
	isprmCFRMarkDel = 0x41
	isprmCFVanish   = 0x5C
	isprmPFTtp      = 0x19
	fkpSize         = 512
	fkpCountByte    = fkpSize - 1 // crun or cpara: the last byte of a page
)

// fcRun is a range of stream offsets [start, end) with the same formatting flags.
type fcRun struct {
	start, end uint32
	flags      charFlags
}

// eachSprm calls fn for each Prl of a grpprl in order, and stops at one that does not fit.
func eachSprm(grpprl []byte, fn func(sprm uint16, operand []byte)) {
	le := binary.LittleEndian
	for i := 0; i+2 <= len(grpprl); {
		sprm := le.Uint16(grpprl[i:])
		i += 2
		var n int
		switch sprm >> 13 { // spra: the operand's size
		case 0, 1:
			n = 1
		case 2, 4, 5:
			n = 2
		case 3:
			n = 4
		case 7:
			n = 3
		case 6:
			switch {
			case sprm == sprmTDefTable && i+2 <= len(grpprl):
				n = int(le.Uint16(grpprl[i:])) + 1 // cb counts the rest plus one
			case sprm == sprmPChgTabs && i < len(grpprl) && grpprl[i] == 255:
				return // a size made of nested structures; nothing after it is needed
			case sprm != sprmTDefTable && i < len(grpprl):
				n = 1 + int(grpprl[i])
			default:
				return
			}
		}
		if n > len(grpprl)-i {
			return
		}
		fn(sprm, grpprl[i:i+n])
		i += n
	}
}

// toggleOn reads a ToggleOperand: 1 sets the property, 0x81 sets it against a
// style that (as read here) does not; 0 and 0x80 leave it off.
func toggleOn(v byte) bool { return v == 1 || v == 0x81 }

// sprmFlags returns the flags a grpprl sets; later Prls override earlier ones.
func sprmFlags(grpprl []byte) charFlags {
	var fl charFlags
	set := func(f charFlags, on bool) {
		if on {
			fl |= f
		} else {
			fl &^= f
		}
	}
	eachSprm(grpprl, func(sprm uint16, op []byte) {
		switch sprm {
		case sprmCFRMarkDel:
			set(flagDeleted, toggleOn(op[0]))
		case sprmCFVanish:
			set(flagVanish, toggleOn(op[0]))
		case sprmPFTtp:
			set(flagRowEnd, op[0] != 0)
		}
	})
	return fl
}

// prmFlags returns the flags a piece's Prm gives all its text: a single Sprm
// by index (Prm0) or a grpprl of the Clx (Prm1).
func prmFlags(prm uint16, grpprls [][]byte) charFlags {
	if prm&1 == 1 {
		if i := int(prm >> 1); i < len(grpprls) {
			return sprmFlags(grpprls[i])
		}
		return 0
	}
	val := byte(prm >> 8)
	switch (prm >> 1) & 0x7F {
	case isprmCFRMarkDel:
		if toggleOn(val) {
			return flagDeleted
		}
	case isprmCFVanish:
		if toggleOn(val) {
			return flagVanish
		}
	case isprmPFTtp:
		if val != 0 {
			return flagRowEnd
		}
	}
	return 0
}

// readBinTable reads the formatted runs of every FKP page a bin table points to.
// Formatting only sorts text between parts, so pages that do not fit are skipped
// rather than failing the document.
func readBinTable(wd, table []byte, fc, lcb uint32, paragraphs bool) []fcRun {
	plc, ok := slice(table, fc, lcb)
	if !ok || len(plc) < 12 || (len(plc)-4)%8 != 0 {
		return nil
	}
	le := binary.LittleEndian
	n := (len(plc) - 4) / 8
	seen := make([]bool, len(wd)/fkpSize)
	var runs []fcRun
	for k := 0; k < n; k++ {
		pn := le.Uint32(plc[4*(n+1)+4*k:]) & 0x3FFFFF
		if int(pn) >= len(seen) || seen[pn] {
			continue
		}
		seen[pn] = true
		page := wd[int(pn)*fkpSize : int(pn+1)*fkpSize]
		if paragraphs {
			runs = appendPapxRuns(runs, page)
		} else {
			runs = appendChpxRuns(runs, page)
		}
	}
	sort.Slice(runs, func(i, j int) bool { return runs[i].start < runs[j].start })
	return runs
}

// appendChpxRuns adds the runs of a ChpxFkp page that are deleted or hidden.
func appendChpxRuns(runs []fcRun, page []byte) []fcRun {
	le := binary.LittleEndian
	crun := int(page[fkpCountByte])
	rgb := 4 * (crun + 1)
	if rgb+crun > fkpCountByte {
		return runs
	}
	for i := 0; i < crun; i++ {
		start, end := le.Uint32(page[4*i:]), le.Uint32(page[4*i+4:])
		off := 2 * int(page[rgb+i])
		if off == 0 || end <= start || off >= fkpCountByte {
			continue
		}
		cb := int(page[off])
		if off+1+cb > fkpCountByte {
			continue
		}
		if fl := sprmFlags(page[off+1:off+1+cb]) &^ flagRowEnd; fl != 0 {
			runs = append(runs, fcRun{start, end, fl})
		}
	}
	return runs
}

// appendPapxRuns adds the paragraphs of a PapxFkp page that end a table row.
func appendPapxRuns(runs []fcRun, page []byte) []fcRun {
	le := binary.LittleEndian
	cpara := int(page[fkpCountByte])
	rgbx := 4 * (cpara + 1)
	const bxPapSize = 13
	if rgbx+bxPapSize*cpara > fkpCountByte {
		return runs
	}
	for i := 0; i < cpara; i++ {
		start, end := le.Uint32(page[4*i:]), le.Uint32(page[4*i+4:])
		off := 2 * int(page[rgbx+bxPapSize*i])
		if off == 0 || end <= start || off+1 >= fkpCountByte {
			continue
		}
		// PapxInFkp: cb, or 0 then cb', then istd and grpprl.
		n, body := 2*int(page[off])-1, off+1
		if page[off] == 0 {
			n, body = 2*int(page[off+1]), off+2
		}
		if n < 2 || body+n > fkpCountByte {
			continue
		}
		if sprmFlags(page[body+2:body+n])&flagRowEnd != 0 {
			runs = append(runs, fcRun{start, end, flagRowEnd})
		}
	}
	return runs
}

// runFlags returns the flags of the run holding stream offset fc.
func runFlags(runs []fcRun, fc uint32) charFlags {
	i := sort.Search(len(runs), func(i int) bool { return runs[i].end > fc })
	if i < len(runs) && runs[i].start <= fc {
		return runs[i].flags
	}
	return 0
}

// flagsAt returns the formatting flags of the character at stream offset off.
func (d *docFile) flagsAt(off int) charFlags {
	if len(d.chpx) == 0 && len(d.papx) == 0 {
		return 0
	}
	return runFlags(d.chpx, uint32(off)) | runFlags(d.papx, uint32(off))
}
