package ui

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/review"
)

// Columns of table 三's preview.
const (
	reportColRow = iota
	reportColLabel
	reportColCount
	reportCols
)

var (
	reportColTitles = [reportCols]string{"序号", "项目", "总计"}
	reportColWidths = [reportCols]float32{90, 560, 70}
)

// Parts of the report screen, one tab each.
var reportParts = []string{"二、主动公开", "三、依申请公开", "四、复议和诉讼", "五、六", "本机关公文统计"}

// ReportScreen is the annual report on government information disclosure
// of a year: section 二 from the archive with the rows typed in from other
// systems, table 三 (applications, zero until the app records them),
// sections 四–六 typed in, and the office's own statistics of its draft
// decisions apart. What the office types is saved, audited, in the core;
// the whole report exports as Excel or CSV.
type ReportScreen struct {
	// OnChanged, when set, is called on the UI goroutine after a background load, save or export has been shown.
	OnChanged func()

	win  fyne.Window
	svc  *Services
	sess *Session

	root    fyne.CanvasObject
	year    *widget.Select
	years   []int
	tabs    *container.AppTabs
	sec2    *fyne.Container // section 二's archive rows
	table   *helpTable
	own     *wrapLabel
	entries map[string]*helpEntry // the typed-in items, by key
	save    *widget.Button
	xlsx    *widget.Button
	csv     *widget.Button
	status  *wrapLabel

	report  *index.Report
	saved   map[string]string // the typed-in values as last loaded
	opened  bool              // the first load has looked for the latest year with decisions
	pending int
}

// NewReportScreen builds the annual report for the signed-in user, set to
// last year until its first load finds the latest year with decisions.
func NewReportScreen(win fyne.Window, svc *Services, sess *Session) *ReportScreen {
	s := &ReportScreen{win: win, svc: svc, sess: sess, entries: map[string]*helpEntry{}, saved: map[string]string{}}
	this := time.Now().Year()
	var opts []string
	for y := this; y >= this-10; y-- {
		s.years = append(s.years, y)
		opts = append(opts, fmt.Sprintf(lang.L("%d 年度"), y))
	}
	s.year = newSelect(opts, nil)
	s.year.SetSelectedIndex(1)
	s.year.OnChanged = s.onYearChanged
	s.save = widget.NewButtonWithIcon(lang.L("保存填报"), theme.DocumentSaveIcon(), s.onSaveTapped)
	s.save.Importance = widget.HighImportance
	s.xlsx = widget.NewButtonWithIcon(lang.L("导出 Excel…"), theme.DownloadIcon(), s.onExportXLSXTapped)
	s.csv = widget.NewButtonWithIcon(lang.L("导出 CSV…"), theme.DownloadIcon(), s.onExportCSVTapped)
	s.status = newWrapLabel("")
	s.status.Hide()
	for _, it := range index.ReportItems {
		e := newHelpEntry(it.Kind == index.ItemText)
		if it.Kind == index.ItemText {
			e.SetMinRowsVisible(8)
		}
		e.SetPlaceHolder(reportPlaceholder(it))
		e.Validator = reportValidator(it)
		s.entries[it.Key] = e
	}

	s.table = newTextTable(s.tableSize, s.updateCell, s.updateHeader, reportColWidths[:])
	s.own = newWrapLabel("")
	s.sec2 = container.NewGridWithColumns(4)
	t3 := queueSection(lang.L("表三 收到和处理政府信息公开申请情况：统计公众的申请，不统计公文稿件；本系统尚未登记申请，各栏为 0"))
	t3.Wrapping = fyne.TextWrapWord
	ownTitle := queueSection(lang.L("本机关公文公开属性统计（公文稿件的决定，不是公开申请，不计入表三）"))
	ownTitle.Wrapping = fyne.TextWrapWord
	s.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L(reportParts[0]), container.NewVScroll(s.section2())),
		container.NewTabItem(lang.L(reportParts[1]), container.NewBorder(t3, nil, nil, nil, s.table)),
		container.NewTabItem(lang.L(reportParts[2]), container.NewVScroll(s.section4())),
		container.NewTabItem(lang.L(reportParts[3]), container.NewVScroll(container.NewVBox(
			queueSection(lang.L("五、存在的主要问题及改进情况")), s.entries["problems"],
			queueSection(lang.L("六、其他需要报告的事项")), s.entries["other-matters"]))),
		container.NewTabItem(lang.L(reportParts[4]), container.NewVScroll(container.NewVBox(ownTitle, s.own))),
	)
	bar := container.NewHBox(widget.NewLabel(lang.L("年度")), s.year, layout.NewSpacer(), s.save, s.csv, s.xlsx)
	s.root = container.NewBorder(container.NewVBox(bar, s.status), nil, nil, nil, s.tabs)
	s.enable(false)
	return s
}

// Content returns the screen's widgets.
func (s *ReportScreen) Content() fyne.CanvasObject { return s.root }

// Reload builds the selected year's report in the background; the first
// time, the year is the latest one that has decisions.
func (s *ReportScreen) Reload() {
	year, first := s.Year(), !s.opened
	who := s.sess.Actor()
	runLatest(&s.pending, func() func() {
		if first {
			year, _ = yearToOpen(s.svc.backend(), who, year)
		}
		rep, err := s.svc.backend().Report(context.Background(), who, year)
		return func() {
			s.opened = true
			s.selectYear(year)
			s.show(rep, err)
			s.changed()
		}
	})
}

// Open finds the latest year that has decisions, builds its report and shows
// it before returning; call it on the UI goroutine.
func (s *ReportScreen) Open() error {
	year, err := yearToOpen(s.svc.backend(), s.sess.Actor(), s.Year())
	if err != nil {
		s.setStatus(lang.L("无法生成报表：")+review.ErrorMessage(err), widget.DangerImportance)
		return err
	}
	s.opened = true
	return s.Load(year)
}

// Load builds a year's report and shows it before returning; call it on the UI goroutine.
func (s *ReportScreen) Load(year int) error {
	s.selectYear(year)
	s.pending++
	rep, err := s.svc.backend().Report(context.Background(), s.sess.Actor(), year)
	s.show(rep, err)
	return err
}

// selectYear shows a year in the year select, without loading it; a year not offered is added.
func (s *ReportScreen) selectYear(year int) {
	i := -1
	for j, y := range s.years {
		if y == year {
			i = j
		}
	}
	if i < 0 {
		s.years = append(s.years, year)
		s.year.Options = append(s.year.Options, fmt.Sprintf(lang.L("%d 年度"), year))
		i = len(s.years) - 1
	}
	s.year.OnChanged = nil
	s.year.SetSelectedIndex(i)
	s.year.OnChanged = s.onYearChanged
}

// Year returns the year selected.
func (s *ReportScreen) Year() int {
	if i := s.year.SelectedIndex(); i >= 0 {
		return s.years[i]
	}
	return time.Now().Year() - 1
}

// Report returns the report on show, or nil before the first load.
func (s *ReportScreen) Report() *index.Report { return s.report }

// Parts returns the titles of the report's tabs.
func (s *ReportScreen) Parts() []string {
	out := make([]string, len(s.tabs.Items))
	for i, t := range s.tabs.Items {
		out[i] = t.Text
	}
	return out
}

// ShowPart brings the tab with this title to the front.
func (s *ReportScreen) ShowPart(title string) {
	for i, t := range s.tabs.Items {
		if t.Text == title || t.Text == lang.L(title) {
			s.tabs.SelectIndex(i)
		}
	}
}

// CellText returns the text table 三 shows at row, col, or "" outside it.
func (s *ReportScreen) CellText(row, col int) string {
	if s.report == nil || row < 0 || row >= len(s.report.Rows) {
		return ""
	}
	r := s.report.Rows[row]
	switch col {
	case reportColRow:
		return r.Row
	case reportColLabel:
		return r.Label
	case reportColCount:
		return strconv.Itoa(r.Count)
	}
	return ""
}

// Summary returns the office's own statistics as shown.
func (s *ReportScreen) Summary() string { return s.own.Text }

// ExportXLSX writes the report on show as an .xlsx workbook.
func (s *ReportScreen) ExportXLSX(w io.Writer) error {
	if s.report == nil {
		return review.Errorf(review.ErrInvalid, "%s", lang.L("报表尚未生成"))
	}
	return s.report.WriteXLSX(w)
}

// ExportCSV writes the report on show as CSV.
func (s *ReportScreen) ExportCSV(w io.Writer) error {
	if s.report == nil {
		return review.Errorf(review.ErrInvalid, "%s", lang.L("报表尚未生成"))
	}
	return s.report.WriteCSV(w)
}

// enable turns the buttons that need a report on or off.
func (s *ReportScreen) enable(on bool) {
	for _, b := range []*widget.Button{s.save, s.xlsx, s.csv} {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// show puts a report on screen, or says why there is none.
func (s *ReportScreen) show(rep *index.Report, err error) {
	if err != nil {
		fyne.LogError("report", err)
		s.report = nil
		s.table.Refresh()
		s.own.SetText("")
		s.setStatus(lang.L("无法生成报表：")+review.ErrorMessage(err), widget.DangerImportance)
		s.enable(false)
		return
	}
	sameYear := s.report != nil && s.report.Year == rep.Year
	s.report = rep
	s.status.Hide()
	s.enable(true)
	s.table.Refresh()
	s.table.ScrollToTop()
	was := s.saved
	s.saved = map[string]string{}
	for _, t := range rep.Typed {
		s.saved[t.Key] = t.Value
		if e := s.entries[t.Key]; e != nil && !(sameYear && e.Text != was[t.Key]) { // a reload keeps what is being typed
			e.SetText(t.Value)
		}
	}
	s.sec2.RemoveAll()
	for _, h := range reportSection2Headings {
		s.sec2.Add(reportBold(lang.L(h)))
	}
	for _, r := range rep.Section2 {
		s.sec2.Add(widget.NewLabel(r.Row))
		for _, n := range []int{r.Issued, r.Repealed, r.InForce} {
			s.sec2.Add(widget.NewLabel(strconv.Itoa(n)))
		}
	}
	s.sec2.Refresh()
	s.own.SetText(reportOwnStatistics(rep))
}

// reportOwnStatistics words the office's own statistics of the year's draft decisions.
func reportOwnStatistics(rep *index.Report) string {
	lines := []string{fmt.Sprintf(lang.L("%d 年度共 %d 份决定，其中区分处理（部分不予公开）%d 份"), rep.Year, rep.Total, rep.Partial), "", lang.L("按公开属性：")}
	for _, a := range review.Attributes {
		lines = append(lines, fmt.Sprintf("%s：%d", a.Chinese(), rep.ByAttribute[string(a)]))
	}
	lines = append(lines, "", lang.L("不予公开的法律依据："))
	for _, b := range review.Bases {
		lines = append(lines, fmt.Sprintf("%s：%d", b.Name, rep.ByBasis[b.Code]))
	}
	return strings.Join(lines, "\n")
}

// onExportXLSXTapped asks where to save the Excel workbook.
func (s *ReportScreen) onExportXLSXTapped() { s.askSave(".xlsx", s.ExportXLSX) }

// onExportCSVTapped asks where to save the CSV file.
func (s *ReportScreen) onExportCSVTapped() { s.askSave(".csv", s.ExportCSV) }

// askSave shows the save dialog and writes the report to the place chosen.
func (s *ReportScreen) askSave(ext string, write func(io.Writer) error) {
	if s.report == nil {
		return
	}
	name := fmt.Sprintf(lang.L("政府信息公开工作年度报告-%d%s"), s.report.Year, ext)
	askExport(s.win, name, ext, write, func(path string, err error) {
		if err == nil {
			s.setStatus(lang.L("已导出：")+path, widget.SuccessImportance)
		}
		s.changed()
	})
}

// setStatus shows a line under the toolbar.
func (s *ReportScreen) setStatus(text string, imp widget.Importance) { showStatus(s.status, text, imp) }

// changed tells OnChanged that a background result is on screen.
func (s *ReportScreen) changed() { notify(s.OnChanged) }

func (s *ReportScreen) tableSize() (int, int) {
	if s.report == nil {
		return 0, reportCols
	}
	return len(s.report.Rows), reportCols
}

func (s *ReportScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.TextStyle = fyne.TextStyle{Bold: s.report != nil && id.Row < len(s.report.Rows) && s.report.Rows[id.Row].Label == "总计"}
	if id.Col == reportColCount {
		l.Alignment = fyne.TextAlignTrailing
	} else {
		l.Alignment = fyne.TextAlignLeading
	}
	l.SetText(s.CellText(id.Row, id.Col))
}

func (s *ReportScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Col >= 0 && id.Col < reportCols {
		o.(*widget.Label).SetText(lang.L(reportColTitles[id.Col]))
	}
}
