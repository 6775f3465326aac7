package review

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"prepub/review/extract"
	"prepub/review/scan"
)

// Return codes: why a draft goes back to its drafter (退文).
const (
	RetUnreadable        = "unreadable"
	RetNoAttribute       = "no-attribute"
	RetNoBasis           = "no-basis"
	RetBadBasis          = "bad-basis"
	RetNoReason          = "no-reason"
	RetNoInterpretation  = "no-interpretation"
	RetAttributeMismatch = "attribute-mismatch"
	RetMarkedSecret      = "marked-secret"
	RetRedactionNoBasis  = "redaction-no-basis"
)

// Check results.
const (
	Routed     = "routed"
	Returned   = "returned"
	Unreadable = "unreadable"
)

// Return is one reason a draft is returned, with a Chinese message that says what to do.
type Return struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Step is one step of a draft's route: who signs and why.
type Step struct {
	Role Role   `json:"role"`
	Why  string `json:"why"`
}

// Attachment is a file submitted with a draft, such as its policy interpretation.
type Attachment struct {
	File     string `json:"file"`
	Readable bool   `json:"readable"`
	Reason   string `json:"reason,omitempty"` // why it could not be read
	// Data is the file itself, from which the desk decides Readable and
	// Reason; it travels as a file (multipart), never in JSON.
	Data []byte `json:"-"`
}

// Redaction is a passage withheld from a public or on-request draft (Art. 37), with its own basis.
type Redaction struct {
	Text   string `json:"text"`
	Basis  string `json:"basis"`
	Reason string `json:"reason"`
}

// Decision is what the drafting clerk proposes for a draft.
type Decision struct {
	Attribute      Attribute   `json:"attribute"`
	Basis          string      `json:"basis"`
	Reason         string      `json:"reason"`
	Title          string      `json:"title,omitempty"`
	Policy         bool        `json:"policy"`                   // a policy document (政策性文件)
	Interpretation *Attachment `json:"interpretation,omitempty"` // its interpretation material (政策解读)
	Important      bool        `json:"important"`                // set by the clerk; rules may also derive it
	Normative      bool        `json:"normative"`                // a normative document (规范性文件): always important
	Redactions     []Redaction `json:"redactions,omitempty"`
	DocType        DocType     `json:"doc_type,omitempty"`    // 规章, 行政规范性文件 or other, for the annual report; see Normalized
	ValidUntil     string      `json:"valid_until,omitempty"` // the last day the document is in force (有效期至), YYYY-MM-DD; empty when open-ended
}

// Resolution is the secrecy officer's word on one finding.
type Resolution struct {
	Confirmed bool   `json:"confirmed"` // true: the finding stands; false: cleared as a false alarm
	Note      string `json:"note"`
	By        string `json:"by"`
}

// Draft is a scanned draft with the secrecy officer's resolutions so far, by finding index.
type Draft struct {
	Report      *scan.FileReport
	Resolutions map[int]Resolution
}

// Outcome is the result of checking a decision: the return reasons, or the route.
type Outcome struct {
	Result         string   `json:"result"` // routed, returned or unreadable
	Returns        []Return `json:"returns"`
	Route          []Step   `json:"route"`
	Important      bool     `json:"important"`
	ImportantWhy   []string `json:"important_why,omitempty"`
	SuggestedBasis string   `json:"suggested_basis,omitempty"` // offered from the findings, never imposed
	Hints          []string `json:"hints,omitempty"`
}

// Check applies the rules to a decision on a scanned draft. It never fails:
// whatever is wrong becomes a return reason the drafter can act on.
func (r *Rules) Check(d Draft, dec Decision) Outcome {
	out := Outcome{Returns: []Return{}, Route: []Step{}}
	dec = dec.Normalized()
	rep := d.Report
	if rep == nil || rep.Status != scan.StatusChecked {
		reason := "文件无法读取"
		if rep != nil && rep.Reason != "" {
			reason = rep.Reason
		}
		out.Result = Unreadable
		out.Returns = append(out.Returns, Return{RetUnreadable,
			reason + "。未经检查的文件不能送审：请提供可读取文字的 .docx 或 PDF 后重新提交"})
		return out
	}
	out.Important, out.ImportantWhy = r.important(rep.Doc, dec)
	out.SuggestedBasis = suggestBasis(rep.Findings, d.Resolutions)
	r.checkAttribute(&out, dec)
	r.checkStatements(&out, rep, dec)
	checkMarkings(&out, d, dec)
	checkPolicy(&out, dec)
	checkDocument(&out, dec)
	checkRedactionsFound(&out, rep.Doc, dec)
	r.hints(&out, dec)
	if len(out.Returns) > 0 {
		out.Result = Returned
		return out
	}
	out.Result = Routed
	out.Route = r.route(facts{
		attr: dec.Attribute, important: out.Important, partial: len(dec.Redactions) > 0,
		policy: dec.Policy, secrecy: unresolvedSecrecy(d),
	})
	return out
}

func (o *Outcome) add(code, format string, args ...any) {
	o.Returns = append(o.Returns, Return{code, fmt.Sprintf(format, args...)})
}

func (r *Rules) checkAttribute(out *Outcome, dec Decision) {
	switch {
	case dec.Attribute == "":
		out.add(RetNoAttribute, "未选择公开属性：请在主动公开、依申请公开、不予公开中选择一项")
		return
	case !dec.Attribute.Valid():
		out.add(RetNoAttribute, "公开属性 %q 无效：请在主动公开、依申请公开、不予公开中选择一项", dec.Attribute)
		return
	}
	if dec.Attribute == Withheld {
		switch b, ok := LookupBasis(dec.Basis); {
		case dec.Basis == "":
			out.add(RetNoBasis, "拟不予公开，但未选择法律依据：请选择《政府信息公开条例》第十四、十五、十六条等规定的依据")
		case !ok:
			out.add(RetBadBasis, "法律依据 %q 不是有效的依据：请从依据列表中选择（如“属于国家秘密”“保护第三方合法权益”）", dec.Basis)
		default:
			if !r.reasonGiven(dec.Reason, b) {
				out.add(RetNoReason, "拟不予公开，但没有依法说明理由（理由不少于 %d 字，且不能只重复依据名称“%s”）：请写明为何依据%s不予公开",
					r.Settings.MinReasonChars, b.Name, b.Article)
			}
		}
	}
	if dec.Attribute == OnRequest && r.Settings.OnRequestNeedsReason && !r.reasonGiven(dec.Reason, Basis{}) {
		out.add(RetNoReason, "拟依申请公开，但没有说明理由（不少于 %d 字）：本单位规定依申请公开也须写明不主动公开的理由", r.Settings.MinReasonChars)
	}
	for i, red := range dec.Redactions {
		if _, ok := LookupBasis(red.Basis); !ok {
			out.add(RetRedactionNoBasis, "拟部分公开，但第 %d 处删除内容（%s）没有有效的法律依据：请为每处删除的内容选择依据", i+1, Clip(red.Text, 20))
		}
	}
}

// reasonGiven reports a reason long enough that does more than repeat the basis name.
func (r *Rules) reasonGiven(reason string, b Basis) bool {
	core := wordsOnly(reason)
	if core == "" || utf8.RuneCountInString(core) < r.Settings.MinReasonChars {
		return false
	}
	if b.Name != "" {
		name := wordsOnly(b.Name)
		rest := strings.NewReplacer(name, "", strings.TrimPrefix(name, "属于"), "", "依据", "", "根据", "", "条例", "", "第十四条", "", "第十五条", "", "第十六条", "", "不予公开", "", "因", "", "此件", "", "本件", "").Replace(core)
		if utf8.RuneCountInString(rest) < 4 {
			return false
		}
	}
	return true
}

// wordsOnly drops punctuation, symbols and spaces, so only what a reason says is counted.
func wordsOnly(s string) string {
	return strings.Map(func(c rune) rune {
		if unicode.IsPunct(c) || unicode.IsSpace(c) || unicode.IsSymbol(c) {
			return -1
		}
		return c
	}, s)
}

func (r *Rules) checkStatements(out *Outcome, rep *scan.FileReport, dec Decision) {
	if !dec.Attribute.Valid() {
		return
	}
	for _, st := range rep.Statements {
		if Attribute(st.Attribute) != dec.Attribute {
			out.add(RetAttributeMismatch, "正文写明“%s”（%s），与所选公开属性“%s”不一致：请修改正文中的标注或所选属性",
				st.Text, Attribute(st.Attribute).Chinese(), dec.Attribute.Chinese())
		}
	}
}

// checkMarkings returns a public or on-request draft that carries a classification marking not cleared as a false alarm.
func checkMarkings(out *Outcome, d Draft, dec Decision) {
	if dec.Attribute != Public && dec.Attribute != OnRequest {
		return
	}
	for i, f := range d.Report.Findings {
		if f.Category != scan.CatMarking || f.Severity != scan.Critical {
			continue
		}
		res, resolved := d.Resolutions[i]
		switch {
		case resolved && !res.Confirmed:
			continue // cleared by the secrecy officer as a false alarm
		case resolved && res.Confirmed:
			out.add(RetMarkedSecret, "保密员已确认“%s”为密级标志，属于国家秘密的文件不得公开：请改为不予公开（依据：属于国家秘密）", f.Text)
		default:
			out.add(RetMarkedSecret, "文件标有密级“%s”（%s），不得%s：如确属涉密文件，请改为不予公开（依据：属于国家秘密）；如为误标，请删除标志后重新提交",
				strings.TrimSpace(f.Text), f.Place(), dec.Attribute.Chinese())
		}
	}
}

func checkPolicy(out *Outcome, dec Decision) {
	if !dec.Policy {
		return
	}
	switch in := dec.Interpretation; {
	case in == nil || in.File == "":
		out.add(RetNoInterpretation, "政策性文件须同时报送政策解读材料（谁起草、谁解读）：请附上解读材料后提交")
	case !in.Readable:
		out.add(RetNoInterpretation, "政策解读材料 %s 无法读取（%s）：请重新附上可读取的 .docx、PDF 或文本文件", in.File, in.Reason)
	}
}

// important reports whether a draft is important information, and why.
func (r *Rules) important(doc *extract.Document, dec Decision) (bool, []string) {
	var why []string
	if dec.Important {
		why = append(why, "起草人标为重要信息")
	}
	if dec.Normative {
		why = append(why, "规范性文件")
	}
	if dec.DocType == DocRegulation {
		why = append(why, "规章")
	}
	// The document's own title counts as much as the one the clerk typed, so
	// renaming a 管理办法 to 普通通知 does not take it off the principal head's desk.
	titles := scan.Normalize(dec.Title) + "\n" + scan.Normalize(headTitle(doc))
	for _, w := range r.Settings.ImportantTitleWords {
		if w != "" && strings.Contains(titles, scan.Normalize(w)) {
			why = append(why, fmt.Sprintf("标题含“%s”", w))
			break
		}
	}
	for _, line := range headLines(doc, 8) {
		line = scan.Normalize(line)
		for _, u := range r.Settings.ImportantUrgency {
			if u != "" && strings.Contains(line, scan.Normalize(u)) && len(line) <= len(scan.Normalize(u))+12 {
				why = append(why, fmt.Sprintf("紧急程度为“%s”", u))
			}
		}
	}
	return len(why) > 0, why
}

// headLines returns the first n non-empty lines of the visible body, trimmed.
func headLines(doc *extract.Document, n int) []string {
	var out []string
	if doc == nil {
		return out
	}
	for _, p := range doc.Parts {
		if p.Kind != extract.Body || p.Hidden {
			continue
		}
		for _, l := range strings.Split(p.Text, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				out = append(out, l)
				if len(out) == n {
					return out
				}
			}
		}
	}
	return out
}

// headTitle returns the document's title as its head has it: the title line,
// and the next line too when the title breaks inside a 《》.
func headTitle(doc *extract.Document) string {
	title := Title(doc)
	if !strings.Contains(title, "《") || strings.Contains(title, "》") {
		return title
	}
	lines := headLines(doc, 10)
	for i, l := range lines {
		if l == title && i+1 < len(lines) {
			return title + lines[i+1]
		}
	}
	return title
}

// hanCount returns the number of Chinese characters in s.
func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// unresolvedSecrecy reports a high or critical finding the secrecy officer has not resolved, or pages not checked.
func unresolvedSecrecy(d Draft) bool {
	if d.Report.Coverage < 1 {
		return true
	}
	return len(Unresolved(d)) > 0
}

// NeedsResolution reports a finding the secrecy officer must confirm or clear: a high or critical one.
func NeedsResolution(f scan.Finding) bool { return f.Severity.Rank() >= scan.High.Rank() }

// Unresolved returns the indexes of high and critical findings without a resolution.
func Unresolved(d Draft) []int {
	var out []int
	for i, f := range d.Report.Findings {
		if _, ok := d.Resolutions[i]; !ok && NeedsResolution(f) {
			out = append(out, i)
		}
	}
	return out
}

// suggestBasis offers the basis the strongest unresolved findings point to.
// Only findings of at least medium severity count: many low mentions
// (不涉及国家秘密的…) are ordinary prose and never add up to a basis.
func suggestBasis(fs []scan.Finding, res map[int]Resolution) string {
	score := map[string]int{}
	for i, f := range fs {
		if r, ok := res[i]; f.Basis == "" || ok && !r.Confirmed || f.Severity.Rank() < scan.Medium.Rank() {
			continue
		}
		score[f.Basis] += f.Severity.Rank() * f.Severity.Rank()
	}
	best, bestScore := "", 0
	codes := make([]string, 0, len(score))
	for c := range score {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		if score[c] > bestScore {
			best, bestScore = c, score[c]
		}
	}
	if bestScore < scan.Medium.Rank()*scan.Medium.Rank() {
		return ""
	}
	return best
}

func (r *Rules) hints(out *Outcome, dec Decision) {
	if b, ok := LookupBasis(dec.Basis); ok && dec.Attribute == Withheld && b.Help != "" {
		out.Hints = append(out.Hints, b.Help)
	}
	if out.SuggestedBasis != "" && out.SuggestedBasis != dec.Basis {
		b, _ := LookupBasis(out.SuggestedBasis)
		out.Hints = append(out.Hints, fmt.Sprintf("保密检查结果提示可能适用的依据：%s（%s），仅供参考", b.Name, b.Article))
	}
	if dec.Attribute == Public && len(dec.Redactions) == 0 && out.SuggestedBasis == "third-party" {
		out.Hints = append(out.Hints, "文中含个人信息或第三方信息：可考虑部分公开（第三十七条），删除相关内容后公开")
	}
}

// Clip shortens a text quoted in a message to n characters with an ellipsis,
// its line breaks and runs of spaces shown as one space.
func Clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
