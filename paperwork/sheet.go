// Package paperwork prints what an office files on paper: the sign-off sheet
// (公文发布前审查表) of a draft, as an A4 PDF with a Chinese TrueType font
// found on the machine embedded as a subset, and the sheet's verification code
// as text and as a QR code.
package paperwork

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/signintech/gopdf"

	"prepub/index"
	"prepub/review"
	"prepub/review/scan"
)

// SheetTitle is the printed title of the sign-off sheet.
const SheetTitle = "公文发布前审查表"

// Unfinished is printed large on every sheet of a draft not yet decided, so
// it is never taken for a finished one.
const Unfinished = "审查未完成"

// Text styles of the sheet.
var (
	stTitle   = style{hei: true, size: 22}
	stSection = style{hei: true, size: 12}
	stBody    = style{size: 10.5}
	stLabel   = style{hei: true, size: 10.5}
	stSmall   = style{size: 9}
	stTiny    = style{size: 8}
)

// qrSize is the side of the QR code at the top right of the first page, its quiet zone included, in millimetres.
const qrSize = 24.0

// Column widths, in millimetres, summing to the content width (170).
var (
	colsPair  = []float64{29, 56, 29, 56}
	colsWide  = []float64{29, 141}
	colsFind  = []float64{13, 14, 75, 68}
	colsRoute = []float64{13, 25, 22, 24, 54, 32}
)

// Sheet prints the sign-off sheet of a record: its particulars, decision,
// secrecy review and every step of its route with each signer's opinion,
// its state plainly (审查未完成 in large red type until it is decided), and
// the verification code from the archive (index.Store.SheetRecord) as text
// and as a QR code, on every page.
func Sheet(rec *index.Record, code string, fonts *Fonts) ([]byte, error) {
	if fonts == nil || fonts.Song == nil {
		return nil, fmt.Errorf("%s", noFontMessage)
	}
	p, err := newDocument(fonts)
	if err != nil {
		return nil, err
	}
	s := &sheet{page: p, rec: rec, code: code, printed: time.Now()}
	p.pdf.SetInfo(gopdf.PdfInfo{Title: fmt.Sprintf("%s 第 %d 号 %s", SheetTitle, rec.ID, rec.Title), Subject: "验证码 " + code,
		Creator: "prepub", Producer: "prepub", CreationDate: s.printed})
	p.header = s.runningHeader
	p.addPage()
	if err := p.qrCode(pageW-marginR-qrSize+2, marginTop-8, qrSize, code); err != nil {
		return nil, fmt.Errorf("无法生成验证码二维码：%v", err)
	}
	s.top()
	s.particulars()
	s.decision()
	s.secrecy()
	s.route()
	s.verification()
	s.footers()
	if p.err != nil {
		return nil, fmt.Errorf("无法排版审查表：%v", p.err)
	}
	var buf bytes.Buffer
	if _, err := p.pdf.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("无法生成审查表 PDF：%v", err)
	}
	return buf.Bytes(), nil
}

// sheet is one sign-off sheet being laid out.
type sheet struct {
	*page
	rec     *index.Record
	code    string
	printed time.Time
}

// finished reports whether the draft is decided: the only sheet that shows a decision.
func (s *sheet) finished() bool { return s.rec.State.Decided() }

// top draws the title, the archive number and the state banner.
func (s *sheet) top() {
	s.centred(SheetTitle, stTitle)
	s.y += 1
	s.text(marginL, s.y, fmt.Sprintf("档案编号：第 %d 号　　打印时间：%s", s.rec.ID, s.printed.Format("2006-01-02 15:04")), stSmall)
	s.y += stSmall.lineH() + 1.5
	s.banner()
}

// banner draws the state in a box: black when decided; red, with 审查未完成
// in the largest type on the sheet, when not.
func (s *sheet) banner() {
	r := s.rec
	head, sub := style{hei: true, size: 18}, style{hei: true, size: 14, red: true}
	var title, state string
	var lines []string
	switch {
	case s.finished():
		title = "审查已完成　" + r.State.Described()
		if h := decisive(r.History); h != nil {
			lines = append(lines, fmt.Sprintf("%s %s（%s）%s", when(h.At), h.User, index.RoleName(h.Role), index.ActionName(h.Action)))
		}
	case r.State == review.StateReturned:
		title, state = Unfinished, r.State.Described()
		lines = append(lines, "本表不是发布依据：草稿已退回起草人修改，重新提交并审查完成后须重新打印。")
		for i, ret := range r.Outcome.Returns {
			lines = append(lines, fmt.Sprintf("退文理由 %d：%s", i+1, ret.Message))
		}
		if n := len(r.History); n > 0 && r.History[n-1].Action == review.ActionReturn {
			h := r.History[n-1]
			lines = append(lines, fmt.Sprintf("退回意见：%s（%s，%s，%s）", h.Note, h.User, index.RoleName(h.Role), when(h.At)))
		}
	default:
		title, state = Unfinished, "当前状态："+r.State.Described()
		lines = append(lines, "本表不是发布依据：审查尚在进行，以下签批并不完整；审查完成后须重新打印。")
	}
	body := stBody
	if !s.finished() {
		head = style{hei: true, size: 28, red: true}
		body.red = true
	}
	var wrapped []string
	for _, l := range lines {
		wrapped = append(wrapped, s.wrap(l, body, contentW-8)...)
	}
	h := head.lineH() + float64(len(wrapped))*body.lineH() + 5
	if state != "" {
		h += sub.lineH()
	}
	s.need(h)
	col := black
	if head.red {
		col = red
	}
	s.pdf.SetLineWidth(0.8)
	s.rect(marginL, s.y, contentW, h, "D", shade, col)
	s.y += 2.5
	s.text(marginL+(contentW-s.textWidth(title, head))/2, s.y, title, head)
	s.y += head.lineH()
	if state != "" {
		s.text(marginL+(contentW-s.textWidth(state, sub))/2, s.y, state, sub)
		s.y += sub.lineH()
	}
	for _, l := range wrapped {
		s.text(marginL+4, s.y, l, body)
		s.y += body.lineH()
	}
	s.y += 2.5 + 3
}

// section draws a section heading, kept with a table's header row and first line.
func (s *sheet) section(title string) { s.sectionWith(title, 3*stBody.lineH()+4*padY) }

// sectionWith draws a section heading, kept with the h millimetres that follow it.
func (s *sheet) sectionWith(title string, h float64) {
	s.need(stSection.lineH() + 2 + h)
	s.y += 1.5
	s.text(marginL, s.y, title, stSection)
	s.y += stSection.lineH() + 0.5
}

// particulars draws the draft's title, number, department, drafter and dates.
func (s *sheet) particulars() {
	r := s.rec
	s.section("一、基本情况")
	submitted := ""
	if len(r.History) > 0 {
		submitted = when(r.History[0].At)
	}
	decided := ""
	if s.finished() && !r.DecidedAt.IsZero() {
		decided = when(r.DecidedAt)
	}
	s.row(colsWide, []cell{lab("文件标题"), val(r.Title)})
	s.row(colsPair, []cell{lab("文　　号"), val(""), lab("成文日期"), val(r.IssueDate)})
	s.row(colsPair, []cell{lab("起草部门"), val(r.Department), lab("起 草 人"), val(r.Drafter)})
	s.row(colsPair, []cell{lab("提交时间"), val(submitted), lab("决定时间"), val(decided)})
	file := r.File
	if r.Unreadable != "" {
		file += "\n原文件无法读取，未经保密检查：" + r.Unreadable
	}
	s.row(colsPair, []cell{lab("原 文 件"), val(file), lab("文件指纹"), {text: "SHA-256\n" + r.FileHash, st: stTiny}})
}

// decision draws the attribute, basis and reason, the passages withheld, and the policy interpretation.
func (s *sheet) decision() {
	r := s.rec
	d := r.Decision
	s.section("二、公开属性与依据")
	var marks []string
	for _, a := range review.Attributes {
		box := "□"
		if a == r.Attribute {
			box = "■"
		}
		marks = append(marks, box+" "+a.Chinese())
	}
	attr := strings.Join(marks, "　　")
	if !r.Attribute.Valid() {
		attr += "　（未选择）"
	}
	if r.Partial() {
		attr += "\n部分公开：删除下列段落后公开（条例第三十七条，区分处理）"
	}
	s.row(colsWide, []cell{lab("公开属性"), val(attr)})
	kind := "一般信息"
	if r.Outcome.Important {
		kind = "重要信息"
		if len(r.Outcome.ImportantWhy) > 0 {
			kind += "（" + strings.Join(r.Outcome.ImportantWhy, "；") + "）"
		}
	}
	s.row(colsWide, []cell{lab("信息类别"), val(kind)})
	s.row(colsWide, []cell{lab("法律依据"), val(basisText(r.Basis))})
	s.row(colsWide, []cell{lab("理　　由"), val(orDash(r.Reason))})
	withheld := "无"
	if len(d.Redactions) > 0 {
		var b strings.Builder
		for i, red := range d.Redactions {
			if i > 0 {
				b.WriteString("\n")
			}
			fmt.Fprintf(&b, "%d. 「%s」\n依据：%s", i+1, red.Text, basisText(red.Basis))
			if red.Reason != "" {
				fmt.Fprintf(&b, "；理由：%s", red.Reason)
			}
		}
		withheld = b.String()
	}
	s.row(colsWide, []cell{lab("不予公开段落"), val(withheld)})
	s.row(colsWide, []cell{lab("政策解读"), val(interpretation(d))})
}

// secrecy draws the secrecy review: each finding, worst first, with the secrecy officer's word on it.
func (s *sheet) secrecy() {
	r := s.rec
	s.section("三、保密审查")
	if len(r.Findings) == 0 {
		text := "保密检查未发现密级标志、涉密用语或个人信息。"
		if r.Unreadable != "" {
			text = "原文件无法读取，未经保密检查：" + r.Unreadable
		}
		s.row([]float64{contentW}, []cell{val(text)})
		return
	}
	order := make([]int, len(r.Findings))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return r.Findings[order[a]].Severity.Rank() > r.Findings[order[b]].Severity.Rank()
	})
	header := []cell{head("序号"), head("程度"), head("检查发现"), head("保密员意见")}
	var rows [][]cell
	for _, i := range order {
		f := r.Findings[i]
		found := fmt.Sprintf("「%s」　%s", strings.TrimSpace(f.Text), f.Place())
		if f.Hidden {
			found += "（隐藏内容）"
		}
		if f.Note != "" {
			found += "\n" + f.Note
		}
		sev := val(f.Severity.Chinese())
		sev.center = true
		sev.st.red = f.Severity.Rank() >= scan.High.Rank()
		rows = append(rows, []cell{num(fmt.Sprint(i + 1)), sev, val(found), s.resolution(i, f)})
	}
	s.table(colsFind, header, rows)
}

// resolution words the secrecy officer's word on finding i: confirmed or cleared, with the note, who and when.
func (s *sheet) resolution(i int, f scan.Finding) cell {
	res, ok := s.rec.Resolutions[i]
	if !ok {
		if review.NeedsResolution(f) {
			c := val("未处理（须保密员确认或排除）")
			c.st.red = true
			return c
		}
		return val("无须保密员处理（程度较低）")
	}
	verdict := "排除误报"
	if res.Confirmed {
		verdict = "确认属实"
	}
	text := verdict
	if res.Note != "" {
		text += "：" + res.Note
	}
	by := res.By
	for _, h := range s.rec.History {
		if (h.Action == review.ActionConfirm || h.Action == review.ActionClear) && h.Finding == i {
			by = fmt.Sprintf("%s，%s", h.User, when(h.At))
		}
	}
	if by != "" {
		text += "（" + by + "）"
	}
	return val(text)
}

// route draws every step of the history, in order, then the steps still to come.
func (s *sheet) route() {
	r := s.rec
	s.section("四、审核签批")
	header := []cell{head("序号"), head("环节"), head("办理人"), head("办理"), head("意见"), head("时间")}
	var rows [][]cell
	for i, h := range r.History {
		note := orDash(h.Note)
		if h.Action == review.ActionConfirm || h.Action == review.ActionClear {
			note = fmt.Sprintf("第 %d 条：%s", h.Finding+1, h.Note)
		}
		rows = append(rows, []cell{num(fmt.Sprint(i + 1)), val(index.RoleName(h.Role)), val(h.User), val(index.ActionName(h.Action)), val(note), {text: when(h.At), st: stSmall}})
	}
	if !s.finished() && r.State != review.StateReturned {
		for k := r.Current; k < len(r.Route); k++ {
			pending := val("待办理")
			pending.st.red = true
			rows = append(rows, []cell{num("—"), val(r.Route[k].Role.Chinese()), val(""), pending, val(""), val("")})
		}
	}
	s.table(colsRoute, header, rows)
}

// verification draws the code and how to check it.
func (s *sheet) verification() {
	s.section("五、核验")
	text := "验证码 " + s.code + "（右上角二维码同此）。核验：prepubctl verify --code " + s.code +
		"（办公服务器加 --db）；有效即档案库中该记录自本表打印后没有任何变动，此后再有办理或改动即失效，须重新打印。"
	s.row([]float64{contentW}, []cell{{text: text, st: stSmall}})
}

// runningHeader draws the top line of every page after the first.
func (s *sheet) runningHeader() {
	left := fmt.Sprintf("%s（第 %d 号）%s", SheetTitle, s.rec.ID, s.rec.Title)
	if r := []rune(left); len(r) > 40 {
		left = string(r[:40]) + "……"
	}
	s.text(marginL, s.y, left, stSmall)
	if !s.finished() {
		st := style{hei: true, size: 12, red: true}
		s.text(marginL+contentW-s.textWidth(Unfinished, st), s.y-0.8, Unfinished, st)
	}
	s.y += stSmall.lineH() + 3
}

// footers draws on every page its number, the code and, until decided, that the review is unfinished.
func (s *sheet) footers() {
	n := s.pdf.GetNumberOfPages()
	y := pageH - marginBottom + 6
	for i := 1; i <= n; i++ {
		if err := s.pdf.SetPage(i); err != nil {
			s.err = err
			return
		}
		s.pdf.SetLineWidth(0.2)
		s.pdf.Line(marginL, y-1.5, marginL+contentW, y-1.5)
		left, st := "审查已完成", stSmall
		if !s.finished() {
			left, st = Unfinished+"，不作为发布依据", style{hei: true, size: 9, red: true}
		}
		s.text(marginL, y, left, st)
		mid := fmt.Sprintf("第 %d 页　共 %d 页", i, n)
		s.text(marginL+(contentW-s.textWidth(mid, stSmall))/2, y, mid, stSmall)
		right := "验证码 " + s.code
		s.text(marginL+contentW-s.textWidth(right, stSmall), y, right, stSmall)
	}
}

// decisive returns the step that decided a draft: the last that took it
// from under review to decided, not what the archive recorded after.
func decisive(history []review.Action) *review.Action {
	var d *review.Action
	for i := range history {
		if history[i].State.Decided() && (i == 0 || !history[i-1].State.Decided()) {
			d = &history[i]
		}
	}
	return d
}

// lab is a label cell.
func lab(t string) cell { return cell{text: t, st: stLabel, label: true} }

// head is a table's column heading.
func head(t string) cell { return cell{text: t, st: stLabel, label: true, center: true} }

// val is a value cell.
func val(t string) cell { return cell{text: t, st: stBody} }

// num is a centred number cell.
func num(t string) cell { return cell{text: t, st: stBody, center: true} }

// orDash returns s, or a dash for nothing.
func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// when formats a time for the sheet, in local time.
func when(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02 15:04")
}

// basisText names a legal basis with its article of the Regulations.
func basisText(code string) string {
	if code == "" {
		return "—"
	}
	b, ok := review.LookupBasis(code)
	if !ok {
		return code
	}
	if strings.HasPrefix(b.Article, "第") {
		return fmt.Sprintf("%s（《中华人民共和国政府信息公开条例》%s）", b.Name, b.Article)
	}
	return fmt.Sprintf("%s（%s）", b.Name, b.Article)
}

// interpretation says whether policy interpretation material is attached.
func interpretation(d review.Decision) string {
	if !d.Policy {
		return "非政策性文件，无须附政策解读"
	}
	in := d.Interpretation
	switch {
	case in == nil || in.File == "":
		return "政策性文件；未附政策解读材料"
	case !in.Readable:
		return fmt.Sprintf("政策性文件；所附政策解读材料 %s 无法读取（%s）", in.File, in.Reason)
	}
	return "政策性文件；已附政策解读材料：" + in.File
}
