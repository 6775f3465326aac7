package ui

import (
	"fmt"
	"path/filepath"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prepub/review/extract"
	"prepub/review/scan"
)

// Columns of the findings table.
const (
	colSeverity = iota
	colCategory
	colPlace
	colHidden
	colText
	colNote
	numCols
)

var (
	colTitles = [numCols]string{"严重程度", "类别", "位置", "隐藏", "文字", "说明"}
	colWidths = [numCols]float32{80, 110, 150, 50, 170, 380}
)

// ScanScreen lets a clerk open a draft and see what the secrecy scan found in it.
type ScanScreen struct {
	// OnShown, when set, is called on the UI goroutine after a report is shown.
	OnShown func(*scan.FileReport)

	win     fyne.Window
	scanner *scan.Scanner
	limits  extract.Limits

	open    *widget.Button
	file    *widget.Label
	verdict *widget.Label
	summary *widget.Label
	table   *widget.Table
	detail  *widget.Label

	report   *scan.FileReport
	findings []scan.Finding // the report's findings, strongest first
	pending  int            // number of the latest scan started; older results are dropped
}

// NewScanScreen builds the scan screen, puts it in win, and binds Ctrl+O and file drops to it.
func NewScanScreen(win fyne.Window, sc *scan.Scanner) *ScanScreen {
	s := &ScanScreen{win: win, scanner: sc, limits: extract.DefaultLimits()}
	s.open = widget.NewButtonWithIcon(lang.L("打开文件…"), theme.FolderOpenIcon(), s.onOpenTapped)
	s.open.Importance = widget.HighImportance
	s.file = widget.NewLabel(lang.L("请打开或拖入要检查的公文草稿（.docx、.pdf、.txt）"))
	s.file.Truncation = fyne.TextTruncateEllipsis
	s.verdict = widget.NewLabel("")
	s.verdict.TextStyle = fyne.TextStyle{Bold: true}
	s.verdict.SizeName = theme.SizeNameSubHeadingText
	s.verdict.Wrapping = fyne.TextWrapWord
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.detail = widget.NewLabel("")
	s.detail.Wrapping = fyne.TextWrapWord
	s.detail.Selectable = true

	s.table = newTextTable(s.tableSize, s.updateCell, s.updateHeader, colWidths[:])
	s.table.OnSelected = s.onSelected

	top := container.NewVBox(container.NewBorder(nil, nil, s.open, nil, s.file), s.verdict, s.summary)
	win.SetContent(container.NewBorder(top, s.detail, nil, nil, s.table))
	win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { s.onOpenTapped() })
	win.SetOnDropped(s.Dropped)
	return s
}

// Report returns the report on screen, or nil before the first scan.
func (s *ScanScreen) Report() *scan.FileReport { return s.report }

// Verdict returns the verdict line as shown.
func (s *ScanScreen) Verdict() string { return s.verdict.Text }

// Open scans path in the background and shows the result when it is ready.
func (s *ScanScreen) Open(path string) {
	s.showBusy(path)
	runLatest(&s.pending, func() func() {
		fr, err := s.Scan(path)
		return func() { s.show(path, fr, err) } // not run when another file was opened meanwhile
	})
}

// Check scans path and shows the result before returning; call it on the UI goroutine.
func (s *ScanScreen) Check(path string) {
	s.pending++
	fr, err := s.Scan(path)
	s.show(path, fr, err)
}

// Scan runs the secrecy scan on one file; it touches no widget and is safe from any goroutine.
func (s *ScanScreen) Scan(path string) (fr *scan.FileReport, err error) {
	defer func() {
		if r := recover(); r != nil {
			fr, err = nil, fmt.Errorf(lang.L("检查 %s 时程序出错：%v"), filepath.Base(path), r)
		}
	}()
	return s.scanner.ScanFile(path, s.limits, scan.Options{}), nil
}

// Show puts a report on screen; call it on the UI goroutine.
func (s *ScanScreen) Show(fr *scan.FileReport) {
	s.report = fr
	s.findings = append([]scan.Finding(nil), fr.Findings...)
	sort.SliceStable(s.findings, func(a, b int) bool {
		return s.findings[a].Severity.Rank() > s.findings[b].Severity.Rank()
	})
	s.file.SetText(lang.L("文件：") + fr.File)
	s.verdict.Importance = verdictImportance(fr)
	s.verdict.SetText(verdict(fr))
	s.setSummary(summary(fr))
	s.detail.SetText("")
	s.table.UnselectAll()
	s.table.Refresh()
	s.table.ScrollToTop()
	s.open.Enable()
	if s.OnShown != nil {
		s.OnShown(fr)
	}
}

// show ends a scan: the report, or the error that stopped it.
func (s *ScanScreen) show(path string, fr *scan.FileReport, err error) {
	if err != nil {
		s.fail(path, err)
		return
	}
	s.Show(fr)
}

// setSummary shows the line under the verdict, hiding it when there is nothing to say.
func (s *ScanScreen) setSummary(text string) {
	s.summary.SetText(text)
	if text == "" {
		s.summary.Hide()
	} else {
		s.summary.Show()
	}
}

// showBusy says a scan is running.
func (s *ScanScreen) showBusy(path string) {
	s.open.Disable()
	s.file.SetText(lang.L("文件：") + path)
	s.verdict.Importance = widget.MediumImportance
	s.verdict.SetText(lang.L("正在检查…"))
	s.setSummary("")
	s.detail.SetText("")
	s.report, s.findings = nil, nil
	s.table.Refresh()
}

// fail shows an error once and logs it once.
func (s *ScanScreen) fail(path string, err error) {
	fyne.LogError("scan "+path, err)
	s.report, s.findings = nil, nil
	s.verdict.Importance = widget.DangerImportance
	s.verdict.SetText(lang.L("无法检查：程序出错。此文件未经检查，不能视为通过。"))
	s.setSummary("")
	s.table.Refresh()
	s.open.Enable()
	dialog.ShowError(fmt.Errorf(lang.L("%w\n请重试；如仍出错，请把此文件交给技术人员。"), err), s.win)
}

// onOpenTapped asks for a file and scans it.
func (s *ScanScreen) onOpenTapped() {
	showFileDialog(dialog.NewFileOpen(s.onFileChosen, s.win), s.win, lang.L("检查"), draftExts...)
}

// onFileChosen scans the file picked in the open dialog.
func (s *ScanScreen) onFileChosen(r fyne.URIReadCloser, err error) {
	if err != nil {
		fyne.LogError("open dialog", err)
		dialog.ShowError(fmt.Errorf(lang.L("无法打开所选文件：%w"), err), s.win)
		return
	}
	if r == nil {
		return // cancelled
	}
	s.Open(chosenPath(r))
}

// Dropped scans the first local file dropped on the window; it is the window's drop callback.
func (s *ScanScreen) Dropped(_ fyne.Position, uris []fyne.URI) {
	for _, u := range uris {
		if u.Scheme() == "file" {
			s.Open(u.Path())
			return
		}
	}
	dialog.ShowInformation(lang.L("无法打开"), lang.L("请拖入本机上的文件。"), s.win)
}

// onSelected shows the whole of the selected finding below the table.
func (s *ScanScreen) onSelected(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(s.findings) {
		return
	}
	f := s.findings[id.Row]
	t := fmt.Sprintf("［%s］%s，%s：%q\n%s", f.Severity.Chinese(), categoryName(f.Category), place(f), f.Text, f.Note)
	if f.Hidden {
		t += lang.L("\n这段文字在正常阅读时看不到（隐藏部分），发布前同样须处理。")
	}
	if f.Basis != "" {
		t += lang.L("\n建议依据：") + f.Basis
	}
	s.detail.SetText(t)
}

func (s *ScanScreen) tableSize() (int, int) { return len(s.findings), numCols }

func (s *ScanScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row >= len(s.findings) {
		l.SetText("")
		return
	}
	l.Importance = widget.MediumImportance
	if id.Col == colSeverity {
		l.Importance = severityImportance(s.findings[id.Row].Severity)
	}
	l.SetText(cellText(s.findings[id.Row], id.Col))
}

func (s *ScanScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Col >= 0 && id.Col < numCols {
		o.(*widget.Label).SetText(lang.L(colTitles[id.Col]))
	}
}

// CellText returns the text the findings table shows at row, col, or "" outside it.
func (s *ScanScreen) CellText(row, col int) string {
	if row < 0 || row >= len(s.findings) || col < 0 || col >= numCols {
		return ""
	}
	return cellText(s.findings[row], col)
}

// Rows returns the number of findings in the table.
func (s *ScanScreen) Rows() int { return len(s.findings) }

func cellText(f scan.Finding, col int) string {
	switch col {
	case colSeverity:
		return f.Severity.Chinese()
	case colCategory:
		return categoryName(f.Category)
	case colPlace:
		return place(f)
	case colHidden:
		return yesNo(f.Hidden)
	case colText:
		return f.Text
	case colNote:
		return f.Note
	}
	return ""
}

func severityImportance(s scan.Severity) widget.Importance {
	switch s {
	case scan.Critical:
		return widget.DangerImportance
	case scan.High:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

func verdictImportance(fr *scan.FileReport) widget.Importance {
	if fr.Status == scan.StatusUnreadable {
		return widget.DangerImportance
	}
	if fr.Worst == scan.Critical || fr.Worst == scan.High {
		return severityImportance(fr.Worst)
	}
	return widget.SuccessImportance
}
