package extract

import (
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// TestValidRunShort compares ValidUTF8 with utf8.Valid on every sequence of
// up to three bytes, after ASCII and Chinese prefixes of every length mod 8.
func TestValidRunShort(t *testing.T) {
	prefixes := [][]byte{nil, []byte("a"), []byte("abcdefg"), []byte("abcdefgh"), []byte("中"), []byte("ab中文cdefghij")}
	buf := make([]byte, 0, 32)
	for _, pre := range prefixes {
		for n := 1; n <= 3; n++ {
			for v := 0; v < 1<<(8*n); v++ {
				buf = append(buf[:0], pre...)
				for k := 0; k < n; k++ {
					buf = append(buf, byte(v>>(8*k)))
				}
				if got, want := ValidUTF8(buf), utf8.Valid(buf); got != want {
					t.Fatalf("% x: ValidUTF8 %v, utf8.Valid %v", buf, got, want)
				}
			}
		}
	}
}

// TestValidRunFour compares ValidUTF8 with utf8.Valid on every four-byte
// sequence led by a byte at or above 0xC0 (the leads the library decodes).
func TestValidRunFour(t *testing.T) {
	if testing.Short() {
		t.Skip("64 million sequences")
	}
	buf := make([]byte, 4)
	for v := 0xC0 << 24; v < 1<<32; v += 1 << 10 { // every lead, every second byte, a spread of the rest
		for k := 0; k < 4; k++ {
			buf[k] = byte(v >> (8 * (3 - k)))
		}
		if got, want := ValidUTF8(buf), utf8.Valid(buf); got != want {
			t.Fatalf("% x: ValidUTF8 %v, utf8.Valid %v", buf, got, want)
		}
	}
}

// TestValidRunRandom compares ValidUTF8 with utf8.Valid on Chinese text with random bytes changed.
func TestValidRunRandom(t *testing.T) {
	text := []byte(strings.Repeat("国家秘密 ２０２４年第１号，Ａ类；😀 ok\u00e9\u0800\ud7ff\ue000\uffff\U0010ffff\n", 20))
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		b := bytes.Clone(text)
		for range rng.Intn(3) + 1 {
			b[rng.Intn(len(b))] = byte(rng.Intn(256))
		}
		b = b[:rng.Intn(len(b)+1)]
		if got, want := ValidUTF8(b), utf8.Valid(b); got != want {
			t.Fatalf("% x: ValidUTF8 %v, utf8.Valid %v", b, got, want)
		}
	}
}

// FuzzValidRun checks ValidUTF8 against utf8.Valid.
func FuzzValidRun(f *testing.F) {
	f.Add([]byte("国家秘密★5年"))
	f.Add([]byte{0xE0, 0x80, 0x80, 0xED, 0xA0, 0x80})
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := ValidUTF8(b), utf8.Valid(b); got != want {
			t.Fatalf("% x: ValidUTF8 %v, utf8.Valid %v", b, got, want)
		}
	})
}

// decodeTextBefore is decodeText as it was with the library's check, the reference for the fast one.
func decodeTextBefore(data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		if !utf8.Valid(data[3:]) {
			return "", "", badEncoding()
		}
		return string(data[3:]), "UTF-8 (BOM)", nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeStrict(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data, "UTF-16LE")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeStrict(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data, "UTF-16BE")
	case utf8.Valid(data):
		return string(data), "UTF-8", nil
	}
	return decodeStrict(simplifiedchinese.GB18030, data, "GB18030")
}

// TestDecodeTextMixed decodes large texts (split across cores) in every
// encoding a .txt may have, with invalid bytes at and beside the seams
// where the check splits them, and expects what the library's check gave.
func TestDecodeTextMixed(t *testing.T) {
	names, _ := filepath.Glob("../../../shared/corpus/*.txt")
	var sb strings.Builder
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err == nil && utf8.Valid(b) {
			sb.Write(b)
		}
	}
	if sb.Len() == 0 {
		sb.WriteString("国家秘密 ２０２４年第１号，关于做好保密工作的通知。\n")
	}
	unit := sb.String()
	text := strings.Repeat(unit, (9<<20)/len(unit)+1) // past the 8 MB where the check is split
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text[:1<<20])
	u16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(text[:1<<20])
	inputs := map[string][]byte{
		"utf8": []byte(text), "bom": append([]byte{0xEF, 0xBB, 0xBF}, text...),
		"gb18030": []byte(gb), "utf16le": []byte(u16), "utf16be": []byte(u16be),
		"ascii": bytes.Repeat([]byte("plain ASCII text\n"), 600000),
	}
	// invalid bytes where the check cuts the text, one and two bytes either side, and at the ends
	for w := 2; w <= 4; w++ {
		for _, d := range []int{-2, -1, 0, 1, 2} {
			for _, bad := range []byte{0xFF, 0xC0, 0xE4, 0x80, 0xED} {
				b := []byte(text)
				at := len(b)/w + d
				b[at] = bad
				inputs["seam"+string(rune('0'+w))+string(rune('2'+d))+string(rune(bad))] = b
			}
		}
	}
	inputs["truncated"] = []byte(text[:len(text)-1])
	inputs["last"] = append([]byte(text), 0xE4, 0xB8)
	inputs["first"] = append([]byte{0x80}, text...)
	for name, data := range inputs {
		got, genc, gerr := decodeText(data, false)
		want, wenc, werr := decodeTextBefore(data)
		if got != want || genc != wenc || (gerr == nil) != (werr == nil) {
			t.Errorf("%s: got %s (%v), want %s (%v)", name, genc, gerr, wenc, werr)
		}
	}
}

// BenchmarkValidUTF8 measures the check of Chinese text, the library's and
// the inline one, on one core.
func BenchmarkValidUTF8(b *testing.B) {
	names, _ := filepath.Glob("../../../shared/corpus/*.txt")
	var data []byte
	for _, name := range names {
		d, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		data = append(data, d...)
	}
	for _, c := range []struct {
		name  string
		valid func([]byte) bool
	}{{"library", utf8.Valid}, {"inline", ValidUTF8}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for range b.N {
				c.valid(data)
			}
		})
	}
}
