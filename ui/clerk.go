package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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

	// checkedWith is the version of the office server's policy the open draft
	// was scanned with; "" on the local archive or for a returned draft (clerk_policy.go).
	checkedWith string

	// Left: the draft's text and findings.
	root     fyne.CanvasObject
	open     *widget.Button
	file     *widget.Label
	verdict  *wrapLabel
	doc      *DocView
	withheld *clerkWithheld // the passages marked 不予公开 (Art. 37)
	selected int            // the finding selected, -1 when none
	table    *helpTable
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
	attachLabel *wrapLabel
	important   *widget.Check
	docType     *widget.Select
	result      *wrapLabel
	returns     *wrapLabel
	hints       *wrapLabel
	submit      *widget.Button
	why         *wrapLabel
	formScroll  *container.Scroll
	form        *widget.Form
	queue       []index.Record
	list        *helpList
	mine        *MineScreen // 我的草稿: every draft submitted, its state and where it waits
	notice      *clerkNotice
}

// clerkOpened is a draft file read and scanned off the UI goroutine.
type clerkOpened struct {
	path, name string
	data       []byte
	report     *scan.FileReport
	policy     string // the version of the office server's policy it was scanned with, if any
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
	s.verdict = newWrapLabel("")
	s.verdict.TextStyle = fyne.TextStyle{Bold: true}

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

// Content returns the screen's widgets.
func (s *ClerkScreen) Content() fyne.CanvasObject { return s.root }

// First returns the title entry, the decision form's first field; Ctrl+O still opens a draft from it.
func (s *ClerkScreen) First() fyne.Focusable { return s.title }

// Reload fetches the clerk's returned drafts and all their drafts in the
// background; a draft that came back or was decided since is noticed at the top.
func (s *ClerkScreen) Reload() {
	s.mine.Reload()
	s.checkPolicyLater()
	go func() {
		recs, err := s.fetchQueue()
		fyne.Do(func() { s.showQueue(recs, err) })
	}()
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
	sc, version := s.svc.scanning()
	d.policy = version
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() && (s.limits.MaxFileBytes <= 0 || st.Size() <= s.limits.MaxFileBytes) {
		if data, err := os.ReadFile(path); err == nil {
			d.data = data
			d.report = sc.ScanBytes(path, data, s.limits, scan.Options{})
			return d
		}
	}
	d.report = sc.ScanFile(path, s.limits, scan.Options{}) // says why the file cannot be read
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
	s.name, s.data, s.recordID, s.done, s.keep, s.checkedWith = d.name, d.data, 0, nil, review.Decision{}, d.policy
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
