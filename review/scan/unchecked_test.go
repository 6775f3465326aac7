package scan

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"prepub/review/extract"
)

// uncheckedText is corpus text of about 3 MB, long enough for chunks and blocks.
func uncheckedText(t *testing.T) string {
	return repeatCorpus(t, "000123\n機密★1年\n特急\n", "", 3*chunkMin)
}

// repeatCorpus returns head, then the corpus texts each followed by each,
// repeated to n bytes or more; without the corpus, a line with a phone number
// and a secrecy term instead of them.
func repeatCorpus(t *testing.T, head, each string, n int) string {
	names, _ := filepath.Glob("../../../shared/corpus/*.txt")
	var b strings.Builder
	b.WriteString(head)
	for b.Len() < n {
		for _, n := range names {
			data, err := os.ReadFile(n)
			if err != nil {
				t.Fatal(err)
			}
			b.Write(data)
			b.WriteString(each)
		}
		if len(names) == 0 {
			b.WriteString("联系电话：13812345678，国家秘密不得公开。\n")
		}
	}
	return b.String()
}

// badAt returns text with byte k replaced by bad.
func badAt(text string, k int, bad byte) string {
	b := []byte(text)
	b[k] = bad
	return string(b)
}

// TestUncheckedSeams ensures the check made by the walk, in chunks and
// blocks, says a text is UTF-8 with no NUL byte exactly when it is, with bad
// bytes at, before and after every seam between chunks and between blocks,
// and that checking changes no finding.
func TestUncheckedSeams(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := uncheckedText(t)
	p := extract.Part{Kind: extract.Body, Name: "正文", Text: text}
	want := sequential(s, p, 1<<20)
	p.Unchecked = true
	for _, n := range []int{2, 3, 4, 7} {
		res := &Result{}
		if !s.scanCut(p, res, 1<<20, cut(text, n)) {
			t.Fatalf("%d chunks: too many findings", n)
		}
		sameResult(t, itoa(n)+" chunks, checked", res, want)
		if res.notUTF8 {
			t.Fatalf("%d chunks: UTF-8 text said not to be", n)
		}
	}
	// bad bytes in a shorter text: chunks of a few blocks each
	text = text[:strings.IndexByte(text[400<<10:], '\n')+400<<10+1]
	p.Text = text
	var seams []int
	for _, n := range []int{2, 3, 4, 7} {
		for _, c := range cut(text, n) {
			seams = append(seams, c.from, c.from+64<<10, c.from+seamWindow, c.limit-1)
		}
	}
	seams = append(seams, 0, len(text)-1, len(text)-2)
	for _, at := range seams {
		for d := -2; d <= 2; d++ {
			k := at + d
			if k < 0 || k >= len(text) {
				continue
			}
			for _, bad := range []string{"\xFF", "\x80", "\xE4", "\xED", "\x00", "a", "\xE0\x80\x80", "\xED\xA0\x80", "\xE4\xB8"} {
				if k+len(bad) > len(text) {
					continue
				}
				q := p
				q.Text = text[:k] + bad + text[k+len(bad):]
				valid := utf8.ValidString(q.Text) && strings.IndexByte(q.Text, 0) < 0
				for _, n := range []int{1, 2, 3} {
					res := &Result{}
					if n == 1 || !s.scanCut(q, res, 1<<20, cut(q.Text, n)) {
						res = &Result{}
						s.scanPart(extract.Part{Kind: q.Kind, Name: q.Name, Text: q.Text, Unchecked: true}, res, 1<<20)
					}
					if res.notUTF8 == valid {
						t.Fatalf("bytes at %d set to %q, %d chunks: said UTF-8 %v, is %v", k, bad, n, !res.notUTF8, valid)
					}
				}
			}
		}
	}
}

// TestScanBytesUnchecked ensures a file's report is the one reading it
// checked first gives, for text in every encoding a .txt may have and text
// that is not quite UTF-8.
func TestScanBytesUnchecked(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := uncheckedText(t)
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String(text)
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text[:1<<20])
	inputs := map[string]string{
		"utf8": text, "small": text[:5000], "bom": "\xEF\xBB\xBF" + text, "gb18030": gb, "gbsmall": gb[:5001],
		"utf16": u16, "seam": badAt(text, len(text)/2, 0xFF), "end": text + "\xE4\xB8", "start": "\x80" + text,
		"nul": badAt(text, len(text)/2, 0), "nulend": text + "\x00", "nulsmall": "机密\x00", "space": " \n\t", "spacebad": " \n\xFF", "gbnul": gb + "\x00",
	}
	lim := extract.DefaultLimits()
	lim.MaxPartsBytes = 0
	for name, in := range inputs {
		got := s.ScanBytes(name+".txt", []byte(in), lim, Options{MaxFindings: 1 << 20})
		doc, err := extract.Bytes(name+".txt", []byte(in), lim)
		want := s.report(name+".txt", doc, err, Options{MaxFindings: 1 << 20})
		got.Doc, want.Doc = nil, nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %s %s %s, %d findings; want %s %s %s, %d findings", name,
				got.Status, got.Encoding, got.ReasonCode, len(got.Findings), want.Status, want.Encoding, want.ReasonCode, len(want.Findings))
		}
	}
}

// TestUncheckedRandom ensures the check made by the walk agrees with the
// library's on corpus text with a bad sequence put at random places: inside
// runs of Chinese the walk skips, on keywords, digits and ASCII.
func TestUncheckedRandom(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := uncheckedText(t)[:300<<10]
	bads := []string{"\xFF", "\x80", "\xBF\xBF", "\xE4", "\xE4\xB8", "\x00", "\xE0\x80\x80", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xED\xBF\xBF",
		"\xC0\x80", "\xF0\x80\x80\x80", "\xF4\x90\x80\x80", "\xEF\xBF\xBD", "\xED\x9F\xBF", "\xE0\xA0\x80"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 400 {
		bad := bads[rng.IntN(len(bads))]
		k := rng.IntN(len(text) - len(bad))
		q := extract.Part{Kind: extract.Body, Name: "正文", Text: text[:k] + bad + text[k+len(bad):], Unchecked: true}
		valid := utf8.ValidString(q.Text) && strings.IndexByte(q.Text, 0) < 0
		for _, n := range []int{1, 2, 3} {
			res := &Result{}
			if n == 1 || !s.scanCut(q, res, 1<<20, cut(q.Text, n)) {
				res = &Result{}
				s.scanPart(q, res, 1<<20)
			}
			if res.notUTF8 == valid {
				t.Fatalf("%q at %d, %d chunks: said UTF-8 %v, is %v", bad, k, n, !res.notUTF8, valid)
			}
		}
	}
}
