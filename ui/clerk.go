package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/review"
	"prepub/review/extract"
	"prepub/review/scan"
)

// clerkCols are the columns of the scan's findings table the clerk screen shows.
var clerkCols = []int{colSeverity, colCategory, colPlace, colHidden, colText}

// clerkColWidths are their widths.
var clerkColWidths = []float32{70, 100, 150, 50, 220}

// clerkChunkLines is how many lines without a finding one text block holds at most.
const clerkChunkLines = 40

// ClerkScreen is the drafting clerk's screen: open a draft, see its findings in its text,
// fill in the disclosure decision while seeing which return reasons (退文) would apply,
// submit it, and correct and resubmit drafts that came back.
type ClerkScreen struct {
	win    fyne.Window
	svc    *Services
	sess   *Session
	limits extract.Limits

	// The draft on screen.
	name      string          // the file's name as submitted
	data      []byte          // the file's bytes; nil for a returned draft reloaded from the archive
	draft     review.Draft    // the scan report, with the secrecy officer's resolutions for a returned draft
	recordID  int64           // the archive record being corrected, 0 for a new draft
	keep      review.Decision // a reloaded decision, for what this form has no field for (validity period)
	done      *index.Record   // the draft once routed, so it is not submitted twice
	findings  []scan.Finding  // the report's findings, strongest first
	outcome   review.Outcome  // the rules' verdict on the form as it stands
	autoTitle string          // the title guessed from the text
	interp    *review.Attachment
	pending   int  // number of the latest file opened; older results are dropped
	busy      bool // a submission is under way
	filling   bool // the form is being filled by code: check once at the end, not per field

	// Left: the draft's text and findings.
	root     fyne.CanvasObject
	open     *widget.Button
	file     *widget.Label
	verdict  *widget.Label
	doc      *DocView
	withheld *clerkWithheld // the passages marked 不予公开 (Art. 37)
	selected int            // the finding selected, -1 when none
	table    *widget.Table
	detail   *widget.Label

	// Right: the decision, and the returned drafts.
	tabs        *container.AppTabs
	formTab     *container.TabItem
	queueTab    *container.TabItem
	title       *clerkEntry
	attr        *widget.RadioGroup
	basis       *widget.Select
	reason      *clerkEntry
	policy      *widget.Check
	attach      *widget.Button
	attachLabel *widget.Label
	important   *widget.Check
	docType     *widget.Select
	result      *widget.Label
	returns     *widget.Label
	hints       *widget.Label
	submit      *widget.Button
	why         *widget.Label
	formScroll  *container.Scroll
	form        *widget.Form
	queue       []index.Record
	list        *widget.List
	mine        *MineScreen // 我的草稿: every draft submitted, its state and where it waits
	notice      *clerkNotice
}

// clerkOpened is a draft file read and scanned off the UI goroutine.
type clerkOpened struct {
	path, name string
	data       []byte
	report     *scan.FileReport
	err        error
}

// NewClerkScreen builds the clerk's screen and binds Ctrl+O (open), Ctrl+N and Ctrl+Shift+N (next and
// previous finding), Ctrl+F (find in the draft) and Ctrl+Enter (submit) on win's canvas.
// File drops belong to the window's owner: route them to Open.
func NewClerkScreen(win fyne.Window, svc *Services, sess *Session) *ClerkScreen {
	s := &ClerkScreen{win: win, svc: svc, sess: sess, limits: extract.DefaultLimits(), selected: -1}
	split := container.NewHSplit(s.newDraftPane(), s.newDecisionPane())
	split.Offset = 0.55
	s.notice = newClerkNotice()
	s.mine.OnNotice = s.notice.show
	s.root = container.NewBorder(s.notice.box, nil, nil, nil, split)
	s.clearForm()
	s.recheck()
	for _, sc := range clerkShortcuts() {
		win.Canvas().AddShortcut(sc, s.onShortcut)
	}
	return s
}

// newDraftPane builds the left side: open button, verdict, the text with findings marked, the findings table.
func (s *ClerkScreen) newDraftPane() fyne.CanvasObject {
	s.open = widget.NewButtonWithIcon(lang.L("打开草稿…"), theme.FolderOpenIcon(), s.onOpenTapped)
	s.open.Importance = widget.HighImportance
	s.file = widget.NewLabel(lang.L("请打开或拖入要送审的公文草稿（.docx、.doc、.wps、.pdf、.ofd、.txt）"))
	s.file.Truncation = fyne.TextTruncateEllipsis
	s.verdict = widget.NewLabel("")
	s.verdict.TextStyle = fyne.TextStyle{Bold: true}
	s.verdict.Wrapping = fyne.TextWrapBreak

	s.doc = NewDocView(s.win)
	s.doc.OnSelected = s.onDocSelected
	s.withheld = newClerkWithheld(s)
	s.doc.AddTool(s.withheld.button)

	s.table = newTextTable(s.tableSize, s.updateCell, s.updateHeader, clerkColWidths)
	s.table.OnSelected = s.onFindingSelected
	s.detail = widget.NewLabel("")
	s.detail.Wrapping = fyne.TextWrapBreak
	s.detail.Selectable = true

	top := container.NewVBox(container.NewBorder(nil, nil, s.open, nil, s.file), s.verdict)
	findings := container.NewBorder(nil, s.detail, nil, nil, s.table)
	split := container.NewVSplit(s.doc.Content(), findings)
	split.Offset = 0.62
	return container.NewBorder(top, nil, nil, nil, split)
}

// newDecisionPane builds the right side: the decision form with its live check, and the returned drafts.
func (s *ClerkScreen) newDecisionPane() fyne.CanvasObject {
	s.title = newClerkEntry(false, s.onShortcut)
	s.title.SetPlaceHolder(lang.L("公文标题"))
	s.title.OnChanged = s.onFieldChanged
	attrs := make([]string, len(review.Attributes))
	for i, a := range review.Attributes {
		attrs[i] = a.Chinese()
	}
	s.attr = widget.NewRadioGroup(attrs, s.onAttributeChanged)
	s.attr.Horizontal = true
	bases := make([]string, len(review.Bases))
	for i, b := range review.Bases {
		bases[i] = clerkBasisLabel(b)
	}
	s.basis = newSelect(bases, s.onFieldChanged)
	s.basis.PlaceHolder = lang.L("不予公开时选择法律依据")
	s.reason = newClerkEntry(true, s.onShortcut)
	s.reason.SetPlaceHolder(lang.L("依法说明理由：为何这样确定公开属性"))
	s.reason.SetMinRowsVisible(4)
	s.reason.OnChanged = s.onFieldChanged
	s.policy = widget.NewCheck(lang.L("政策性文件"), s.onPolicyChanged)
	s.attach = widget.NewButtonWithIcon(lang.L("附上政策解读…"), theme.ContentAddIcon(), s.onAttachTapped)
	s.attachLabel = widget.NewLabel("")
	s.attachLabel.Wrapping = fyne.TextWrapBreak
	s.attachLabel.Hide()
	s.important = widget.NewCheck(lang.L("重要信息"), s.onCheckChanged)
	docTypes := make([]string, len(review.DocTypes))
	for i, d := range review.DocTypes {
		docTypes[i] = d.Chinese()
	}
	s.docType = newSelect(docTypes, nil)
	s.docType.SetSelected(review.DocOther.Chinese())
	s.docType.OnChanged = s.onFieldChanged

	s.form = widget.NewForm(
		widget.NewFormItem(lang.L("标题"), s.title),
		widget.NewFormItem(lang.L("公开属性"), s.attr),
		widget.NewFormItem(lang.L("法律依据"), s.basis),
		widget.NewFormItem(lang.L("理由"), s.reason),
		widget.NewFormItem("", container.NewVBox(container.NewHBox(s.policy, s.attach), s.attachLabel)),
		widget.NewFormItem(lang.L("文件类型"), s.docType),
		widget.NewFormItem("", s.important),
	)
	s.result = widget.NewLabel("")
	s.result.Wrapping = fyne.TextWrapBreak
	s.result.Hide()
	s.returns = widget.NewLabel("")
	s.returns.Wrapping = fyne.TextWrapBreak
	s.hints = widget.NewLabel("")
	s.hints.Wrapping = fyne.TextWrapBreak
	s.hints.Importance = widget.LowImportance
	check := widget.NewLabel(lang.L("退文检查"))
	check.TextStyle = fyne.TextStyle{Bold: true}
	s.formScroll = container.NewVScroll(container.NewVBox(s.result, s.form, s.withheld.box, widget.NewSeparator(), check, s.returns, s.hints))

	s.submit = widget.NewButtonWithIcon(lang.L("提交"), theme.MailSendIcon(), s.onSubmitTapped)
	s.submit.Importance = widget.HighImportance
	s.why = widget.NewLabel("")
	s.why.Wrapping = fyne.TextWrapBreak
	s.why.Importance = widget.DangerImportance
	bottom := container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, s.submit, nil, s.why))
	s.formTab = container.NewTabItem(lang.L("审查决定"), container.NewBorder(nil, bottom, nil, nil, s.formScroll))

	s.list = widget.NewList(s.queueLen, s.newQueueItem, s.updateQueueItem)
	s.list.OnSelected = s.onReturnedSelected
	note := widget.NewLabel(lang.L("被退回、待您修改的草稿。选择一份即可载入修改，原先填写的内容都在。"))
	note.Wrapping = fyne.TextWrapWord
	s.queueTab = container.NewTabItem(lang.L("退回的草稿"), container.NewBorder(note, nil, nil, nil, s.list))
	s.mine = NewMineScreen(s.win, s.svc, s.sess)
	s.tabs = container.NewAppTabs(s.formTab, s.queueTab, container.NewTabItem(lang.L("我的草稿"), s.mine.Content()))
	return s.tabs
}

// Content returns the screen's widgets.
func (s *ClerkScreen) Content() fyne.CanvasObject { return s.root }

// First returns the title entry, the decision form's first field; Ctrl+O still opens a draft from it.
func (s *ClerkScreen) First() fyne.Focusable { return s.title }

// Reload fetches the clerk's returned drafts and all their drafts in the
// background; a draft that came back or was decided since is noticed at the top.
func (s *ClerkScreen) Reload() {
	s.mine.Reload()
	go func() {
		recs, err := s.fetchQueue()
		fyne.Do(func() { s.showQueue(recs, err) })
	}()
}

// LoadQueue fetches the clerk's returned drafts and shows them before returning; call it on the UI goroutine.
func (s *ClerkScreen) LoadQueue() error {
	recs, err := s.fetchQueue()
	s.showQueue(recs, err)
	return err
}

// fetchQueue asks the desk for the clerk's returned drafts; it touches no widget.
func (s *ClerkScreen) fetchQueue() ([]index.Record, error) {
	return s.svc.backend().Queue(context.Background(), s.sess.Actor())
}

// showQueue lists the returned drafts, or says why they could not be fetched.
func (s *ClerkScreen) showQueue(recs []index.Record, err error) {
	if err != nil {
		showError(s.win, lang.L("无法读取退回的草稿"), err, lang.L("无法读取退回的草稿：请稍后在此页重试；如仍失败，请联系管理员。"))
		return
	}
	s.queue = recs
	s.queueTab.Text = lang.L("退回的草稿")
	if len(recs) > 0 {
		s.queueTab.Text = fmt.Sprintf(lang.L("退回的草稿（%d）"), len(recs))
	}
	s.tabs.Refresh()
	s.list.UnselectAll()
	s.list.Refresh()
}

// Open reads and scans path in the background and shows the draft when it is ready.
func (s *ClerkScreen) Open(path string) {
	if s.refuseWhileBusy() {
		return
	}
	s.showBusy(path)
	runLatest(&s.pending, func() func() {
		d := s.read(path)
		return func() { s.showOpened(d) }
	})
}

// Load reads, scans and shows path before returning; call it on the UI goroutine.
func (s *ClerkScreen) Load(path string) {
	if s.refuseWhileBusy() {
		return
	}
	s.pending++
	s.showOpened(s.read(path))
}

// refuseWhileBusy says so and reports true while a submission is under way: the draft on screen stays until it ends.
func (s *ClerkScreen) refuseWhileBusy() bool {
	if s.busy {
		showMessage(s.win, lang.L("正在提交"), lang.L("正在提交当前草稿，请等提交完成后再打开其他草稿。"))
	}
	return s.busy
}

// read reads and scans one draft file; it touches no widget and is safe from any goroutine.
func (s *ClerkScreen) read(path string) (d clerkOpened) {
	d.path, d.name = path, filepath.Base(path)
	defer func() {
		if r := recover(); r != nil {
			d.report, d.err = nil, fmt.Errorf("checking %s: panic: %v", d.name, r) // logged; the person reads what to do
		}
	}()
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() && (s.limits.MaxFileBytes <= 0 || st.Size() <= s.limits.MaxFileBytes) {
		if data, err := os.ReadFile(path); err == nil {
			d.data = data
			d.report = s.svc.Scanner.ScanBytes(path, data, s.limits, scan.Options{})
			return d
		}
	}
	d.report = s.svc.Scanner.ScanFile(path, s.limits, scan.Options{}) // says why the file cannot be read
	return d
}

// showBusy says a draft is being read.
func (s *ClerkScreen) showBusy(path string) {
	s.open.Disable()
	s.file.SetText(lang.L("文件：") + path)
	s.verdict.Importance = widget.MediumImportance
	s.verdict.SetText(lang.L("正在检查…"))
	s.doc.SetLoading(lang.L("正在读取…"))
}

// showOpened puts a freshly opened draft on screen. What the clerk typed for an earlier draft
// that was never submitted stays in the form; a submitted or reloaded one is cleared.
func (s *ClerkScreen) showOpened(d clerkOpened) {
	s.open.Enable()
	if d.err != nil {
		s.verdict.Importance = widget.DangerImportance
		s.verdict.SetText(lang.L("无法检查：程序出错。此文件未经检查，不能送审。"))
		showError(s.win, lang.L("无法检查"), d.err, lang.L("请重试；如仍出错，请把此文件交给技术人员。"))
		return
	}
	if s.done != nil || s.recordID != 0 {
		s.clearForm()
		s.withheld.set(nil)
	}
	if d.report.Detail != "" {
		fyne.LogError("clerk open "+d.path, errors.New(d.report.Detail))
	}
	s.name, s.data, s.recordID, s.done, s.keep = d.name, d.data, 0, nil, review.Decision{}
	s.file.SetText(lang.L("文件：") + d.path)
	title := ""
	if d.report.Status == scan.StatusChecked {
		title = review.Title(d.report.Doc)
	}
	if t := strings.TrimSpace(s.title.Text); t == "" || t == s.autoTitle {
		s.filling = true
		s.title.SetText(title)
		s.filling = false
	}
	s.autoTitle = title
	s.setResult("", widget.MediumImportance)
	s.showDraft(review.Draft{Report: d.report})
}

// showDraft shows a draft's verdict, text and findings, and checks the form against it.
func (s *ClerkScreen) showDraft(d review.Draft) {
	s.draft = d
	fr := d.Report
	s.findings = append([]scan.Finding(nil), fr.Findings...)
	sort.SliceStable(s.findings, func(a, b int) bool {
		return s.findings[a].Severity.Rank() > s.findings[b].Severity.Rank()
	})
	s.verdict.Importance = verdictImportance(fr)
	v := verdict(fr)
	if sum := summary(fr); sum != "" {
		v += "\n" + sum
	}
	s.verdict.SetText(v)
	s.selected = -1
	s.detail.SetText("")
	s.showText(fr)
	s.table.UnselectAll()
	s.table.Refresh()
	s.table.ScrollToTop()
	s.recheck()
}

// showText shows the draft's text with its findings and the passages marked 不予公开, or why it cannot be read.
func (s *ClerkScreen) showText(fr *scan.FileReport) {
	if fr.Status != scan.StatusChecked || fr.Doc == nil {
		s.withheld.set(nil)
		s.doc.showMessage(lang.L("正文无法显示：此文件未能读取，原因见上方。")) // said once, above
		return
	}
	in := docFromReport(fr, s.findings)
	in.file, in.original = s.name, docBytes(s.data)
	if s.data == nil {
		in.original = s.svc.originalFile(s.recordID, s.sess.Actor())
	}
	s.doc.show(in)
	s.withheld.retain()
}

// NextFinding selects the finding after the selected one (the first after the last) and shows its place.
func (s *ClerkScreen) NextFinding() {
	if len(s.findings) == 0 {
		return
	}
	s.table.Select(widget.TableCellID{Row: (s.selected + 1) % len(s.findings), Col: 0})
}

// PrevFinding selects the finding before the selected one (the last before the first) and shows its place.
func (s *ClerkScreen) PrevFinding() {
	if n := len(s.findings); n > 0 {
		s.table.Select(widget.TableCellID{Row: (max(s.selected, 0) + n - 1) % n, Col: 0})
	}
}

// onDocSelected selects in the table the finding the document view jumped to or was clicked on.
func (s *ClerkScreen) onDocSelected(i int) {
	s.table.Select(widget.TableCellID{Row: i, Col: 0})
}

// onFindingSelected marks the finding in the text, scrolls to it and explains it below the table.
func (s *ClerkScreen) onFindingSelected(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(s.findings) {
		return
	}
	s.selected = id.Row
	f := s.findings[id.Row]
	t := fmt.Sprintf("［%s］%s，%s：%q\n%s", f.Severity.Chinese(), categoryName(f.Category), place(f), f.Text, f.Note)
	if f.Hidden {
		t += lang.L("\n这段文字在正常阅读时看不到（隐藏部分），送审前同样须处理。")
	}
	s.detail.SetText(t)
	s.doc.Select(id.Row)
}

// SelectedFinding returns the finding whose place is shown, and false when none is.
func (s *ClerkScreen) SelectedFinding() (scan.Finding, bool) {
	if s.selected < 0 || s.selected >= len(s.findings) {
		return scan.Finding{}, false
	}
	return s.findings[s.selected], true
}

// MarkedText returns the texts marked as findings in the text view, in the order shown.
func (s *ClerkScreen) MarkedText() []string {
	var out []string
	for _, m := range s.doc.Marked() {
		if m.Kind != "withheld" && m.Kind != "match" {
			out = append(out, m.Text)
		}
	}
	return out
}

func (s *ClerkScreen) tableSize() (int, int) { return len(s.findings), len(clerkCols) }

func (s *ClerkScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row >= len(s.findings) || id.Col >= len(clerkCols) {
		l.SetText("")
		return
	}
	f := s.findings[id.Row]
	l.Importance = widget.MediumImportance
	if clerkCols[id.Col] == colSeverity {
		l.Importance = severityImportance(f.Severity)
	}
	l.SetText(cellText(f, clerkCols[id.Col]))
}

func (s *ClerkScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Col >= 0 && id.Col < len(clerkCols) {
		o.(*widget.Label).SetText(lang.L(colTitles[clerkCols[id.Col]]))
	}
}

// Decision returns the decision as the form states it.
func (s *ClerkScreen) Decision() review.Decision {
	dec := s.keep
	dec.Attribute = clerkAttribute(s.attr.Selected)
	dec.Basis = ""
	if dec.Attribute == review.Withheld {
		dec.Basis = clerkBasisCode(s.basis.Selected)
	}
	dec.Reason = strings.TrimSpace(s.reason.Text)
	dec.Title = strings.TrimSpace(s.title.Text)
	dec.Policy = s.policy.Checked
	dec.Interpretation = nil
	if dec.Policy {
		dec.Interpretation = s.interp
	}
	dec.Important = s.important.Checked
	dec.DocType = clerkDocType(s.docType.Selected)
	dec.Normative = dec.DocType == review.DocNormative
	dec.Redactions = s.withheld.redactions()
	return dec
}

// Returns returns the return reasons the rules give for the form as it stands.
func (s *ClerkScreen) Returns() []review.Return { return s.outcome.Returns }

// CanSubmit reports whether the submit button is enabled.
func (s *ClerkScreen) CanSubmit() bool { return !s.submit.Disabled() }

// Why returns what the label next to the submit button says.
func (s *ClerkScreen) Why() string { return s.why.Text }

// Result returns what the screen says about the last submission or the reloaded returned draft.
func (s *ClerkScreen) Result() string { return s.result.Text }

// onFieldChanged re-checks the decision after any change in the form.
func (s *ClerkScreen) onFieldChanged(string) { s.recheck() }

// onCheckChanged re-checks the decision after a check box changes.
func (s *ClerkScreen) onCheckChanged(bool) { s.recheck() }

// onAttributeChanged enables the basis for a withholding and re-checks.
func (s *ClerkScreen) onAttributeChanged(string) {
	s.syncBasis()
	s.recheck()
}

// syncBasis enables the basis only for a withholding; the value chosen is kept either way.
func (s *ClerkScreen) syncBasis() {
	if clerkAttribute(s.attr.Selected) == review.Withheld {
		s.basis.Enable()
	} else {
		s.basis.Disable()
	}
	s.form.Refresh() // its labels follow their fields' enabled state
}

// onPolicyChanged enables the interpretation button for a policy document and re-checks.
func (s *ClerkScreen) onPolicyChanged(bool) {
	if s.policy.Checked {
		s.attach.Enable()
	} else {
		s.attach.Disable()
	}
	s.recheck()
}

// recheck asks the rules what a submission of the form would give, shows the return reasons
// and hints, and enables the submit button only when there are none.
func (s *ClerkScreen) recheck() {
	if s.filling {
		return
	}
	s.syncLock()
	if s.draft.Report == nil {
		s.outcome = review.Outcome{}
		s.returns.SetText(lang.L("打开草稿后，这里会随填写随时列出会被退文的原因。"))
		s.hints.SetText("")
		s.setSubmit(lang.L("请先打开要送审的草稿"))
		return
	}
	s.outcome = s.svc.Rules.Check(s.draft, s.Decision())
	var b strings.Builder
	switch {
	case s.done != nil:
		s.returns.Importance = widget.SuccessImportance
		b.WriteString(lang.L("已提交，审签流程见上方。"))
	case s.outcome.Result == review.Unreadable: // the reason is in the verdict above: not repeated here
		s.returns.Importance = widget.DangerImportance
		b.WriteString(lang.L("未经检查的文件不能送审：请换一份可读取文字的文件重新打开。"))
	case len(s.outcome.Returns) > 0:
		s.returns.Importance = widget.DangerImportance
		b.WriteString(lang.L("按现在填写的内容提交会被退文："))
		for _, r := range s.outcome.Returns {
			b.WriteString("\n• " + r.Message)
		}
	default:
		s.returns.Importance = widget.SuccessImportance
		b.WriteString(lang.L("没有退文原因，可以提交。"))
		if len(s.outcome.Route) > 0 {
			roles := make([]string, len(s.outcome.Route))
			for i, st := range s.outcome.Route {
				roles[i] = st.Role.Chinese()
			}
			b.WriteString(lang.L("\n提交后依次送：") + strings.Join(roles, " → "))
		}
	}
	s.returns.SetText(b.String())
	var h []string
	if s.outcome.Important {
		h = append(h, lang.L("按重要信息办理：")+strings.Join(s.outcome.ImportantWhy, "；"))
	}
	for _, hint := range s.outcome.Hints {
		h = append(h, lang.L("提示：")+hint)
	}
	s.hints.SetText(strings.Join(h, "\n"))
	switch {
	case s.busy:
		s.setSubmit(lang.L("正在提交…"))
	case s.done != nil:
		s.setSubmit(fmt.Sprintf(lang.L("已提交（第 %d 号），请打开下一份草稿"), s.done.ID))
	case s.outcome.Result == review.Unreadable:
		s.setSubmit(lang.L("文件未经检查，不能提交"))
	case len(s.outcome.Returns) > 0:
		s.setSubmit(s.outcome.Returns[0].Message)
	default:
		s.setSubmit("")
	}
}

// setSubmit enables the submit button when there is no reason it may not be pressed, else says the reason.
func (s *ClerkScreen) setSubmit(why string) {
	s.why.Importance = widget.MediumImportance
	if len(s.outcome.Returns) > 0 && why == s.outcome.Returns[0].Message {
		s.why.Importance = widget.DangerImportance
	}
	s.why.SetText(why)
	if why == "" {
		s.submit.Enable()
	} else {
		s.submit.Disable()
	}
}

// setResult shows or hides the line about the last submission.
func (s *ClerkScreen) setResult(text string, imp widget.Importance) {
	s.result.Importance = imp
	s.result.SetText(text)
	if text == "" {
		s.result.Hide()
	} else {
		s.result.Show()
	}
}

// clearForm empties the decision form; nothing is preselected.
func (s *ClerkScreen) clearForm() {
	s.filling = true
	s.title.SetText("")
	s.attr.SetSelected("")
	s.basis.ClearSelected()
	s.syncBasis()
	s.reason.SetText("")
	s.policy.SetChecked(false)
	s.attach.Disable()
	s.setAttachment(nil)
	s.important.SetChecked(false)
	s.docType.SetSelected(review.DocOther.Chinese())
	s.autoTitle = ""
	s.filling = false
}

// fillForm puts a decision back into the form.
func (s *ClerkScreen) fillForm(dec review.Decision, title string) {
	s.clearForm()
	s.filling = true
	s.title.SetText(title)
	if dec.Attribute.Valid() {
		s.attr.SetSelected(dec.Attribute.Chinese())
	}
	s.syncBasis()
	if b, ok := review.LookupBasis(dec.Basis); ok {
		s.basis.SetSelected(clerkBasisLabel(b))
	}
	s.reason.SetText(dec.Reason)
	s.policy.SetChecked(dec.Policy)
	if dec.Policy {
		s.attach.Enable()
	}
	s.setAttachment(dec.Interpretation)
	s.important.SetChecked(dec.Important)
	s.docType.SetSelected(dec.Kind().Chinese())
	s.filling = false
}

// onOpenTapped asks for a draft and opens it.
func (s *ClerkScreen) onOpenTapped() {
	showFileDialog(dialog.NewFileOpen(s.onDraftChosen, s.win), s.win, lang.L("打开"), extract.Extensions...)
}

// onDraftChosen opens the draft picked in the open dialog.
func (s *ClerkScreen) onDraftChosen(r fyne.URIReadCloser, err error) {
	if path, ok := clerkChosen(s.win, r, err); ok {
		s.Open(path)
	}
}

// onAttachTapped asks for the policy interpretation material.
func (s *ClerkScreen) onAttachTapped() {
	showFileDialog(dialog.NewFileOpen(s.onAttachmentChosen, s.win), s.win, lang.L("附上"), extract.Extensions...)
}

// onAttachmentChosen reads the interpretation picked in the dialog.
func (s *ClerkScreen) onAttachmentChosen(r fyne.URIReadCloser, err error) {
	if path, ok := clerkChosen(s.win, r, err); ok {
		s.Attach(path)
	}
}

// Attach reads the policy interpretation at path in the background, to know whether it is readable.
func (s *ClerkScreen) Attach(path string) {
	s.attachLabel.Importance = widget.MediumImportance
	s.attachLabel.SetText(lang.L("正在读取 ") + filepath.Base(path) + "…")
	s.attachLabel.Show()
	go func() {
		a := s.readAttachment(path)
		fyne.Do(func() {
			s.setAttachment(a)
			s.recheck()
		})
	}()
}

// AttachNow reads the policy interpretation at path and checks the form before returning; call it on the UI goroutine.
func (s *ClerkScreen) AttachNow(path string) {
	s.setAttachment(s.readAttachment(path))
	s.recheck()
}

// readAttachment reads a file to know whether its text can be read; it touches no widget.
func (s *ClerkScreen) readAttachment(path string) (a *review.Attachment) {
	a = &review.Attachment{File: filepath.Base(path)}
	defer func() {
		if r := recover(); r != nil {
			a.Readable, a.Reason = false, fmt.Sprint(lang.L("读取时程序出错："), r)
		}
	}()
	data, err := os.ReadFile(path)
	if err == nil {
		a.Data = data // the desk decides from the file itself; Readable here only informs the clerk
		_, err = extract.Bytes(a.File, data, s.limits)
	}
	var ue *extract.UnreadableError
	switch {
	case err == nil:
		a.Readable = true
	case errors.As(err, &ue):
		a.Reason = ue.Reason
	default:
		a.Reason = err.Error()
	}
	return a
}

// setAttachment keeps the interpretation and says what it is.
func (s *ClerkScreen) setAttachment(a *review.Attachment) {
	s.interp = a
	s.attachLabel.Show()
	switch {
	case a == nil || a.File == "":
		s.attachLabel.SetText("")
		s.attachLabel.Hide()
	case a.Readable:
		s.attachLabel.Importance = widget.SuccessImportance
		s.attachLabel.SetText(lang.L("已附政策解读：") + a.File)
	default:
		s.attachLabel.Importance = widget.DangerImportance
		s.attachLabel.SetText(fmt.Sprintf(lang.L("政策解读 %s 无法读取（%s）：请换一个可读取的文件"), a.File, a.Reason))
	}
}

// onSubmitTapped submits the form in the background.
func (s *ClerkScreen) onSubmitTapped() {
	if !s.startSubmit() {
		return
	}
	dec, id, name, data := s.Decision(), s.recordID, s.name, s.data
	go func() {
		rec, err := s.send(dec, id, name, data)
		fyne.Do(func() { s.submitted(rec, err) })
	}()
}

// Submit submits the form and shows the result before returning; call it on the UI goroutine.
// It does nothing while the rules give return reasons, as the disabled button does.
func (s *ClerkScreen) Submit() {
	if !s.startSubmit() {
		return
	}
	rec, err := s.send(s.Decision(), s.recordID, s.name, s.data)
	s.submitted(rec, err)
}

// startSubmit re-checks the form and marks a submission under way, or reports that none may start.
func (s *ClerkScreen) startSubmit() bool {
	s.recheck()
	if s.submit.Disabled() {
		return false
	}
	s.busy = true
	s.recheck()
	s.open.Disable()
	return true
}

// send gives the decision to the desk: a new draft, or a returned one again; it touches no widget.
func (s *ClerkScreen) send(dec review.Decision, id int64, name string, data []byte) (rec *index.Record, err error) {
	defer func() {
		if r := recover(); r != nil {
			rec, err = nil, fmt.Errorf(lang.L("提交时程序出错：%v"), r)
		}
	}()
	ctx := context.Background()
	if id != 0 {
		return s.svc.backend().Resubmit(ctx, id, s.sess.Actor(), dec)
	}
	return s.svc.backend().Submit(ctx, s.sess.Actor(), s.sess.User.Department, name, data, dec)
}

// submitted shows the route of a submitted draft, or why the desk returned or refused it.
// The form keeps everything typed unless the draft went on its way.
func (s *ClerkScreen) submitted(rec *index.Record, err error) {
	s.busy = false
	s.open.Enable()
	if err != nil {
		s.recheck()
		showError(s.win, lang.L("提交没有成功"), err, lang.L("提交没有成功，填写的内容都还在：请稍后再点“提交”；如仍失败，请联系管理员。"))
		return
	}
	if rec.State == review.StateReturned {
		s.recordID = rec.ID
		s.setResult(fmt.Sprintf(lang.L("第 %d 号草稿被退回，请按以下意见修改后重新提交（填写的内容都还在）：\n• %s"),
			rec.ID, strings.Join(clerkReturnReasons(*rec), "\n• ")), widget.DangerImportance)
	} else {
		s.done = rec
		s.setResult(clerkRouteText(rec), widget.SuccessImportance)
	}
	s.recheck()
	s.formScroll.ScrollToTop()
	s.LoadQueue() // the draft left or joined the returned ones; an error is shown there
	s.mine.Load()
}

// clerkRouteText words where a submitted draft goes: each role in Chinese with why.
func clerkRouteText(rec *index.Record) string {
	var b strings.Builder
	fmt.Fprintf(&b, lang.L("已提交（第 %d 号）《%s》，审签流程："), rec.ID, rec.Title)
	for i, st := range rec.Route {
		fmt.Fprintf(&b, "\n%d. %s：%s", i+1, st.Role.Chinese(), st.Why)
		if i == rec.Current && !rec.State.Decided() {
			b.WriteString(lang.L("（现在办理）"))
		}
	}
	return b.String()
}

// clerkReturnReasons lists why a draft came back: the last note in its history, then the rules' reasons.
func clerkReturnReasons(rec index.Record) []string {
	var out []string
	for i := len(rec.History) - 1; i >= 0; i-- {
		if h := rec.History[i]; h.Note != "" {
			out = append(out, fmt.Sprintf(lang.L("%s %s 的意见：%s"), index.RoleName(h.Role), h.User, h.Note))
			break
		}
	}
	for _, r := range rec.Outcome.Returns {
		out = append(out, r.Message)
	}
	if len(out) == 0 {
		out = append(out, lang.L("未写明原因，请联系退回人"))
	}
	return out
}

// clerkReport rebuilds the scan report of a returned draft from its record.
func clerkReport(rec index.Record) *scan.FileReport {
	if rec.Unreadable != "" {
		return &scan.FileReport{File: rec.File, Status: scan.StatusUnreadable, Reason: rec.Unreadable,
			Findings: []scan.Finding{}, Statements: []scan.Statement{}}
	}
	res := scan.Result{Findings: rec.Findings}
	return &scan.FileReport{File: rec.File, Status: scan.StatusChecked, Coverage: rec.Coverage,
		Findings: rec.Findings, Statements: rec.Statements, Critical: res.Critical(), Worst: res.Worst(),
		Doc: &extract.Document{Parts: rec.Parts, Coverage: rec.Coverage}}
}

func (s *ClerkScreen) queueLen() int { return len(s.queue) }

func (s *ClerkScreen) newQueueItem() fyne.CanvasObject {
	why := newTruncLabel()
	why.Importance = widget.DangerImportance
	return container.NewVBox(newTitleLabel(), why)
}

func (s *ClerkScreen) updateQueueItem(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(s.queue) {
		return
	}
	rec := s.queue[id]
	labels := o.(*fyne.Container).Objects
	when := ""
	if n := len(rec.History); n > 0 {
		when = "，" + rec.History[n-1].At.Local().Format("01-02 15:04") + lang.L(" 退回")
	}
	labels[0].(*widget.Label).SetText(fmt.Sprintf(lang.L("第 %d 号 %s（%s%s）"), rec.ID, rec.Title, rec.File, when))
	labels[1].(*widget.Label).SetText(strings.Join(clerkReturnReasons(rec), "；"))
}

// onReturnedSelected loads a returned draft into the form, with everything the clerk typed and its findings.
func (s *ClerkScreen) onReturnedSelected(id widget.ListItemID) {
	if id < 0 || id >= len(s.queue) {
		return
	}
	if s.refuseWhileBusy() {
		s.list.UnselectAll()
		return
	}
	rec := s.queue[id]
	s.pending++ // a draft still being opened is not shown over this one
	s.open.Enable()
	s.name, s.data, s.recordID, s.done, s.keep = rec.File, nil, rec.ID, nil, rec.Decision
	title := rec.Decision.Title
	if title == "" && rec.Title != rec.File {
		title = rec.Title
	}
	s.fillForm(rec.Decision, title)
	s.withheld.set(rec.Decision.Redactions)
	s.autoTitle = title
	s.file.SetText(fmt.Sprintf(lang.L("退回的草稿：第 %d 号 %s"), rec.ID, rec.File))
	s.setResult(fmt.Sprintf(lang.L("第 %d 号草稿已被退回，请按以下意见修改后重新提交：\n• %s"),
		rec.ID, strings.Join(clerkReturnReasons(rec), "\n• ")), widget.DangerImportance)
	s.showDraft(review.Draft{Report: clerkReport(rec), Resolutions: rec.Resolutions})
	s.tabs.Select(s.formTab)
	s.formScroll.ScrollToTop()
	s.list.UnselectAll()
}

// onShortcut handles the screen's shortcuts, from the canvas or from a focused entry.
func (s *ClerkScreen) onShortcut(sc fyne.Shortcut) {
	cs, ok := sc.(*desktop.CustomShortcut)
	if !ok || dialogTakes(s.win, sc) {
		return
	}
	switch cs.KeyName {
	case fyne.KeyO:
		s.onOpenTapped()
	case fyne.KeyN:
		if cs.Modifier&fyne.KeyModifierShift != 0 {
			s.PrevFinding()
		} else {
			s.NextFinding()
		}
	case fyne.KeyF:
		s.doc.FocusFind()
	case fyne.KeyReturn, fyne.KeyEnter:
		s.onSubmitTapped()
	}
}

// clerkShortcuts are the screen's shortcuts: Ctrl+O, Ctrl+N, Ctrl+Shift+N, Ctrl+F, Ctrl+Enter (both Enter keys).
func clerkShortcuts() []*desktop.CustomShortcut {
	m := fyne.KeyModifierShortcutDefault
	return append(docShortcuts(), &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: m},
		&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: m}, &desktop.CustomShortcut{KeyName: fyne.KeyEnter, Modifier: m})
}

// clerkEntry is an entry that passes the screen's shortcuts on: a focused entry gets every
// shortcut first, and a plain one would swallow Ctrl+Enter while the clerk types the reason.
type clerkEntry struct {
	widget.Entry
	forward func(fyne.Shortcut)
}

// newClerkEntry makes an entry that forwards the screen's shortcuts to fn.
func newClerkEntry(multiLine bool, fn func(fyne.Shortcut)) *clerkEntry {
	e := &clerkEntry{forward: fn}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut forwards the screen's shortcuts and lets the entry handle the rest.
func (e *clerkEntry) TypedShortcut(sc fyne.Shortcut) {
	if cs, ok := sc.(*desktop.CustomShortcut); ok {
		for _, own := range clerkShortcuts() {
			if cs.ShortcutName() == own.ShortcutName() {
				e.forward(sc)
				return
			}
		}
	}
	e.Entry.TypedShortcut(sc)
}

// Base returns the entry itself, for tests that type into it.
func (e *clerkEntry) Base() *widget.Entry { return &e.Entry }

// clerkAttribute maps an attribute's Chinese name back to its code, "" for none.
func clerkAttribute(chinese string) review.Attribute {
	for _, a := range review.Attributes {
		if a.Chinese() == chinese {
			return a
		}
	}
	return ""
}

// clerkDocType maps a document type's Chinese name back to its code.
func clerkDocType(chinese string) review.DocType {
	for _, d := range review.DocTypes {
		if d.Chinese() == chinese {
			return d
		}
	}
	return review.DocOther
}

// clerkBasisLabel shows a basis as its Chinese name and article, e.g. 属于国家秘密（第十四条）.
func clerkBasisLabel(b review.Basis) string { return b.Name + "（" + b.Article + "）" }

// clerkBasisCode maps a basis label back to its code, "" for none.
func clerkBasisCode(label string) string {
	for _, b := range review.Bases {
		if clerkBasisLabel(b) == label {
			return b.Code
		}
	}
	return ""
}

// clerkChosen returns the local path picked in an open dialog, showing the error when there is one.
func clerkChosen(win fyne.Window, r fyne.URIReadCloser, err error) (string, bool) {
	if err != nil {
		showError(win, lang.L("无法打开"), err, lang.L("无法打开所选文件：请确认文件存在且有读取权限后重试。"))
		return "", false
	}
	if r == nil {
		return "", false // cancelled
	}
	return chosenPath(r), true
}
