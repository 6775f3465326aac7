package extract

import (
	"encoding/binary"
	"sort"
)

// The piece table ([MS-DOC] 2.4.1, 2.9.38 Clx) maps character positions (CPs)
// to where their text lies in the WordDocument stream: each piece is a run of
// CPs stored either as UTF-16LE or "compressed" as one byte a character.

// piece is one entry of the piece table.
type piece struct {
	cpStart, cpEnd int
	off            int       // byte offset in WordDocument of the character at cpStart
	compressed     bool      // one byte a character rather than UTF-16LE
	dbcs           bool      // compressed bytes hold a Chinese double-byte code page
	flags          charFlags // formatting the piece's Prm gives all its text
}

const (
	clxtPrc  = 0x01
	clxtPcdt = 0x02
	pcdSize  = 8
	fcMask   = 0x3FFFFFFF // FcCompressed.fc
	fcComp   = 1 << 30    // FcCompressed.fCompressed
)

// parseClx reads the Clx: property lists (Prc) the pieces may refer to, then the piece table.
func parseClx(clx []byte, wdLen int) ([]piece, error) {
	le := binary.LittleEndian
	var grpprls [][]byte
	for i := 0; i < len(clx); {
		switch clx[i] {
		case clxtPrc:
			if i+3 > len(clx) {
				return nil, docBroken("Prc header past the Clx")
			}
			cb := int(int16(le.Uint16(clx[i+1:])))
			if cb < 0 || i+3+cb > len(clx) {
				return nil, docBroken("Prc of %d bytes past the Clx", cb)
			}
			grpprls = append(grpprls, clx[i+3:i+3+cb])
			i += 3 + cb
		case clxtPcdt:
			if i+5 > len(clx) {
				return nil, docBroken("Pcdt header past the Clx")
			}
			plc, ok := slice(clx, uint32(i+5), le.Uint32(clx[i+1:]))
			if !ok {
				return nil, docBroken("piece table past the Clx")
			}
			return parsePlcPcd(plc, grpprls, wdLen)
		default:
			return nil, docBroken("unknown Clx entry type %#x", clx[i])
		}
	}
	return nil, docBroken("Clx without a piece table")
}

// parsePlcPcd reads the PlcPcd: n+1 CPs, then n piece descriptors of 8 bytes.
func parsePlcPcd(plc []byte, grpprls [][]byte, wdLen int) ([]piece, error) {
	if len(plc) < 4+4+pcdSize || (len(plc)-4)%(4+pcdSize) != 0 {
		return nil, docBroken("piece table of %d bytes", len(plc))
	}
	le := binary.LittleEndian
	n := (len(plc) - 4) / (4 + pcdSize)
	pcds := plc[4*(n+1):]
	pieces := make([]piece, 0, n)
	var total uint64 // bytes of text the pieces describe
	for k := 0; k < n; k++ {
		cpStart, cpEnd := le.Uint32(plc[4*k:]), le.Uint32(plc[4*k+4:])
		if cpEnd < cpStart || cpEnd > 1<<31-1 {
			return nil, docBroken("piece %d has CPs %d..%d", k, cpStart, cpEnd)
		}
		pcd := pcds[k*pcdSize:]
		fc := le.Uint32(pcd[2:])
		p := piece{cpStart: int(cpStart), cpEnd: int(cpEnd), compressed: fc&fcComp != 0}
		fc &= fcMask
		size := uint64(cpEnd-cpStart) * 2
		if p.compressed {
			fc /= 2
			size /= 2
		}
		if uint64(fc)+size > uint64(wdLen) {
			return nil, docBroken("piece %d (%d bytes at %d) past the WordDocument stream", k, size, fc)
		}
		// Pieces lie in separate parts of the stream; pieces that reuse its bytes
		// over and over could describe billions of characters.
		if total += size; total > uint64(wdLen) {
			return nil, docBroken("pieces describe more text than the %d-byte WordDocument stream holds", wdLen)
		}
		p.off = int(fc)
		p.flags = prmFlags(le.Uint16(pcd[6:]), grpprls)
		pieces = append(pieces, p)
	}
	return pieces, nil
}

// walk calls fn for each character from CP from up to CP to, in order, with
// its formatting. A character of a double-byte code page takes two CPs and is
// passed once.
func (d *docFile) walk(from, to int, fn func(c rune, fl charFlags)) {
	i := sort.Search(len(d.pieces), func(i int) bool { return d.pieces[i].cpEnd > from })
	for ; i < len(d.pieces) && d.pieces[i].cpStart < to; i++ {
		p := &d.pieces[i]
		a, b := max(from, p.cpStart), min(to, p.cpEnd)
		switch {
		case !p.compressed:
			for cp := a; cp < b; cp++ {
				off := p.off + 2*(cp-p.cpStart)
				fn(rune(binary.LittleEndian.Uint16(d.wd[off:])), p.flags|d.flagsAt(off))
			}
		case p.dbcs:
			start, end := p.off+(a-p.cpStart), p.off+(b-p.cpStart)
			for off := start; off < end; {
				n := d.dbcs.seqLen(d.wd[off:end])
				r := compressedRune(d.wd[off])
				if n > 1 {
					r = d.dbcs.decode(d.wd[off : off+n])
				} else {
					n = 1
				}
				fn(r, p.flags|d.flagsAt(off))
				off += n
			}
		default:
			for cp := a; cp < b; cp++ {
				off := p.off + (cp - p.cpStart)
				fn(compressedRune(d.wd[off]), p.flags|d.flagsAt(off))
			}
		}
	}
}

// lastCP returns the CP after the last character the piece table describes.
func (d *docFile) lastCP() int {
	if len(d.pieces) == 0 {
		return 0
	}
	return d.pieces[len(d.pieces)-1].cpEnd
}
