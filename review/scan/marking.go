package scan

import (
	"fmt"
	"prepub/review/extract"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxYears is the longest secrecy period the State Secrets Law allows for each level.
var maxYears = map[string]int{"绝密": 30, "机密": 20, "秘密": 10}

// markingTail is what follows a level word: a star, a period, or neither.
type markingTail struct {
	star   bool
	period string // as normalised, e.g. "1年", "6个月", "长期"
	months int    // the period in months, 0 when none or 长期
	end    int    // raw offset after the star and period
}

// tail reads ★ and a secrecy period after a level word ending at raw offset j.
// PDF text may put line breaks and spaces between them.
func (ps *partScan) tail(j int) markingTail {
	text := ps.p.Text
	t := markingTail{end: j}
	k := skipSpace(text, j, true)
	if r, size := utf8.DecodeRuneInString(text[k:]); k < len(text) && fold(r) == '★' {
		t.star = true
		k += size
		t.end = k
	}
	// period: digits then 年 or 个月, or 长期
	k = skipSpace(text, k, t.star)
	digits := strings.Builder{}
	for k < len(text) {
		r, size := utf8.DecodeRuneInString(text[k:])
		f := fold(r)
		if f < utf8.RuneSelf && isDigit(byte(f)) {
			digits.WriteRune(f)
			k = skipSpace(text, k+size, false)
			continue
		}
		break
	}
	rest := ps.after(k, 2, false)
	switch {
	case digits.Len() > 0 && digits.Len() <= 3 && strings.HasPrefix(rest, "年"):
		n, _ := strconv.Atoi(digits.String())
		t.period, t.months = digits.String()+"年", n*12
		t.end = advanceRunes(text, k, 1)
	case digits.Len() > 0 && digits.Len() <= 3 && strings.HasPrefix(rest, "个月"):
		n, _ := strconv.Atoi(digits.String())
		t.period, t.months = digits.String()+"个月", n
		t.end = advanceRunes(text, k, 2)
	case digits.Len() == 0 && strings.HasPrefix(rest, "长期"):
		t.period = "长期"
		t.end = advanceRunes(text, k, 2)
	}
	return t
}

// skipSpace skips whitespace from j; line breaks only when crossLines is set.
func skipSpace(text string, j int, crossLines bool) int {
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !isSpace(r) || r == '\n' && !crossLines {
			break
		}
		j += size
	}
	return j
}

// advanceRunes moves past n non-space runes from j.
func advanceRunes(text string, j, n int) int {
	for n > 0 && j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		j += size
		if !isSpace(r) {
			n--
		}
	}
	return j
}

// level decides what a level word (绝密, 机密, 秘密) at text[i:j] is: a
// classification marking by its form and place, or a word in prose.
func (ps *partScan) level(i, j int, word string) int {
	t := ps.tail(j)
	pre := ps.before(i, 12, false)
	copyNo := ""
	// a property value ("关键词：机密★1年") starts after its label
	lineStart := pre == "" || pre == "密级:" || pre == "密级" ||
		ps.p.Kind == extract.Properties && strings.HasSuffix(pre, ":")
	if len(pre) == 6 && allDigits(pre) {
		lineStart, copyNo = true, pre
	}
	if copyNo == "" {
		copyNo = ps.copyNumberAbove(i)
	}
	rest := ps.after(t.end, 12, false)
	alone := rest == "" || rest == "特急" || rest == "加急"
	basis := "state-secret"
	note := ""
	switch {
	case t.star && lineStart:
		note = fmt.Sprintf("密级标志（GB/T 9704）：%s", word)
	case lineStart && t.period != "":
		note = fmt.Sprintf("密级标志（无★）：%s %s", word, t.period)
	case lineStart && alone && ps.atHead(i):
		note = fmt.Sprintf("文首单独一行的密级：%s", word)
	case t.star:
		ps.add(CatMarking, High, i, t.end, basis, "正文中出现带★的密级标志，请核实是否为引用")
		return t.end
	case lineStart && alone:
		ps.add(CatMarking, High, i, t.end, basis, "单独成行的密级字样，请核实是否为密级标志")
		return t.end
	default:
		sev, n := Medium, "密级用语出现在正文中：请确认只是提及"
		if ps.isMention(i, j) {
			sev, n = Low, "正文提及密级用语，不是标注"
		}
		ps.add(CatSecrecyTerm, sev, i, j, basis, n)
		return j
	}
	if t.period != "" {
		note += "，保密期限 " + t.period
	}
	if copyNo != "" {
		note += "，份号 " + copyNo
	}
	ps.add(CatMarking, Critical, i, t.end, basis, note+"。已标密的文件不得公开")
	if max := maxYears[word]; t.months > max*12 {
		ps.add(CatMarkingPeriod, High, i, t.end, basis,
			fmt.Sprintf("保密期限 %s 超过《保守国家秘密法》规定的%s最长 %d 年", t.period, word, max))
	}
	return t.end
}

// copyNumberAbove returns the six-digit copy number (份号) on the line above offset i, if any.
func (ps *partScan) copyNumberAbove(i int) string {
	start := ps.lineStart(i)
	if start == 0 {
		return ""
	}
	prev := ps.p.Text[:start-1]
	if k := strings.LastIndexByte(prev, '\n'); k >= 0 {
		prev = prev[k+1:]
	}
	if n := Normalize(prev); len(n) == 6 && allDigits(n) {
		return n
	}
	return ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}
