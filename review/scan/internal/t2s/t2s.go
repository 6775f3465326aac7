// Package t2s reads OpenCC's Traditional→Simplified character mapping, for
// the generator of the scan's table and the test that keeps the two equal.
package t2s

import (
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// FromOpenCC returns, rune by rune, each character of the CJK blocks of the
// Basic Multilingual Plane that OpenCC's t2s changes into one other such
// character, followed by that character.
func FromOpenCC() ([]rune, error) {
	cc, err := opencc.New("t2s")
	if err != nil {
		return nil, err
	}
	var pairs []rune
	for _, span := range [][2]rune{{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}} {
		for r := span[0]; r <= span[1]; r++ {
			s, err := cc.Convert(string(r))
			if err != nil {
				continue
			}
			if n, size := utf8.DecodeRuneInString(s); size == len(s) && n != r && n < 0x10000 {
				pairs = append(pairs, r, n)
			}
		}
	}
	return pairs, nil
}
