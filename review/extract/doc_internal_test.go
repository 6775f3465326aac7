package extract

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// wordStreams builds a minimal WordDocument stream and table stream whose main
// text is one piece: text as stored, compressed (one byte a character) or UTF-16LE.
func wordStreams(text []byte, compressed bool, lid uint16) (wd, table []byte) {
	le := binary.LittleEndian
	const textAt = 1024
	wd = make([]byte, textAt, textAt+len(text))
	le.PutUint16(wd[0:], wIdentWord97)
	le.PutUint16(wd[2:], 0xC1)
	le.PutUint16(wd[6:], lid)
	le.PutUint16(wd[32:], 14)  // csw
	le.PutUint16(wd[62:], 22)  // cslw
	le.PutUint16(wd[152:], 93) // cbRgFcLcb
	chars := len(text) / 2
	fc := uint32(textAt)
	if compressed {
		chars, fc = len(text), textAt*2|fcComp
	}
	le.PutUint32(wd[64+4*lwCcpText:], uint32(chars))
	wd = append(wd, text...)

	table = []byte{clxtPcdt, 0, 0, 0, 0}
	table = le.AppendUint32(table, 0)
	table = le.AppendUint32(table, uint32(chars))
	table = append(table, 0, 0)
	table = le.AppendUint32(table, fc)
	table = append(table, 0, 0)
	le.PutUint32(table[1:], uint32(len(table)-5))
	le.PutUint32(wd[154+8*fcClx+4:], uint32(len(table))) // fcClx 0, lcbClx
	return wd, table
}

func readStreams(t *testing.T, wd, table []byte, codepage int) []Part {
	t.Helper()
	f, err := parseFIB(wd)
	if err != nil {
		t.Fatal(err)
	}
	d, err := newDocFile(wd, table, f, codepage)
	if err != nil {
		t.Fatal(err)
	}
	parts, err := d.parts(0)
	if err != nil {
		t.Fatal(err)
	}
	return parts
}

func utf16LE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

func TestDOCCompressedText(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("机密文件：第1号\r"))
	latin := []byte("\x93Hello\x94 \x96 caf\xe9 \x80\r")
	for _, c := range []struct {
		name     string
		text     []byte
		lid      uint16
		codepage int
		want     string
	}{
		{"GBK in a Chinese document", gbk, lidChinaPRC, 0, "机密文件：第1号\n"},
		{"GBK by the properties' code page", gbk, 0x0409, codePageGBK, "机密文件：第1号\n"},
		{"cp1252 quotes in a Chinese document", latin, lidChinaPRC, 0, "“Hello” – café \u0080\n"},
		{"cp1252 in an English document", latin, 0x0409, 1252, "“Hello” – café \u0080\n"},
		{"accented Latin that is valid GBK", []byte("M\xfcller \xc5ngstr\xf6m\r"), lidChinaPRC, 0, "Müller Ångström\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			wd, table := wordStreams(c.text, true, c.lid)
			parts := readStreams(t, wd, table, c.codepage)
			if parts[0].Text != c.want {
				t.Fatalf("got %q, want %q", parts[0].Text, c.want)
			}
		})
	}
	// GBK bytes in a document that does not say Chinese stay Windows-1252.
	wd, table := wordStreams(gbk, true, 0x0409)
	if got := readStreams(t, wd, table, 1252)[0].Text; got == "机密文件：第1号\n" {
		t.Fatalf("GBK decoded without a Chinese language or code page")
	}
}

func TestDOCSpecialCharacters(t *testing.T) {
	text := "A\x13 HYPERLINK \"http://x\" \x14链接\x15B\x01\x08\x05\x02\r" + // field result kept, code and anchors dropped
		"\x13 IF \x13 MERGEFIELD a \x14值\x15 = 1 \x14是\x15\r" + // a field nested in a field's code
		"\x13 PAGE \x15无结果\r" + // a field without a result
		"行\x0b内\x0c页\t表\x1e号\x1f𠀋\r"
	wd, table := wordStreams(utf16LE(text), false, lidChinaPRC)
	want := "A链接B\n是\n无结果\n行\n内\n页\t表-号𠀋\n"
	if got := readStreams(t, wd, table, 0)[0].Text; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestDOCRunFlags(t *testing.T) {
	// A ChpxFkp page with three runs: plain, deleted, hidden; and a grpprl that turns deletion on then off.
	page := make([]byte, fkpSize)
	le := binary.LittleEndian
	for i, fc := range []uint32{100, 110, 120, 130} {
		le.PutUint32(page[4*i:], fc)
	}
	page[fkpCountByte] = 3
	rgb := 4 * 4
	page[rgb+1], page[rgb+2] = 200, 210 // Chpx at bytes 400 and 420
	copy(page[400:], []byte{3, 0x00, 0x08, 1})
	copy(page[420:], []byte{6, 0x3C, 0x08, 0x81, 0x00, 0x08, 0})
	runs := appendChpxRuns(nil, page)
	if len(runs) != 2 || runs[0] != (fcRun{110, 120, flagDeleted}) || runs[1] != (fcRun{120, 130, flagVanish}) {
		t.Fatalf("runs %+v", runs)
	}
	if runFlags(runs, 105) != 0 || runFlags(runs, 119) != flagDeleted || runFlags(runs, 125) != flagVanish || runFlags(runs, 130) != 0 {
		t.Fatal("runFlags")
	}
}

func TestDOCPiecesReusingBytes(t *testing.T) {
	// Two pieces over the same bytes describe more text than the stream holds.
	le := binary.LittleEndian
	plc := le.AppendUint32(nil, 0)
	plc = le.AppendUint32(plc, 600)
	plc = le.AppendUint32(plc, 1200)
	for range 2 {
		plc = append(plc, 0, 0)
		plc = le.AppendUint32(plc, 0)
		plc = append(plc, 0, 0)
	}
	_, err := parsePlcPcd(plc, nil, 1200)
	if ue, ok := err.(*UnreadableError); !ok || ue.Code != "broken" {
		t.Fatalf("got %v, want broken", err)
	}
	if _, err := parsePlcPcd(plc, nil, 2400); err != nil {
		t.Fatalf("pieces within the stream's size: %v", err)
	}
}

// FuzzDOCStreams feeds the WordDocument, table and property set streams to the
// reader directly, past the compound-file container that rejects most mutations.
func FuzzDOCStreams(f *testing.F) {
	for _, name := range []string{"doc_marked.doc", "doc_clean.doc"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		cf, err := mscfb.New(bytes.NewReader(data))
		if err != nil {
			f.Fatal(err)
		}
		streams := map[string][]byte{}
		for _, s := range cf.File {
			if b, err := readStream(s, len(data)); err == nil {
				streams[s.Name] = b
			}
		}
		f.Add(streams["WordDocument"], streams["1Table"], streams["DocumentSummaryInformation"])
		f.Add(streams["WordDocument"], streams["1Table"], streams["SummaryInformation"])
	}
	wd, table := wordStreams(utf16LE("机密\x13 PAGE \x14一\x15\r"), false, lidChinaPRC)
	f.Add(wd, table, []byte(nil))
	f.Fuzz(func(t *testing.T, wd, table, props []byte) {
		parsePropertySet(props)
		fib, err := parseFIB(wd)
		if err != nil {
			return
		}
		d, err := newDocFile(wd, table, fib, codePageGBK)
		if err != nil {
			return
		}
		d.parts(1 << 20)
	})
}
