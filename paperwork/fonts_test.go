package paperwork

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// collection builds a TrueType collection of n faces that share the tables of one font file.
func collection(t *testing.T, font []byte, n int) []byte {
	t.Helper()
	count := int(binary.BigEndian.Uint16(font[4:]))
	dir := 12 + 16*count
	head := 12 + 4*n
	out := make([]byte, head, head+n*dir+len(font))
	copy(out, "ttcf")
	binary.BigEndian.PutUint32(out[4:], 0x00010000)
	binary.BigEndian.PutUint32(out[8:], uint32(n))
	data := head + n*dir // the shared tables follow the directories
	for i := 0; i < n; i++ {
		binary.BigEndian.PutUint32(out[12+4*i:], uint32(len(out)))
		d := append([]byte(nil), font[:dir]...)
		for k := 0; k < count; k++ {
			r := d[12+16*k:]
			binary.BigEndian.PutUint32(r[8:], binary.BigEndian.Uint32(r[8:])+uint32(data))
		}
		out = append(out, d...)
	}
	return append(out, font...)
}

// TestTrueTypeFace ensures a face copied out of a collection is a font file of its own with the same glyphs.
func TestTrueTypeFace(t *testing.T) {
	ttc := collection(t, goregular.TTF, 3)
	if n, err := faceCount(ttc); err != nil || n != 3 {
		t.Fatalf("%d faces, %v", n, err)
	}
	face, err := trueTypeFace(ttc, 2)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := sfnt.Parse(goregular.TTF)
	got, err := sfnt.Parse(face)
	if err != nil {
		t.Fatalf("the face copied out does not parse: %v", err)
	}
	var b sfnt.Buffer
	for _, r := range "Ag9" {
		gw, _ := want.GlyphIndex(&b, r)
		gg, _ := got.GlyphIndex(&b, r)
		if gw == 0 || gw != gg {
			t.Errorf("%q: glyph %d, want %d", r, gg, gw)
		}
		aw, _ := want.GlyphAdvance(&b, gw, 1000, 0)
		ag, _ := got.GlyphAdvance(&b, gg, 1000, 0)
		if aw != ag {
			t.Errorf("%q: advance %v, want %v", r, ag, aw)
		}
	}
	if plain, err := trueTypeFace(goregular.TTF, 0); err != nil || len(plain) != len(goregular.TTF) {
		t.Fatalf("a plain font file is its own face: %v", err)
	}
	if _, err := trueTypeFace(ttc, 3); err == nil {
		t.Fatal("a face past the last one")
	}
	for _, bad := range [][]byte{nil, []byte("ttcf\x00\x01\x00\x00\xff\xff\xff\xff"), goregular.TTF[:40]} {
		if _, err := trueTypeFace(bad, 0); err == nil {
			t.Errorf("a broken font file accepted: %q", bad)
		}
	}
	cff := append([]byte("OTTO"), goregular.TTF[4:]...)
	if _, err := trueTypeFace(cff, 0); !errors.Is(err, errNotTrueType) {
		t.Fatalf("a CFF face: %v", err)
	}
}

// TestLoadFont ensures a font file without Chinese, or not a font, is refused with a Chinese reason.
func TestLoadFont(t *testing.T) {
	dir := t.TempDir()
	latin := filepath.Join(dir, "goregular.ttf")
	os.WriteFile(latin, goregular.TTF, 0o644)
	notFont := filepath.Join(dir, "x.ttf")
	os.WriteFile(notFont, []byte("不是字体"), 0o644)
	for path, want := range map[string]string{latin: "没有常用汉字", notFont: "损坏", filepath.Join(dir, "none.ttf"): "无法读取"} {
		if _, err := LoadFont(path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", path, err, want)
		}
	}
	t.Setenv(FontEnv, latin)
	if _, err := FindFonts(); err == nil || !strings.Contains(err.Error(), FontEnv) {
		t.Fatalf("a font named by %s without Chinese: %v", FontEnv, err)
	}
	noto := "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
	if _, err := os.Stat(noto); err == nil {
		if _, err := LoadFont(noto); err == nil || !strings.Contains(err.Error(), "CFF") {
			t.Fatalf("Noto CJK (CFF outlines): %v", err)
		}
	}
}

// TestFindIn ensures a folder without a Chinese TrueType font gives the Chinese message that says what to install,
// and that fonts are found by name in nested folders, the text face first.
func TestFindIn(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "goregular.ttf"), goregular.TTF, 0o644)
	if _, err := findIn([]string{dir, filepath.Join(dir, "missing")}); err == nil || !strings.HasPrefix(err.Error(), "未找到可用的中文字体") ||
		!strings.Contains(err.Error(), "fonts-arphic-uming") || !strings.Contains(err.Error(), "simsun.ttc") {
		t.Fatalf("no Chinese font: %v", err)
	}
	fonts, err := FindFonts()
	if err != nil {
		t.Skip(err)
	}
	nested := filepath.Join(dir, "a", "b")
	os.MkdirAll(nested, 0o755)
	data, err := os.ReadFile(fonts.Song.Path)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(nested, "SimSun.ttc"), data, 0o644) // a font of this machine, named as Windows names its 宋体
	got, err := findIn([]string{dir})
	if err != nil || got.Song == nil || filepath.Base(got.Song.Path) != "SimSun.ttc" || got.Hei != nil {
		t.Fatalf("%+v %v", got, err)
	}
}
