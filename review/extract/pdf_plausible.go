package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// plausibleText is the last guard on text a PDF engine returned: text with many
// replacement characters or control codes, or mostly private-use code points
// (symbol fonts use a few for bullets), was not truly decoded, whatever the font claimed.
func plausibleText(s string) bool {
	bad, private, all := 0, 0, 0
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			continue
		case r == utf8.RuneError || unicode.IsControl(r) || r >= 0xFFF0:
			bad++
		case unicode.In(r, unicode.Co):
			private++
		}
		all++
	}
	return all == 0 || (bad*10 < all && private*2 < all)
}

// chineseFaces are words in font names that say a font is a Chinese face.
var chineseFaces = []string{"simsun", "nsimsun", "simhei", "fangsong", "simfang", "kaiti", "simkai",
	"stsong", "stfangsong", "stkaiti", "stheiti", "xiaobiaosong", "fzxbs", "fzfs", "fzkt", "fzhei",
	"fzsong", "songti", "heiti", "msyh", "microsoftyahei", "yahei", "youyuan", "lisu", "gb2312"}

// chineseFontName reports whether a font's name says it is a Chinese face,
// whose bytes behind a Latin encoding are GBK: a name in Han characters
// (written in UTF-8, or in GBK bytes as Word writes 宋体), or a known face's name.
func chineseFontName(name string) bool {
	if i := strings.IndexByte(name, '+'); i == 6 {
		name = name[i+1:] // subset tag ABCDEF+
	}
	if _, ok := decodeGBK([]byte(name)); ok || hasHan(name) {
		return true
	}
	n := strings.ToLower(strings.NewReplacer(" ", "", "-", "", "_", "").Replace(name))
	for _, f := range chineseFaces {
		if strings.Contains(n, f) {
			return true
		}
	}
	return false
}

// latinByte reports whether r is a character a Latin (WinAnsi) encoding gives for a byte ≥ 0x80.
func latinByte(r rune) bool {
	_, ok := charmap.Windows1252.EncodeRune(r)
	return ok
}

// decodeGBKRun turns characters that a Latin encoding made of GBK bytes back
// into those bytes and decodes them as GBK when the result is plausible
// Chinese; otherwise it returns the run unchanged.
func decodeGBKRun(run []rune) []rune {
	b := make([]byte, 0, len(run))
	for _, r := range run {
		c, ok := charmap.Windows1252.EncodeRune(r)
		if !ok {
			return run
		}
		b = append(b, c)
	}
	if text, ok := decodeGBK(b); ok {
		return []rune(text)
	}
	return run
}

// decodeGBK decodes bytes as GBK when every character decodes and at least
// 80% of them are Han or CJK punctuation: plausible Chinese, not Latin text
// that happens to decode.
func decodeGBK(b []byte) (string, bool) {
	if len(b) < 2 {
		return "", false
	}
	out, err := simplifiedchinese.GBK.NewDecoder().Bytes(b)
	if err != nil || !utf8.Valid(out) {
		return "", false
	}
	han, all := 0, 0
	for _, r := range string(out) {
		if unicode.IsSpace(r) {
			continue
		}
		all++
		if r == utf8.RuneError {
			return "", false
		}
		if unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) {
			han++
		}
	}
	if all == 0 || han*10 < all*8 {
		return "", false
	}
	return string(out), true
}

// hasHan reports whether s has a Han character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
