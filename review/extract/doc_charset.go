package extract

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Word stores a piece "compressed", one byte a character, when all its
// characters fit. [MS-DOC] 2.4.1 maps those bytes as Windows-1252: 0x82-0x9F
// through the table below, every other byte to the code point of its value.
// Some producers of Chinese documents store GBK there instead; that is read
// only where the document says it is Chinese and the bytes decode as Chinese.

// compressedHigh holds the characters of bytes 0x80-0x9F; 0 means the byte's own value.
var compressedHigh = [32]rune{
	0x02: 0x201A, 0x03: 0x0192, 0x04: 0x201E, 0x05: 0x2026, 0x06: 0x2020, 0x07: 0x2021,
	0x08: 0x02C6, 0x09: 0x2030, 0x0A: 0x0160, 0x0B: 0x2039, 0x0C: 0x0152,
	0x11: 0x2018, 0x12: 0x2019, 0x13: 0x201C, 0x14: 0x201D, 0x15: 0x2022, 0x16: 0x2013,
	0x17: 0x2014, 0x18: 0x02DC, 0x19: 0x2122, 0x1A: 0x0161, 0x1B: 0x203A, 0x1C: 0x0153,
	0x1F: 0x0178,
}

// compressedRune returns the character of one byte of a compressed piece.
func compressedRune(b byte) rune {
	if b >= 0x80 && b < 0xA0 && compressedHigh[b-0x80] != 0 {
		return compressedHigh[b-0x80]
	}
	return rune(b)
}

// Language identifiers of Chinese ([MS-LCID]).
const (
	lidChinaPRC   = 0x0804
	lidTaiwan     = 0x0404
	lidHongKong   = 0x0C04
	lidSingapore  = 0x1004
	lidMacao      = 0x1404
	codePageGBK   = 936
	codePageBig5  = 950
	codePageGB    = 54936
	codePageUTF16 = 1200
	codePageUTF8  = 65001
)

// dbcsCode decodes a Chinese double-byte code page one character at a time.
type dbcsCode struct {
	gb  bool // GBK/GB18030; otherwise Big5
	dec *encoding.Decoder
}

// chineseCode returns the code page compressed text of a Chinese document is
// read in, or nil when neither the FIB's languages nor the properties' code
// page say Chinese.
func chineseCode(lid, lidFE uint16, codepage int) *dbcsCode {
	switch {
	case codepage == codePageGBK || codepage == codePageGB:
		return &dbcsCode{gb: true, dec: simplifiedchinese.GB18030.NewDecoder()}
	case codepage == codePageBig5:
		return &dbcsCode{dec: traditionalchinese.Big5.NewDecoder()}
	}
	for _, l := range []uint16{lidFE, lid} {
		switch l {
		case lidChinaPRC, lidSingapore:
			return &dbcsCode{gb: true, dec: simplifiedchinese.GB18030.NewDecoder()}
		case lidTaiwan, lidHongKong, lidMacao:
			return &dbcsCode{dec: traditionalchinese.Big5.NewDecoder()}
		}
	}
	return nil
}

// seqLen returns the length of the character starting b, or 0 when b does not start a valid one.
func (c *dbcsCode) seqLen(b []byte) int {
	if len(b) == 0 {
		return 0
	}
	if b[0] < 0x80 {
		return 1
	}
	if b[0] == 0x80 || b[0] == 0xFF || len(b) < 2 {
		return 0
	}
	t := b[1]
	switch {
	case c.gb && t >= 0x30 && t <= 0x39:
		if len(b) >= 4 && b[2] >= 0x81 && b[2] <= 0xFE && b[3] >= 0x30 && b[3] <= 0x39 {
			return 4
		}
	case c.gb && t >= 0x40 && t <= 0xFE && t != 0x7F:
		return 2
	case !c.gb && (t >= 0x40 && t <= 0x7E || t >= 0xA1 && t <= 0xFE):
		return 2
	}
	return 0
}

// decode returns the character of one complete sequence, or utf8.RuneError.
func (c *dbcsCode) decode(seq []byte) rune {
	var dst [8]byte
	c.dec.Reset()
	n, _, err := c.dec.Transform(dst[:], seq, true)
	if err != nil {
		return utf8.RuneError
	}
	r, _ := utf8.DecodeRune(dst[:n])
	return r
}

// plausible reports whether compressed bytes read as this code page give
// valid characters, mostly Chinese and mostly from the common range (GB2312,
// or Big5's frequent characters), rather than Latin text with accents such as
// "Müller", whose bytes happen to form valid but rare double-byte characters.
func (c *dbcsCode) plausible(b []byte) bool {
	multi, cjk, rare := 0, 0, 0
	for i := 0; i < len(b); {
		n := c.seqLen(b[i:])
		if n == 0 {
			return false
		}
		if n > 1 {
			r := c.decode(b[i : i+n])
			if r == utf8.RuneError {
				return false
			}
			multi++
			if isCJK(r) {
				cjk++
			}
			if !c.common(b[i], b[i+1]) {
				rare++
			}
		}
		i += n
	}
	return multi > 0 && cjk*2 >= multi && rare*10 <= multi
}

// common reports a double-byte character from the range ordinary Chinese text uses.
func (c *dbcsCode) common(lead, trail byte) bool {
	if c.gb {
		return lead >= 0xA1 && trail >= 0xA1 // GB2312
	}
	return lead >= 0xA1 && lead <= 0xF9
}

// isCJK reports Han characters and CJK punctuation or full-width forms.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

// codePageEncoding returns the encoding of an 8-bit string in a property set
// of the given code page; nil means the bytes are UTF-8 already.
func codePageEncoding(cp int) encoding.Encoding {
	switch cp {
	case codePageGBK, codePageGB, 20936:
		return simplifiedchinese.GB18030
	case codePageBig5:
		return traditionalchinese.Big5
	case 932:
		return japanese.ShiftJIS
	case 949:
		return korean.EUCKR
	case codePageUTF16:
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	case codePageUTF8:
		return nil
	case 874:
		return charmap.Windows874
	case 1250:
		return charmap.Windows1250
	case 1251:
		return charmap.Windows1251
	case 1253:
		return charmap.Windows1253
	case 1254:
		return charmap.Windows1254
	case 1255:
		return charmap.Windows1255
	case 1256:
		return charmap.Windows1256
	case 1257:
		return charmap.Windows1257
	case 1258:
		return charmap.Windows1258
	}
	return charmap.Windows1252
}
