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

// before returns up to n folded, non-space runes that precede offset i; a
// line break ends it unless crossLines is set.
func (ps *partScan) before(i, n int, crossLines bool) string {
	text := ps.p.Text
	var rs []rune
	for j := i; j > 0 && len(rs) < n; {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if r == '\n' && !crossLines {
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

// isMention reports a term at text[i:j] that the surrounding words show is
// only talked about. The words may stand on the line before or after: a PDF
// breaks its lines in the middle of a phrase where a .docx does not, and the
// same words must give the same severity in both.
func (ps *partScan) isMention(i, j int) bool {
	pre := ps.before(i, 4, true)
	for _, w := range mentionBefore {
		if strings.Contains(pre, w) {
			return true
		}
	}
	post := ps.after(j, 4, true)
	for _, w := range mentionAfter {
		if strings.HasPrefix(post, w) {
			return true
		}
	}
	return ps.inBookTitle(i)
}

// inBookTitle reports whether offset i sits inside 《…》 opened at most
// bookTitleRunes before it, on its line or the one before.
func (ps *partScan) inBookTitle(i int) bool {
	start := ps.lineStart(i)
	if start > 0 {
		start = strings.LastIndexByte(ps.p.Text[:start-1], '\n') + 1
	}
	text := ps.p.Text[start:i]
	open := strings.LastIndex(text, "《")
	return open >= 0 && !strings.Contains(text[open:], "》") && utf8.RuneCountInString(text[open:]) <= bookTitleRunes
}

// bookTitleRunes is the longest title of a law or document 《…》 is taken to hold.
const bookTitleRunes = 40

// continued reports whether the line of offset i carries on the line before it,
// as a PDF breaks running text: that line is long and ends no sentence. Such
// a line is not a label even when it is short.
func (ps *partScan) continued(i int) bool {
	start := ps.lineStart(i)
	if start == 0 {
		return false
	}
	prev := ps.p.Text[:start-1]
	prev = prev[strings.LastIndexByte(prev, '\n')+1:]
	prev = strings.Join(strings.Fields(prev), "")
	last, _ := utf8.DecodeLastRuneInString(prev)
	return utf8.RuneCountInString(prev) >= wrappedLineRunes && !strings.ContainsRune("。！？；：!?;:", last)
}

// wrappedLineRunes is how long a line must be to be taken for running text
// broken by the page's width: longer than any header element of GB/T 9704.
const wrappedLineRunes = 16

// atHead reports whether offset i is on one of the first headLines lines of the part.
func (ps *partScan) atHead(i int) bool { return i <= ps.head }

// shortLine reports whether text[i:j] stands on a line of its own, with at most
// a few other characters (内部资料 注意保存, 密件), as a label does.
func (ps *partScan) shortLine(i, j int) bool {
	return !ps.continued(i) && utf8.RuneCountInString(ps.before(i, 12, false)) <= 6 && utf8.RuneCountInString(ps.after(j, 12, false)) <= 8
}
