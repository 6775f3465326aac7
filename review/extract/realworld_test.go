package extract_test

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"prepub/review/extract"
)

// realworldRefused lists the real files prepub must refuse, each with its code
// and why that is the true reason. Every other file must be read.
var realworldRefused = map[string]string{
	// Scans: pages that are images only.
	"pdf/mineru_small_ocr_scanned.pdf":              "no-text-layer",
	"pdf/rapiddoc_seal_scan_FujiXerox.pdf":          "no-text-layer",
	"pdf/rapidocrpdf_image_AcrobatImageConv_en.pdf": "no-text-layer",
	// Text layers whose fonts map to no Unicode: pdftotext prints Latin letters
	// as unrelated Han (犐犆犛 for ICS) and drops the Chinese, or prints accented
	// Latin for GBK; neither is the document's text.
	"pdf/ofdrw_GMT0031-2014_DocGen.pdf":                          "unmapped-fonts",
	"pdf/mineru_ordinary_textbook_pdfTeX-SimSun-noToUnicode.pdf": "unmapped-fonts",
}

// realworldShort lists the files read with fewer Han than the reference, each
// with the characters missed and why; the rest of the file must be there.
var realworldShort = map[string]int{
	// 𥕛 (U+2555B, beyond the BMP) comes from PDFium as its HKSCS private-use
	// code point U+E687; the six other Han are read.
	"pdf/pdfjs_issue19182_iText_UniCNS.pdf": 1,
}

// TestRealWorld reads every file of the real-world set (../shared/realworld:
// PDF from many producers, .docx from Word and WPS, .doc, .ofd) and requires
// each to be read with at least 99% of a reference reader's Han characters
// (testdata/realworld_refs.tsv, made by scripts/realworld-refs.sh), or refused
// for the true reason listed in realworldRefused. No file may come out checked with less.
func TestRealWorld(t *testing.T) {
	dir := realworldDir(t)
	refs := readRefs(t)
	for _, ref := range refs {
		t.Run(ref.file, func(t *testing.T) {
			t.Parallel()
			doc, err := extract.File(filepath.Join(dir, ref.file), extract.DefaultLimits())
			if want, refused := realworldRefused[ref.file]; refused {
				var ue *extract.UnreadableError
				if !errors.As(err, &ue) || ue.Code != want {
					t.Fatalf("want refused (%s), got doc=%v err=%v", want, doc != nil, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("refused: %v (reference reader finds %d Han)", err, ref.han)
			}
			if got := hanRead(doc) + realworldShort[ref.file]; got*100 < ref.han*99 {
				t.Fatalf("read %d Han of the reference's %d (%s, coverage %.2f)", got, ref.han, doc.Engine, doc.Coverage)
			}
		})
	}
}

// hanRead counts the Han characters of every part a reference reader also reads:
// all but document properties and tracked deletions.
func hanRead(d *extract.Document) int {
	n := 0
	for _, p := range d.Parts {
		if p.Kind == extract.Properties || p.Kind == extract.Deleted {
			continue
		}
		for _, r := range p.Text {
			if unicode.Is(unicode.Han, r) {
				n++
			}
		}
	}
	return n
}

type realworldRef struct {
	file string
	han  int
}

// readRefs reads testdata/realworld_refs.tsv.
func readRefs(t *testing.T) []realworldRef {
	f, err := os.Open("testdata/realworld_refs.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var refs []realworldRef
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 3 || strings.HasPrefix(cols[0], "#") || cols[0] == "file" {
			continue
		}
		han, err := strconv.Atoi(cols[2])
		if err != nil {
			t.Fatalf("realworld_refs.tsv: %q", sc.Text())
		}
		refs = append(refs, realworldRef{cols[0], han})
	}
	if len(refs) < 80 {
		t.Fatalf("realworld_refs.tsv lists %d files, want 80", len(refs))
	}
	return refs
}

// realworldDir finds shared/realworld beside the repository (or in
// PREPUB_REALWORLD). It is test data kept outside the repository; CI always has
// it, so there a missing folder fails the test instead of skipping it.
func realworldDir(t *testing.T) string {
	if d := os.Getenv("PREPUB_REALWORLD"); d != "" {
		return d
	}
	wd, _ := os.Getwd()
	for d := wd; d != filepath.Dir(d); d = filepath.Dir(d) {
		cand := filepath.Join(d, "shared", "realworld")
		if _, err := os.Stat(filepath.Join(cand, "MANIFEST.tsv")); err == nil {
			return cand
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("shared/realworld not found above %s", wd)
	}
	t.Skipf("shared/realworld not found above %s: set PREPUB_REALWORLD", wd)
	return ""
}
