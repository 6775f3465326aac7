package scan

import (
	"strings"
	"time"
	"unicode/utf8"
)

// number reads a run of letters and digits starting at raw offset i (groups
// may be separated by one space or hyphen, as in 6222 0212 3456 7890), checks
// it for personal data with its checksum, and returns the offset after the run.
//
// Most runs are short (dates, counts, article numbers) and no personal data:
// their letters and digits are gathered in buffers on the stack, and only a
// run of at least 11 becomes a string.
func (ps *partScan) number(i int) int {
	text := ps.p.Text
	type group struct{ start, end, from, to int } // text[start:end], whose letters and digits are all[from:to]
	var groupsBuf [8]group
	var allBuf [64]byte
	groups, all := groupsBuf[:0], allBuf[:0]
	j, start, from := i, i, 0
	for j < len(text) {
		r, size := decodeRune(text, j)
		f := fold(r)
		if f == 'x' {
			f = 'X'
		}
		if f < utf8.RuneSelf && (isDigit(byte(f)) || 'A' <= f && f <= 'Z') {
			all = append(all, byte(f))
			j += size
			continue
		}
		// one separator between two groups
		if (f == ' ' || f == '-') && len(all) > from && j+size < len(text) {
			nr, _ := decodeRune(text, j+size)
			if n := fold(nr); n < utf8.RuneSelf && isDigit(byte(n)) {
				groups = append(groups, group{start, j, from, len(all)})
				j += size
				start, from = j, len(all)
				continue
			}
		}
		break
	}
	if len(all) > from {
		groups = append(groups, group{start, j, from, len(all)})
	}
	// a letter or digit right after the run makes it part of a longer string
	if j < len(text) {
		if r, _ := decodeRune(text, j); r < utf8.RuneSelf && isAlnum(byte(r)) {
			return j
		}
	}
	if len(all) < minPersonal {
		return j // every group is shorter still
	}
	tok := string(all)
	switch {
	case ps.personal(i, j, tok):
	case len(groups) > 1:
		for _, g := range groups {
			ps.personal(g.start, g.end, tok[g.from:g.to])
		}
	default:
		// letters written straight before a number (TEL13812345678, ID110105…): try the number alone
		if k := strings.IndexFunc(tok, func(r rune) bool { return '0' <= r && r <= '9' }); k > 0 {
			ps.personal(advanceRunes(text, i, k), j, tok[k:])
		}
	}
	return j
}

// minPersonal is the fewest letters and digits of any personal data the scan checks (a mobile number).
const minPersonal = 11

// personal records text[i:j], whose letters and digits are tok, if it is valid personal data.
func (ps *partScan) personal(i, j int, tok string) bool {
	switch {
	case len(tok) < minPersonal:
		return false
	case ValidResidentID(tok):
		ps.add(CatResidentID, High, i, j, "third-party", "居民身份证号码（校验位正确）：属于个人隐私，公开前应删除或遮盖")
	case ValidCreditCode(tok):
		ps.add(CatCreditCode, Low, i, j, "", "统一社会信用代码（校验位正确）：单位信息，通常可以公开，请确认")
	case ValidMobile(tok):
		ps.add(CatMobile, Medium, i, j, "third-party", "手机号码：属于个人信息，公开前应删除或遮盖")
	case len(tok) >= 16 && len(tok) <= 19 && allDigits(tok) && luhn(tok) && ps.cardWordBefore(i):
		ps.add(CatBankCard, High, i, j, "third-party", "银行卡号（Luhn 校验正确）：属于个人信息，公开前应删除或遮盖")
	default:
		return false
	}
	return true
}

// cardWords near a long number show that it is a bank card or account number.
var cardWords = []string{"卡", "账号", "帐号", "账户", "帐户", "开户"}

func (ps *partScan) cardWordBefore(i int) bool {
	pre := ps.before(i, 12, false)
	for _, w := range cardWords {
		if strings.Contains(pre, w) {
			return true
		}
	}
	return false
}

// idWeights are the GB 11643 weights of the first 17 digits of a resident ID.
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// ValidResidentID reports an 18-character resident ID number with a real
// birth date and a correct MOD 11-2 check character (GB 11643).
func ValidResidentID(s string) bool {
	if len(s) != 18 || !allDigits(s[:17]) {
		return false
	}
	if s[0] == '0' {
		return false
	}
	birth, err := time.Parse("20060102", s[6:14])
	if err != nil || birth.Year() < 1900 || birth.After(time.Now()) {
		return false
	}
	sum := 0
	for k, w := range idWeights {
		sum += int(s[k]-'0') * w
	}
	return s[17] == "10X98765432"[sum%11]
}

// ValidMobile reports a mainland mobile number: 1[3-9] and nine more digits,
// optionally after the country code 86.
func ValidMobile(s string) bool {
	if len(s) == 13 && strings.HasPrefix(s, "86") {
		s = s[2:]
	}
	return len(s) == 11 && allDigits(s) && s[0] == '1' && s[1] >= '3'
}

// luhn reports whether a digit string passes the Luhn check.
func luhn(s string) bool {
	sum := 0
	for k := 0; k < len(s); k++ {
		d := int(s[len(s)-1-k] - '0')
		if k%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// ValidBankCard reports a 16–19 digit number that passes the Luhn check.
func ValidBankCard(s string) bool {
	return len(s) >= 16 && len(s) <= 19 && allDigits(s) && luhn(s)
}

// creditChars is the GB 32100 alphabet: digits and capitals without I, O, S, V, Z.
const creditChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// ValidCreditCode reports an 18-character unified social credit code with a
// correct check character (GB 32100).
func ValidCreditCode(s string) bool {
	if len(s) != 18 || !allDigits(s[2:8]) {
		return false
	}
	sum := 0
	for k := 0; k < 17; k++ {
		v := strings.IndexByte(creditChars, s[k])
		if v < 0 {
			return false
		}
		sum += v * creditWeights[k]
	}
	check := (31 - sum%31) % 31
	return s[17] == creditChars[check]
}

// Mask hides the middle of personal data as offices do: a mobile keeps its
// first 3 and last 4 digits (138****1234), other numbers their first 6 and last 4.
func Mask(f Finding) Finding {
	keep := 0
	switch f.Category {
	case CatMobile:
		keep = 3
	case CatResidentID, CatBankCard:
		keep = 6
	default:
		return f
	}
	f.Text = maskDigits(f.Text, keep, 4)
	f.Normalized = maskDigits(f.Normalized, keep, 4)
	return f
}

// maskDigits replaces every letter or digit but the first head and last tail with *.
func maskDigits(s string, head, tail int) string {
	rs := []rune(s)
	var pos []int
	for k, r := range rs {
		if f := fold(r); f < utf8.RuneSelf && isAlnum(byte(f)) {
			pos = append(pos, k)
		}
	}
	if len(pos) == 13 && head == 3 { // +86 mobile: keep the country code too
		head += 2
	}
	for n, k := range pos {
		if n >= head && n < len(pos)-tail {
			rs[k] = '*'
		}
	}
	return string(rs)
}
