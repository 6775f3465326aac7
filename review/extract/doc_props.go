package extract

import (
	"bytes"
	"encoding/binary"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"
)

// The document properties of a compound file lie in property sets
// ([MS-OLEPS]): \x05SummaryInformation (title, subject, author, keywords,
// comments, last author) and \x05DocumentSummaryInformation (category,
// manager, company, and a second section of user-defined properties).

// The format identifiers of the property set sections read, as stored (GUID byte order).
var (
	fmtidSummary     = []byte{0xE0, 0x85, 0x9F, 0xF2, 0xF9, 0x4F, 0x68, 0x10, 0xAB, 0x91, 0x08, 0x00, 0x2B, 0x27, 0xB3, 0xD9}
	fmtidDocSummary  = []byte{0x02, 0xD5, 0xCD, 0xD5, 0x9C, 0x2E, 0x1B, 0x10, 0x93, 0x97, 0x08, 0x00, 0x2B, 0x2C, 0xF9, 0xAE}
	fmtidUserDefined = []byte{0x05, 0xD5, 0xCD, 0xD5, 0x9C, 0x2E, 0x1B, 0x10, 0x93, 0x97, 0x08, 0x00, 0x2B, 0x2C, 0xF9, 0xAE}
)

// The properties read from each section, in output order, by their key in propertyLabels.
var (
	summaryProps    = []propKey{{2, "title"}, {3, "subject"}, {4, "creator"}, {5, "keywords"}, {6, "description"}, {8, "lastModifiedBy"}}
	docSummaryProps = []propKey{{2, "category"}, {14, "Manager"}, {15, "Company"}}
)

type propKey struct {
	pid uint32
	key string
}

const (
	pidDictionary = 0
	pidCodePage   = 1

	vtI2       = 0x02
	vtI4       = 0x03
	vtR8       = 0x05
	vtBool     = 0x0B
	vtUI2      = 0x12
	vtUI4      = 0x13
	vtLPSTR    = 0x1E
	vtLPWSTR   = 0x1F
	maxSection = 1 << 20 // property sections larger than this are not read
)

// propSection is one section of a property set.
type propSection struct {
	fmtid    []byte
	codepage int
	values   map[uint32]string // property values as text
	order    []uint32          // property identifiers in stored order
	names    map[uint32]string // the dictionary of a user-defined section
}

// docProperties holds the properties of a document, as lines of "名称：值".
type docProperties struct {
	codepage int // PID_CODEPAGE of the summary information, 0 when absent
	lines    []string
}

// text returns the properties as one text, or "" when there are none.
func (p docProperties) text() string {
	if len(p.lines) == 0 {
		return ""
	}
	return strings.Join(p.lines, "\n") + "\n"
}

// readDocProperties reads both property set streams. Properties are optional:
// a stream that cannot be read adds nothing.
func readDocProperties(streams map[string]*mscfb.File, fileSize int) docProperties {
	var p docProperties
	read := func(name string) []propSection {
		f := streams[name]
		if f == nil || f.Initial != 5 || f.Size > maxSection {
			return nil
		}
		b, err := readStream(f, fileSize)
		if err != nil {
			return nil
		}
		return parsePropertySet(b)
	}
	for _, s := range read("SummaryInformation") {
		if bytes.Equal(s.fmtid, fmtidSummary) {
			p.codepage = s.codepage
			p.addKnown(s, summaryProps)
		}
	}
	for _, s := range read("DocumentSummaryInformation") {
		switch {
		case bytes.Equal(s.fmtid, fmtidDocSummary):
			if p.codepage == 0 {
				p.codepage = s.codepage
			}
			p.addKnown(s, docSummaryProps)
		case bytes.Equal(s.fmtid, fmtidUserDefined):
			for _, pid := range s.order {
				if name := s.names[pid]; name != "" && s.values[pid] != "" {
					p.lines = append(p.lines, name+"："+s.values[pid])
				}
			}
		}
	}
	return p
}

func (p *docProperties) addKnown(s propSection, keys []propKey) {
	for _, k := range keys {
		if v := s.values[k.pid]; v != "" {
			p.lines = append(p.lines, propertyLabels[k.key]+"："+v)
		}
	}
}

// parsePropertySet reads the sections of a property set stream; what does not fit is left out.
func parsePropertySet(b []byte) []propSection {
	le := binary.LittleEndian
	if len(b) < 28 || le.Uint16(b) != 0xFFFE {
		return nil
	}
	var out []propSection
	n := int(le.Uint32(b[24:]))
	for i := 0; i < n && i < 2; i++ { // a property set has one or two sections
		h := 28 + 20*i
		if h+20 > len(b) {
			break
		}
		if s, ok := parseSection(b, le.Uint32(b[h+16:])); ok {
			s.fmtid = b[h : h+16]
			out = append(out, s)
		}
	}
	return out
}

func parseSection(b []byte, off uint32) (propSection, bool) {
	le := binary.LittleEndian
	head, ok := slice(b, off, 8)
	if !ok {
		return propSection{}, false
	}
	sec, ok := slice(b, off, le.Uint32(head))
	if !ok {
		sec = b[off:] // a section size past the stream: read what is there
	}
	count := le.Uint32(head[4:])
	if len(sec) < 8 || uint64(count) > uint64(len(sec)-8)/8 {
		return propSection{}, false
	}
	s := propSection{values: map[uint32]string{}}
	ids := sec[8 : 8+8*count]
	for i := 0; i < int(count); i++ {
		if le.Uint32(ids[8*i:]) == pidCodePage {
			if v, ok := slice(sec, le.Uint32(ids[8*i+4:]), 6); ok && le.Uint16(v) == vtI2 {
				s.codepage = int(le.Uint16(v[4:]))
			}
		}
	}
	for i := 0; i < int(count); i++ {
		pid, poff := le.Uint32(ids[8*i:]), le.Uint32(ids[8*i+4:])
		if poff >= uint32(len(sec)) {
			continue
		}
		switch pid {
		case pidCodePage:
		case pidDictionary:
			s.names = readDictionary(sec[poff:], s.codepage)
		default:
			if v := propValue(sec[poff:], s.codepage); v != "" {
				s.values[pid] = v
				s.order = append(s.order, pid)
			}
		}
	}
	return s, true
}

// propValue returns a typed property value as text, or "" for a type not read.
func propValue(b []byte, codepage int) string {
	le := binary.LittleEndian
	if len(b) < 8 {
		return ""
	}
	v := b[4:]
	switch le.Uint16(b) {
	case vtLPSTR:
		s, _ := slice(v, 4, le.Uint32(v))
		return cleanProp(decodeCodePage(s, codepage))
	case vtLPWSTR:
		n := le.Uint32(v)
		if uint64(n) > uint64(len(v)-4)/2 {
			return ""
		}
		return cleanProp(decodeUTF16LE(v[4 : 4+2*n]))
	case vtI2:
		return strconv.Itoa(int(int16(le.Uint16(v))))
	case vtUI2:
		return strconv.Itoa(int(le.Uint16(v)))
	case vtI4:
		return strconv.Itoa(int(int32(le.Uint32(v))))
	case vtUI4:
		return strconv.FormatUint(uint64(le.Uint32(v)), 10)
	case vtBool:
		return strconv.FormatBool(le.Uint16(v) != 0)
	case vtR8:
		if len(v) >= 8 {
			return strconv.FormatFloat(math.Float64frombits(le.Uint64(v)), 'g', -1, 64)
		}
	}
	return ""
}

// readDictionary reads the names of user-defined properties.
func readDictionary(b []byte, codepage int) map[uint32]string {
	le := binary.LittleEndian
	names := map[uint32]string{}
	if len(b) < 4 {
		return names
	}
	count := le.Uint32(b)
	pos := 4
	for i := uint32(0); i < count && pos+8 <= len(b); i++ {
		pid, n := le.Uint32(b[pos:]), int(le.Uint32(b[pos+4:]))
		pos += 8
		if codepage == codePageUTF16 {
			if n < 0 || n > (len(b)-pos)/2 {
				break
			}
			names[pid] = cleanProp(decodeUTF16LE(b[pos : pos+2*n]))
			pos += (2*n + 3) &^ 3 // padded to a multiple of 4 bytes
			continue
		}
		if n < 0 || n > len(b)-pos {
			break
		}
		names[pid] = cleanProp(decodeCodePage(b[pos:pos+n], codepage))
		pos += n
	}
	return names
}

// decodeCodePage decodes an 8-bit string of a property set's code page.
func decodeCodePage(b []byte, codepage int) string {
	enc := codePageEncoding(codepage)
	if enc == nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil || !utf8.Valid(out) {
		return ""
	}
	return string(out)
}

func decodeUTF16LE(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}

// cleanProp cuts a property string at its terminating NUL and trims spaces.
func cleanProp(s string) string {
	if i := strings.IndexByte(s, 0); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
}
