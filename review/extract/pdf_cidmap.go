package extract

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// cidMap is a ToUnicode map written with the CID operators: two-byte codes to
// Unicode code points.
type cidMap map[uint16]rune

// cidOperatorMap reads a ToUnicode stream that uses begincidrange or
// begincidchar, taking their destinations as the Unicode values they stand
// for (as other readers do). A map without those operators gives nil: the
// engines read it already.
func cidOperatorMap(stream pdf.Value) cidMap {
	rc := stream.Reader()
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, 4<<20))
	if err != nil || !strings.Contains(string(data), "begincid") {
		return nil
	}
	m := cidMap{}
	section := ""
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 2 && strings.HasPrefix(f[1], "begincid"):
			section = f[1]
		case len(f) == 1 && strings.HasPrefix(f[0], "endcid"):
			section = ""
		case section == "begincidrange" && len(f) == 3:
			lo, hi, dst := hexCode(f[0]), hexCode(f[1]), decimal(f[2])
			for c := lo; c >= 0 && c <= hi && hi-lo < 1<<16; c++ {
				m[uint16(c)] = rune(dst + c - lo)
			}
		case section == "begincidchar" && len(f) == 2:
			if c, dst := hexCode(f[0]), decimal(f[1]); c >= 0 {
				m[uint16(c)] = rune(dst)
			}
		}
	}
	if len(m) == 0 {
		return nil
	}
	return m
}

// decode reads two-byte codes through the map; every code must map to a
// printable character.
func (m cidMap) decode(raw []byte) (string, bool) {
	if len(raw)%2 != 0 {
		return "", false
	}
	var b strings.Builder
	for i := 0; i < len(raw); i += 2 {
		r, ok := m[uint16(raw[i])<<8|uint16(raw[i+1])]
		if !ok || !utf8.ValidRune(r) || !unicode.IsPrint(r) && !unicode.IsSpace(r) {
			return "", false
		}
		b.WriteRune(r)
	}
	return b.String(), b.Len() > 0
}

// hexCode reads <hhhh>, or -1.
func hexCode(s string) int {
	v, err := strconv.ParseUint(strings.Trim(s, "<>"), 16, 32)
	if err != nil || !strings.HasPrefix(s, "<") {
		return -1
	}
	return int(v)
}

// decimal reads a CID destination, or -1.
func decimal(s string) int {
	v, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return v
}
