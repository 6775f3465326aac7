package extract

import (
	"encoding/binary"
	"errors"
)

// The File Information Block opens the WordDocument stream and says where
// everything else lies ([MS-DOC] 2.5).

const (
	wIdentWord97 = 0xA5EC // Word 97 and later
	wIdentWord6  = 0xA5DC // Word 6.0 and Word 95
	nFibWord97   = 0x00C0 // the lowest nFib of the Word 97 layout (0xC1 as written by Word 97, 0xC0 by some producers)

	fibEncrypted  = 1 << 8 // FibBase.fEncrypted
	fibWhichTable = 1 << 9 // FibBase.fWhichTblStm: 1Table instead of 0Table
	fibObfuscated = 1 << 15
)

// Indexes into FibRgLw97 of the character counts of the stories, in CP order.
const (
	lwCcpText = 3 + iota
	lwCcpFtn
	lwCcpHdd
	lwCcpMcr // reserved since Word 97, still counted in the CP order
	lwCcpAtn
	lwCcpEdn
	lwCcpTxbx
	lwCcpHdrTxbx
	lwCount // the fewest FibRgLw97 entries a file must have
)

// Indexes into FibRgFcLcb97 of the fc/lcb pairs this reader uses.
const (
	fcPlcfHdd     = 11
	fcPlcfBteChpx = 12
	fcPlcfBtePapx = 13
	fcClx         = 33
	fcLcbMinimum  = fcClx + 1
)

// fib holds the fields of the File Information Block that text extraction needs.
type fib struct {
	flags  uint16
	nFib   uint16
	lid    uint16 // language of the application that wrote the file
	lidFE  uint16 // East Asian language of the application, when csw allows it
	ccp    []uint32
	fcLcbs []byte // FibRgFcLcbBlob: pairs of 32-bit fc, lcb
}

// parseFIB reads the FIB and refuses files that are not Word 97 or later, or are encrypted.
func parseFIB(wd []byte) (*fib, error) {
	if len(wd) < 34 {
		return nil, docBroken("WordDocument stream of %d bytes is shorter than a FIB", len(wd))
	}
	le := binary.LittleEndian
	f := &fib{nFib: le.Uint16(wd[2:]), lid: le.Uint16(wd[6:]), flags: le.Uint16(wd[10:])}
	switch ident := le.Uint16(wd); {
	case ident == wIdentWord6:
		return nil, word6()
	case ident != wIdentWord97:
		return nil, unreadable("format", "此文件不是 Word 97-2003 兼容格式（正文流的标识不对，可能是 WPS 早期版本或其他程序的文件），请在 WPS 或 Word 中另存为 .docx 后再检查",
			errors.New("bad FIB wIdent"))
	}
	if f.flags&(fibEncrypted|fibObfuscated) != 0 {
		return nil, docEncrypted()
	}
	if f.nFib < nFibWord97 {
		return nil, word6()
	}
	r := fibReader{b: wd, off: 32}
	csw := r.u16()
	rgW := r.take(int(csw) * 2)
	cslw := r.u16()
	rgLw := r.take(int(cslw) * 4)
	cbRgFcLcb := r.u16()
	f.fcLcbs = r.take(int(cbRgFcLcb) * 8)
	if r.bad {
		return nil, docBroken("FIB runs past the WordDocument stream (csw %d, cslw %d, cbRgFcLcb %d)", csw, cslw, cbRgFcLcb)
	}
	if cslw < lwCount || cbRgFcLcb < fcLcbMinimum {
		return nil, docBroken("FIB too short (cslw %d, cbRgFcLcb %d)", cslw, cbRgFcLcb)
	}
	if csw >= 14 {
		f.lidFE = le.Uint16(rgW[26:])
	}
	f.ccp = make([]uint32, lwCount)
	for i := range f.ccp {
		f.ccp[i] = le.Uint32(rgLw[i*4:])
	}
	return f, nil
}

func word6() *UnreadableError {
	return unreadable("format", "这是 Word 6.0/95 等早期格式的文档，无法读取，请在 WPS 或 Word 中另存为 .docx 后再检查", errors.New("nFib before Word 97"))
}

// whichTable reports whether the table stream is 1Table rather than 0Table.
func (f *fib) whichTable() bool { return f.flags&fibWhichTable != 0 }

// fcLcb returns the offset and size in the table stream of the structure at index i of FibRgFcLcb.
func (f *fib) fcLcb(i int) (fc, lcb uint32) {
	if (i+1)*8 > len(f.fcLcbs) {
		return 0, 0
	}
	return binary.LittleEndian.Uint32(f.fcLcbs[i*8:]), binary.LittleEndian.Uint32(f.fcLcbs[i*8+4:])
}

// fibReader reads consecutive fields of the FIB and notes when they run out.
type fibReader struct {
	b   []byte
	off int
	bad bool
}

func (r *fibReader) take(n int) []byte {
	if r.bad || n > len(r.b)-r.off {
		r.bad = true
		return nil
	}
	s := r.b[r.off : r.off+n]
	r.off += n
	return s
}

func (r *fibReader) u16() uint16 {
	if s := r.take(2); s != nil {
		return binary.LittleEndian.Uint16(s)
	}
	return 0
}

// slice returns b[off:off+n] when it lies inside b, else nil and false.
func slice(b []byte, off, n uint32) ([]byte, bool) {
	end := uint64(off) + uint64(n)
	if end > uint64(len(b)) {
		return nil, false
	}
	return b[off:end], true
}
