package paperwork

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// A font file is an sfnt: a table directory, then tables. A TrueType
// collection (.ttc) holds several faces whose directories share tables.
// The PDF writers embed one TrueType face from a plain .ttf, so a face of a
// collection is copied out into one, and a face without TrueType outlines
// (CFF, as Noto CJK has) is refused before any writer sees it.

// errNotTrueType refuses a face whose glyphs are not TrueType outlines.
var errNotTrueType = errors.New("不是 TrueType 轮廓字体（如 Noto CJK 的 CFF 轮廓），无法嵌入")

// sfntTable is one entry of a face's table directory.
type sfntTable struct {
	tag            string
	checksum       uint32
	offset, length uint32
}

// faceCount returns the number of faces in a font file: 1 for a plain one.
func faceCount(b []byte) (int, error) {
	if len(b) < 12 {
		return 0, errors.New("字体文件太短")
	}
	if string(b[:4]) != "ttcf" {
		return 1, nil
	}
	n := binary.BigEndian.Uint32(b[8:])
	if n == 0 || n > 1024 || 12+4*int(n) > len(b) {
		return 0, errors.New("字体集合的头部已损坏")
	}
	return int(n), nil
}

// faceTables reads the table directory of face i of a font file.
func faceTables(b []byte, i int) (version uint32, tables []sfntTable, err error) {
	n, err := faceCount(b)
	if err != nil {
		return 0, nil, err
	}
	if i < 0 || i >= n {
		return 0, nil, fmt.Errorf("字体中没有第 %d 个字形", i+1)
	}
	off := 0
	if string(b[:4]) == "ttcf" {
		off = int(binary.BigEndian.Uint32(b[12+4*i:]))
	}
	if off+12 > len(b) {
		return 0, nil, errors.New("字体的表目录已损坏")
	}
	version = binary.BigEndian.Uint32(b[off:])
	count := int(binary.BigEndian.Uint16(b[off+4:]))
	if off+12+16*count > len(b) {
		return 0, nil, errors.New("字体的表目录已损坏")
	}
	for k := 0; k < count; k++ {
		r := b[off+12+16*k:]
		t := sfntTable{tag: string(r[:4]), checksum: binary.BigEndian.Uint32(r[4:]),
			offset: binary.BigEndian.Uint32(r[8:]), length: binary.BigEndian.Uint32(r[12:])}
		if uint64(t.offset)+uint64(t.length) > uint64(len(b)) {
			return 0, nil, fmt.Errorf("字体的 %s 表超出文件范围", t.tag)
		}
		tables = append(tables, t)
	}
	return version, tables, nil
}

// trueTypeFace returns face i of a font file as a plain TrueType font file:
// the face itself when the file is a plain .ttf, else its tables copied out
// of the collection behind a directory of their own.
func trueTypeFace(b []byte, i int) ([]byte, error) {
	version, tables, err := faceTables(b, i)
	if err != nil {
		return nil, err
	}
	glyf := false
	for _, t := range tables {
		glyf = glyf || t.tag == "glyf"
	}
	if (version != 0x00010000 && version != 0x74727565) || !glyf { // 1.0 or 'true'
		return nil, errNotTrueType
	}
	if string(b[:4]) != "ttcf" {
		return b, nil
	}
	sort.Slice(tables, func(a, c int) bool { return tables[a].tag < tables[c].tag })
	n := len(tables)
	size := 12 + 16*n
	for _, t := range tables {
		size += int(t.length+3) &^ 3
	}
	out := make([]byte, 12+16*n, size)
	binary.BigEndian.PutUint32(out, version)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	sr, es := 1, 0
	for sr*2 <= n {
		sr, es = sr*2, es+1
	}
	binary.BigEndian.PutUint16(out[6:], uint16(sr*16))
	binary.BigEndian.PutUint16(out[8:], uint16(es))
	binary.BigEndian.PutUint16(out[10:], uint16(n*16-sr*16))
	for k, t := range tables {
		r := out[12+16*k:]
		copy(r, t.tag)
		binary.BigEndian.PutUint32(r[4:], t.checksum)
		binary.BigEndian.PutUint32(r[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(r[12:], t.length)
		out = append(out, b[t.offset:t.offset+t.length]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out, nil
}
