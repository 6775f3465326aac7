package review

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"prepub/review/extract"
	"prepub/review/scan"
)

// titleHeadLines is how many lines at the top of the body the title is looked for in.
const titleHeadLines = 15

// titleMaxRunes is the longest line taken for (part of) a title.
const titleMaxRunes = 60

// Header elements of GB/T 9704 that stand above the title, in their normalized form.
var (
	copyNumber  = regexp.MustCompile(`^\d{6}$`)
	docNumber   = regexp.MustCompile(`[〔\[(（【]\d{4}[〕\])）】]\d+号`)
	headMarking = regexp.MustCompile(`^(绝密|机密|秘密)(★.*)?$|^(绝密|机密|秘密)★|^密级[:：]`)
	redLine     = regexp.MustCompile(`^[-—─━_=＝﹏~～·.]+$`)
	agencyMark  = regexp.MustCompile(`(文件|人民政府|办公室|办公厅|委员会)$`)
	formField   = regexp.MustCompile(`^(作者|日期|时间|收件人|发件人|备注|编号|来源|联系人|电话)[:：]`)
	headLabel   = regexp.MustCompile(`^(内部|内部资料|内部文件|内部使用|内部参考|注意保存|不得外传|严禁外传|仅供参阅|密件|工作秘密)+$`)
)

// titleKinds are the words a title of a 公文 ends with: the document's kind.
var titleKinds = []string{"通知", "通报", "决定", "意见", "办法", "规定", "细则", "条例", "报告", "请示", "批复", "函",
	"纪要", "方案", "规划", "计划", "要点", "总结", "讲话", "讲话稿", "公告", "通告", "命令", "决议", "议案", "公报", "答复", "说明", "通知书"}

// Title guesses a draft's title as GB/T 9704 places it: the first line after
// the header elements (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人, the
// red line), before the 主送机关 line, joined with the next line when the
// title runs on (关于印发《…》 / 的通知). A .docx says it outright: a paragraph in
// the Title style, else the first centred one that is no header element. When
// the head holds no such line, it is the first line of six Chinese characters
// or more that could be a title; "" when none (a sentence is no title).
func Title(doc *extract.Document) string {
	if t := docxTitle(doc); t != "" {
		return t
	}
	lines := headLines(doc, titleHeadLines)
	i := 0
	for i < len(lines) && titleSkipped(lines[i]) {
		i++
	}
	if i < len(lines) && titleLike(lines[i]) {
		title := titleAt(lines, i)
		if titleNamesKind(title) {
			return title
		}
		// A label the header elements do not cover (会议材料, 此件公开发布) may stand
		// first: a 关于… line before the 主送机关 is then the title.
		for k := i + 1; k < len(lines) && titleLike(lines[k]); k++ {
			if strings.HasPrefix(scan.Normalize(lines[k]), "关于") {
				return titleAt(lines, k)
			}
		}
		return title
	}
	for _, l := range lines {
		if hanCount(l) >= 6 && titleLike(l) && !titleSkipped(l) {
			return l
		}
	}
	return ""
}

// titleAt returns the title starting at lines[i], joined with the next lines while it runs on.
func titleAt(lines []string, i int) string {
	title := lines[i]
	for k := i + 1; k < len(lines) && k <= i+2 && titleRunsOn(title) && titleLike(lines[k]) && !agencyMark.MatchString(scan.Normalize(lines[k])); k++ {
		title += lines[k]
	}
	return title
}

// titleSkipped reports a head line that is not the title: a header element, a
// line with next to no Chinese (a telephone number, a date, a code) or a web page's breadcrumb.
func titleSkipped(line string) bool {
	n := scan.Normalize(line)
	return copyNumber.MatchString(n) || headMarking.MatchString(n) || headLabel.MatchString(n) || n == "特急" || n == "加急" ||
		docNumber.MatchString(n) || strings.HasPrefix(n, "签发人") || redLine.MatchString(n) ||
		agencyMark.MatchString(n) && !strings.HasPrefix(n, "关于") ||
		hanCount(n) < 2 || strings.Contains(n, "当前位置") || strings.Contains(n, ">>") ||
		n == "目录" || n == "目次" || formField.MatchString(n)
}

// titleLike reports a line that can be (part of) a title: Chinese, not too
// long, not a sentence, not the 主送机关 line (ending with ：).
func titleLike(line string) bool {
	n := scan.Normalize(line)
	last, _ := utf8.DecodeLastRuneInString(n)
	return hanCount(n) >= 2 && utf8.RuneCountInString(n) <= titleMaxRunes && !strings.ContainsRune("。！？；，,.;!?:：", last)
}

// titleRunsOn reports a title that does not end yet: it names no document kind.
func titleRunsOn(title string) bool {
	n := scan.Normalize(title)
	return !titleNamesKind(title) && (strings.HasPrefix(n, "关于") || strings.Count(n, "《") > strings.Count(n, "》"))
}

// titleNamesKind reports a title that ends with a document's kind (…的通知, …工作总结), a note in brackets aside.
func titleNamesKind(title string) bool {
	n := scan.Normalize(title)
	if i := strings.LastIndex(n, "("); i > 0 && strings.HasSuffix(n, ")") {
		n = n[:i] // （征求意见稿）
	}
	for _, k := range titleKinds {
		if strings.HasSuffix(n, k) {
			return true
		}
	}
	return false
}

// docxTitle returns the title a .docx marks as such at its head: its first
// paragraph in the Title style, else its first centred one that is no header element
// (joined with the next when the title runs on); "" when it marks none.
func docxTitle(doc *extract.Document) string {
	if doc == nil {
		return ""
	}
	head := map[string]bool{} // a heading further down is a section's, not the document's
	for _, l := range headLines(doc, titleHeadLines) {
		head[l] = true
	}
	var centred []string
	for _, h := range doc.Headings {
		if head[h.Text] && !titleSkipped(h.Text) && titleLike(h.Text) && !titleAside(h.Text) {
			if h.Title {
				return h.Text
			}
			centred = append(centred, h.Text)
		}
	}
	if len(centred) == 0 {
		return ""
	}
	title := centred[0]
	if len(centred) > 1 && titleRunsOn(title) {
		title += centred[1]
	}
	return title
}

// titleAside reports a line wholly in brackets, such as （征求意见稿）: a note beside the title, not the title.
func titleAside(line string) bool {
	n := scan.Normalize(line)
	return strings.HasPrefix(n, "(") && strings.HasSuffix(n, ")")
}
