package ui

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/opentype"
)

// cjkFont is a system font collection and the face in it that draws Simplified Chinese.
type cjkFont struct{ regular, bold, family string }

// cjkFonts are tried in order; the paths are where fonts-noto-cjk installs on Debian and Arch.
var cjkFonts = []cjkFont{
	{"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", "Noto Sans CJK SC"},
	{"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc", "Noto Sans CJK SC"},
}

// chineseTheme is Fyne's default theme with its text drawn in a Simplified Chinese face.
type chineseTheme struct {
	fyne.Theme
	regular, bold fyne.Resource
}

// NewTheme returns the app's theme: Fyne's default theme drawing text with the system's
// Simplified Chinese font, or the default theme alone when no such font is installed.
//
// Fyne 2.7 does render Chinese without help: for runes its bundled font lacks it falls back
// to a system font. But it takes the first face of NotoSansCJK-Regular.ttc, which is the
// Japanese one, so shared characters (直, 骨, 令 …) get Japanese shapes. A theme cannot
// name a face in a .ttc (fyne-io/fyne#4053), so the Chinese face is copied out of the
// collection into a standalone font when Fyne asks for it (faceResource).
func NewTheme() fyne.Theme {
	for _, f := range cjkFonts {
		if err := hasFace(f.regular, f.family); err != nil {
			if !os.IsNotExist(err) {
				fyne.LogError("Chinese font "+f.regular, err)
			}
			continue
		}
		regular := faceResource{f.regular, f.family}
		bold := faceResource{f.bold, f.family}
		if hasFace(f.bold, f.family) != nil {
			bold = regular
		}
		return &chineseTheme{Theme: theme.DefaultTheme(), regular: regular, bold: bold}
	}
	return theme.DefaultTheme()
}

// faceResource is one face of a font collection, copied out anew whenever
// Fyne asks for its bytes. Fyne parses a face once for each text style and
// keeps what it parsed (its own copy of the tables), so bytes kept here as
// well were a second copy of each face, some 19 MB, held for nothing.
type faceResource struct{ path, family string }

// Name names the face by its collection and family.
func (r faceResource) Name() string { return filepath.Base(r.path) + "#" + r.family }

// Content returns the face as a standalone font file, or nil when the
// collection can no longer be read.
func (r faceResource) Content() []byte {
	data, err := loadFace(r.path, r.family)
	if err != nil {
		fyne.LogError("Chinese font "+r.path, err)
	}
	return data
}

// Font returns the Chinese face for ordinary text and the default fonts for code and symbols.
func (t *chineseTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace || s.Symbol:
		return t.Theme.Font(s)
	case s.Bold:
		return t.bold
	}
	return t.regular
}

// hasFace checks that the font collection at path holds the face named
// family, reading its table directories only.
func hasFace(path, family string) error {
	return withFace(path, family, func(*opentype.Loader) error { return nil })
}

// loadFace copies the face named family out of the font collection at path.
func loadFace(path, family string) (data []byte, err error) {
	err = withFace(path, family, func(ld *opentype.Loader) error {
		data, err = standalone(ld)
		return err
	})
	return data, err
}

// withFace calls fn with the face named family of the font collection at path.
func withFace(path, family string, fn func(*opentype.Loader) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	lds, err := opentype.NewLoaders(f)
	if err != nil {
		return err
	}
	for _, ld := range lds {
		if d, _ := font.Describe(ld, nil); d.Family == family {
			return fn(ld)
		}
	}
	return fmt.Errorf("no face %q in %s", family, path)
}

// standalone writes one face of a collection as a single OpenType font file.
func standalone(ld *opentype.Loader) ([]byte, error) {
	tags := ld.Tables()
	n := len(tags)
	tables := make([][]byte, n)
	size := 12 + 16*n
	for i, tag := range tags {
		data, err := ld.RawTable(tag)
		if err != nil {
			return nil, err
		}
		tables[i], size = data, size+pad4(len(data))
	}
	pow := 1 << (bits.Len(uint(n)) - 1) // largest power of two ≤ n
	out := make([]byte, 12+16*n, size)  // the face's size at once: growing it copied some 16 MB again and again
	be := binary.BigEndian
	be.PutUint32(out[0:], uint32(ld.Type))
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(pow*16))
	be.PutUint16(out[8:], uint16(bits.Len(uint(pow))-1))
	be.PutUint16(out[10:], uint16((n-pow)*16))
	for i, tag := range tags {
		data := tables[i]
		tables[i] = nil // let each table go once copied
		rec := out[12+16*i:]
		be.PutUint32(rec[0:], uint32(tag))
		be.PutUint32(rec[8:], uint32(len(out)))
		be.PutUint32(rec[12:], uint32(len(data)))
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		be.PutUint32(out[12+16*i+4:], checksum(out[len(out)-pad4(len(data)):]))
	}
	return out, nil
}

// pad4 rounds n up to a multiple of four.
func pad4(n int) int { return (n + 3) &^ 3 }

// checksum is the OpenType table checksum of data padded to four bytes.
func checksum(data []byte) uint32 {
	var sum uint32
	for i := 0; i+4 <= len(data); i += 4 {
		sum += binary.BigEndian.Uint32(data[i:])
	}
	return sum
}
