package pdffixture_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/ledongthuc/pdf"

	"prepub/internal/pdffixture"
)

var lines = []string{"机密★1年", "关于做好政务公开工作的通知"}

// twoPages has text on page 1 and a scanned-looking image on page 2.
var twoPages = []pdffixture.Page{{Lines: lines}, {Image: true}}

// squash removes all whitespace from s.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// pw returns a password callback that offers p once.
func pw(p string) func() string {
	return func() string {
		defer func() { p = "" }()
		return p
	}
}

// pageTexts extracts the plain text of every page with ledongthuc/pdf.
func pageTexts(t *testing.T, data []byte) []string {
	t.Helper()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("NewReader: %v", err)
	}
	var texts []string
	for i := 1; i <= r.NumPage(); i++ {
		s, err := r.Page(i).GetPlainText(nil)
		if err != nil {
			t.Fatalf("page %d: %v", i, err)
		}
		texts = append(texts, s)
	}
	return texts
}

func checkTwoPages(t *testing.T, texts []string) {
	t.Helper()
	if len(texts) != 2 {
		t.Fatalf("got %d pages, want 2", len(texts))
	}
	if got, want := squash(texts[0]), strings.Join(lines, ""); got != want {
		t.Errorf("page 1 text = %q, want %q", got, want)
	}
	if got := squash(texts[1]); got != "" {
		t.Errorf("image page text = %q, want none", got)
	}
}

func TestText(t *testing.T) {
	texts := pageTexts(t, pdffixture.Build(twoPages, pdffixture.Options{}))
	checkTwoPages(t, texts)
	if got := strings.Fields(texts[0]); len(got) != 2 || got[0] != lines[0] || got[1] != lines[1] {
		t.Errorf("page 1 lines = %q, want %q", got, lines)
	}
}

func TestSplitRunes(t *testing.T) {
	texts := pageTexts(t, pdffixture.Build(twoPages, pdffixture.Options{SplitRunes: true}))
	checkTwoPages(t, texts)
	if n, want := len(strings.Fields(texts[0])), len([]rune(strings.Join(lines, ""))); n != want {
		t.Errorf("page 1 has %d fields, want one per rune (%d)", n, want)
	}
}

func TestEncrypted(t *testing.T) {
	data := pdffixture.Build(twoPages, pdffixture.Options{Encrypted: true})
	if _, err := pdf.NewReader(bytes.NewReader(data), int64(len(data))); err != pdf.ErrInvalidPassword {
		t.Fatalf("NewReader err = %v, want ErrInvalidPassword", err)
	}
	// The right password passes the /U check. (Text is not extracted here: ledongthuc/pdf
	// derives 16-byte RC4 object keys instead of n+5 bytes, so it cannot decrypt 40-bit
	// content; TestPdftotext checks decryption with poppler instead.)
	if _, err := pdf.NewReaderEncrypted(bytes.NewReader(data), int64(len(data)), pw("wrong")); err != pdf.ErrInvalidPassword {
		t.Errorf("wrong password: err = %v, want ErrInvalidPassword", err)
	}
	if _, err := pdf.NewReaderEncrypted(bytes.NewReader(data), int64(len(data)), pw(pdffixture.Password)); err != nil {
		t.Errorf("password %q: %v", pdffixture.Password, err)
	}
}

func TestPdftotext(t *testing.T) {
	const bin = "/usr/bin/pdftotext"
	if _, err := os.Stat(bin); err != nil {
		t.Skip("pdftotext not installed")
	}
	for _, tc := range []struct {
		name string
		opt  pdffixture.Options
		args []string
	}{
		{"plain", pdffixture.Options{}, nil},
		{"split", pdffixture.Options{SplitRunes: true}, nil},
		{"encrypted", pdffixture.Options{Encrypted: true}, []string{"-upw", pdffixture.Password}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "f.pdf")
			if err := os.WriteFile(file, pdffixture.Build(twoPages, tc.opt), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(bin, append(tc.args, "-enc", "UTF-8", file, "-")...).CombinedOutput()
			if err != nil {
				t.Fatalf("pdftotext: %v\n%s", err, out)
			}
			// pdftotext ends every page with a form feed.
			checkTwoPages(t, strings.Split(strings.TrimSuffix(string(out), "\f"), "\f"))
		})
	}
	t.Run("no password", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "f.pdf")
		if err := os.WriteFile(file, pdffixture.Build(twoPages, pdffixture.Options{Encrypted: true}), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(bin, file, "-").CombinedOutput(); err == nil {
			t.Errorf("pdftotext opened an encrypted fixture without a password:\n%s", out)
		}
	})
}
