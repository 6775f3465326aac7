package scan

import (
	"strings"
	"unicode/utf8"
)

// headLines is how many lines at the top of a part count as its head, where
// GB/T 9704 puts the copy number, the marking and the urgency.
const headLines = 12

// Mention cues: words before or after a secrecy term that show the text only
// talks about secrecy (不涉密, 除涉及国家秘密的以外, 保守国家秘密法, 保密审查).
var (
	mentionBefore = []string{"不", "非", "未", "无", "除", "免", "杜绝", "禁止", "保护", "严禁", "防止", "保守", "防范", "泄露", "泄漏", "窃取"}
	mentionAfter  = []string{"法", "审查", "审核", "管理", "保护", "教育", "意识", "以外", "之外", "的以外", "的除外", "除外", "规定", "制度", "条例"}
)

// before returns up to n folded, non-space runes that precede offset i on its line.
func (ps *partScan) before(i, n int) string {
	text := ps.p.Text
	var rs []rune
	for j := i; j > 0 && len(rs) < n; {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if r == '\n' {
			break
		}
		j -= size
		if !isSpace(r) {
			rs = append(rs, fold(r))
		}
	}
	for a, b := 0, len(rs)-1; a < b; a, b = a+1, b-1 {
		rs[a], rs[b] = rs[b], rs[a]
	}
	return string(rs)
}

// after returns up to n folded, non-space runes that follow offset j; a line
// break ends it unless crossLines is set.
func (ps *partScan) after(j, n int, crossLines bool) string {
	text := ps.p.Text
	var b strings.Builder
	for k := 0; j < len(text) && k < n; {
		r, size := utf8.DecodeRuneInString(text[j:])
		if r == '\n' && !crossLines {
			break
		}
		j += size
		if !isSpace(r) {
			b.WriteRune(fold(r))
			k++
		}
	}
	return b.String()
}

// isMention reports a term at text[i:j] that the surrounding words show is only talked about.
func (ps *partScan) isMention(i, j int) bool {
	pre := ps.before(i, 4)
	for _, w := range mentionBefore {
		if strings.Contains(pre, w) {
			return true
		}
	}
	post := ps.after(j, 4, false)
	for _, w := range mentionAfter {
		if strings.HasPrefix(post, w) {
			return true
		}
	}
	return ps.inBookTitle(i)
}

// inBookTitle reports whether offset i sits inside 《…》 on its line.
func (ps *partScan) inBookTitle(i int) bool {
	line := ps.p.Text[ps.lineStart:i]
	open := strings.LastIndex(line, "《")
	return open >= 0 && !strings.Contains(line[open:], "》")
}

// atHead reports whether the current line is in the head of the part.
func (ps *partScan) atHead() bool { return ps.line <= headLines }

// shortLine reports whether text[i:j] stands on a line of its own, with at most
// a few other characters (内部资料 注意保存, 密件), as a label does.
func (ps *partScan) shortLine(i, j int) bool {
	return utf8.RuneCountInString(ps.before(i, 12)) <= 6 && utf8.RuneCountInString(ps.after(j, 12, false)) <= 8
}
