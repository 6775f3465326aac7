package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"prepub/review/extract"
	"prepub/review/scan"
)

// Columns of the batch results table, and of the exported sheet.
const (
	batchColFile = iota
	batchColStatus
	batchColWorst
	batchColCritical
	batchColHigh
	batchColMedium
	batchColLow
	batchColReason
	batchNumCols
)

var (
	batchTitles = [batchNumCols]string{"文件", "状态", "最严重程度", "严重", "高", "中", "低", "原因"}
	batchWidths = [batchNumCols]float32{260, 80, 90, 50, 50, 50, 50, 330}
	// batchSeverities are the severities counted, in column order.
	batchSeverities = []scan.Severity{scan.Critical, scan.High, scan.Medium, scan.Low}
)

// batchSheet is the name of the exported sheet.
const batchSheet = "检查结果"

// BatchScreen checks every file in a folder with the secrecy scan and lists the outcome of
// each, for export to Excel. A file that cannot be read is listed as 无法检查, never as clean.
type BatchScreen struct {
	win    fyne.Window
	svc    *Services
	limits extract.Limits

	root     fyne.CanvasObject
	choose   *widget.Button
	stop     *widget.Button
	export   *widget.Button
	folder   *widget.Label
	progress *widget.ProgressBar
	status   *wrapLabel
	table    *helpTable

	rows   []batchRow
	cancel context.CancelFunc // stops the scan under way, nil when none is
	run    int                // number of the latest scan started; older results are dropped
}

// batchRow is the outcome of one file.
type batchRow struct {
	file    string // path relative to the folder
	checked bool
	worst   scan.Severity
	counts  [4]int // by batchSeverities
	reason  string
}

// batchItem is one file to check, or a folder that could not be listed.
type batchItem struct {
	path, rel string
	err       error
}

// NewBatchScreen builds the batch check screen.
func NewBatchScreen(win fyne.Window, svc *Services) *BatchScreen {
	s := &BatchScreen{win: win, svc: svc, limits: extract.DefaultLimits()}
	s.choose = widget.NewButtonWithIcon(lang.L("选择文件夹…"), theme.FolderOpenIcon(), s.onChooseTapped)
	s.choose.Importance = widget.HighImportance
	s.stop = widget.NewButtonWithIcon(lang.L("取消"), theme.CancelIcon(), s.onCancelTapped)
	s.stop.Disable()
	s.export = widget.NewButtonWithIcon(lang.L("导出 Excel…"), theme.DocumentSaveIcon(), s.onExportTapped)
	s.export.Disable()
	s.folder = widget.NewLabel(lang.L("请选择要检查的文件夹：其中的文件（含子文件夹，隐藏文件除外）都会逐一检查"))
	s.folder.Truncation = fyne.TextTruncateEllipsis
	s.progress = widget.NewProgressBar()
	s.progress.Hide()
	s.status = newWrapLabel("")

	s.table = newTextTable(s.tableSize, s.updateCell, s.updateHeader, batchWidths[:])
	bar := container.NewBorder(nil, nil, s.choose, container.NewHBox(s.stop, s.export), s.folder)
	s.root = container.NewBorder(container.NewVBox(bar, s.progress, s.status), nil, nil, nil, s.table)
	return s
}

// Content returns the screen's widgets.
func (s *BatchScreen) Content() fyne.CanvasObject { return s.root }

// Reload does nothing: the table is the last run's, and the core holds nothing to fetch for it.
func (s *BatchScreen) Reload() {}

// ScanFolder checks every file under dir in the background, showing progress, and lists them when done.
func (s *BatchScreen) ScanFolder(dir string) {
	ctx := s.start(dir)
	n := s.run
	go func() {
		rows, err := s.scanFolder(ctx, dir, func(done, total int) {
			fyne.Do(func() {
				if n == s.run {
					s.showProgress(done, total)
				}
			})
		})
		fyne.Do(func() {
			if n == s.run {
				s.show(dir, rows, err)
			}
		})
	}()
}

// CheckFolder checks every file under dir and lists them before returning; call it on the UI goroutine.
func (s *BatchScreen) CheckFolder(dir string) error {
	ctx := s.start(dir)
	rows, err := s.scanFolder(ctx, dir, nil)
	s.show(dir, rows, err)
	return err
}

// start stops any scan under way and says a new one is running; it returns the new scan's context.
func (s *BatchScreen) start(dir string) context.Context {
	if s.cancel != nil {
		s.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.run++
	s.folder.SetText(lang.L("文件夹：") + dir)
	s.status.SetText(lang.L("正在列出文件…"))
	s.progress.SetValue(0)
	s.progress.Show()
	s.stop.Enable()
	s.export.Disable()
	s.rows = nil
	s.table.Refresh()
	return ctx
}

// showProgress moves the progress bar.
func (s *BatchScreen) showProgress(done, total int) {
	s.progress.Max = float64(max(total, 1))
	s.progress.SetValue(float64(done))
	s.status.SetText(fmt.Sprintf(lang.L("正在检查：%d / %d"), done, total))
}

// show ends a scan: the table and its totals, or the error that stopped it.
func (s *BatchScreen) show(dir string, rows []batchRow, err error) {
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
	s.stop.Disable()
	s.progress.Hide()
	s.rows = rows
	s.table.Refresh()
	s.table.ScrollToTop()
	if err != nil {
		s.status.SetText(lang.L("无法检查此文件夹。"))
		showError(s.win, lang.L("无法读取文件夹"), err, lang.L("无法读取文件夹 ")+dir+lang.L("：请确认文件夹存在且有读取权限后重试。"))
		return
	}
	if len(rows) > 0 {
		s.export.Enable()
	}
	s.status.SetText(batchSummary(rows))
}

// Status returns the line under the progress bar.
func (s *BatchScreen) Status() string { return s.status.Text }

// Rows returns the number of files in the table.
func (s *BatchScreen) Rows() int { return len(s.rows) }

// CellText returns the text the table shows at row, col, or "" outside it.
func (s *BatchScreen) CellText(row, col int) string {
	if row < 0 || row >= len(s.rows) || col < 0 || col >= batchNumCols {
		return ""
	}
	return s.rows[row].cell(col)
}

// batchSummary totals a finished scan.
func batchSummary(rows []batchRow) string {
	checked, unreadable, stopped, worst := 0, 0, 0, map[scan.Severity]int{}
	for _, r := range rows {
		switch {
		case r.checked:
			checked++
			worst[r.worst]++
		case r.reason == lang.L(batchCancelled):
			stopped++
		default:
			unreadable++
		}
	}
	t := fmt.Sprintf(lang.L("共 %d 个文件：已检查 %d，无法检查 %d。已检查的文件中，有严重问题 %d 个，有高风险问题 %d 个。"),
		len(rows), checked, unreadable+stopped, worst[scan.Critical], worst[scan.High])
	if stopped > 0 {
		t = fmt.Sprintf(lang.L("已取消：%d 个文件未检查。"), stopped) + t
	}
	if unreadable+stopped > 0 {
		t += lang.L("无法检查的文件不能视为通过。")
	}
	return t
}

// batchCancelled is the reason given for a file left unchecked when the scan was cancelled.
const batchCancelled = "检查已取消，此文件未检查"

// scanFolder lists and checks the files under dir, several at a time; it touches no widget.
// progress, when not nil, is told how many are done, from the checking goroutines.
func (s *BatchScreen) scanFolder(ctx context.Context, dir string, progress func(done, total int)) ([]batchRow, error) {
	items, err := batchFiles(dir)
	if err != nil {
		return nil, err
	}
	rows := make([]batchRow, len(items))
	var done atomic.Int64
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), 4, max(len(items), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if ctx.Err() != nil {
					rows[i] = batchRow{file: items[i].rel, reason: lang.L(batchCancelled)}
				} else {
					rows[i] = s.check(items[i])
				}
				if progress != nil {
					progress(int(done.Add(1)), len(items))
				}
			}
		}()
	}
	for i := range items {
		next <- i
	}
	close(next)
	wg.Wait()
	return rows, nil
}

// check scans one file; a panic in the scan makes it unreadable rather than ending the program.
func (s *BatchScreen) check(it batchItem) (row batchRow) {
	row.file = it.rel
	if it.err != nil {
		row.reason = lang.L("无法打开此文件夹，请确认有读取权限")
		return row
	}
	defer func() {
		if r := recover(); r != nil {
			fyne.LogError("batch "+it.path, fmt.Errorf("panic: %v", r))
			row = batchRow{file: it.rel, reason: lang.L("检查时程序出错，请把此文件交给技术人员")}
		}
	}()
	fr := s.svc.scanner().ScanFile(it.path, s.limits, scan.Options{})
	if fr.Detail != "" {
		fyne.LogError("batch "+it.path, errors.New(fr.Detail))
	}
	if fr.Status != scan.StatusChecked {
		row.reason = strings.TrimSuffix(strings.TrimPrefix(fr.Reason, "无法检查："), "。")
		return row
	}
	row.checked, row.worst, row.reason = true, fr.Worst, fr.Reason
	for _, f := range fr.Findings {
		for i, sev := range batchSeverities {
			if f.Severity == sev {
				row.counts[i]++
			}
		}
	}
	return row
}

// batchFiles lists the files under dir a check reads (extract.FolderFiles), each named by its path under dir.
func batchFiles(dir string) ([]batchItem, error) {
	files, err := extract.FolderFiles(dir)
	out := make([]batchItem, len(files))
	for i, f := range files {
		out[i] = batchItem{path: f.Path, rel: batchRel(dir, f.Path), err: f.Err}
	}
	return out, err
}

// batchRel names a file by its path under the folder.
func batchRel(dir, path string) string {
	if rel, err := filepath.Rel(dir, path); err == nil {
		return rel
	}
	return path
}

// cell returns the text of one column of a row.
func (r batchRow) cell(col int) string {
	switch col {
	case batchColFile:
		return r.file
	case batchColStatus:
		if r.checked {
			return lang.L("已检查")
		}
		return lang.L("无法检查")
	case batchColWorst:
		switch {
		case !r.checked:
			return "—"
		case r.worst == "":
			return lang.L("无")
		}
		return r.worst.Chinese()
	case batchColCritical, batchColHigh, batchColMedium, batchColLow:
		if !r.checked {
			return ""
		}
		return fmt.Sprint(r.counts[col-batchColCritical])
	case batchColReason:
		return r.reason
	}
	return ""
}

// ExportXLSX writes the table as an .xlsx workbook: one sheet, Chinese headers, counts as numbers.
func (s *BatchScreen) ExportXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := batchFill(f, s.rows); err != nil {
		return fmt.Errorf("batch xlsx: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("batch xlsx: %w", err)
	}
	return nil
}

// batchFill lays the rows out on the workbook's only sheet.
func batchFill(f *excelize.File, rows []batchRow) error {
	if err := f.SetSheetName(f.GetSheetName(0), batchSheet); err != nil {
		return err
	}
	head := make([]any, batchNumCols)
	for i, t := range batchTitles {
		head[i] = t
	}
	if err := f.SetSheetRow(batchSheet, "A1", &head); err != nil {
		return err
	}
	for i, r := range rows {
		vals := make([]any, batchNumCols)
		for c := range vals {
			switch {
			case r.checked && c >= batchColCritical && c <= batchColLow:
				vals[c] = r.counts[c-batchColCritical]
			case r.cell(c) != "":
				vals[c] = r.cell(c)
			}
		}
		cell, err := excelize.CoordinatesToCellName(1, i+2)
		if err != nil {
			return err
		}
		if err := f.SetSheetRow(batchSheet, cell, &vals); err != nil {
			return err
		}
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	last, err := excelize.ColumnNumberToName(batchNumCols)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(batchSheet, "A1", last+"1", bold); err != nil {
		return err
	}
	for c, w := range []float64{40, 10, 12, 6, 6, 6, 6, 60} {
		name, err := excelize.ColumnNumberToName(c + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(batchSheet, name, name, w); err != nil {
			return err
		}
	}
	return f.SetPanes(batchSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// onChooseTapped asks for a folder and checks it.
func (s *BatchScreen) onChooseTapped() {
	showFileDialog(dialog.NewFolderOpen(s.onFolderChosen, s.win), s.win, lang.L("检查"))
}

// onFolderChosen checks the folder picked in the dialog.
func (s *BatchScreen) onFolderChosen(u fyne.ListableURI, err error) {
	if err != nil {
		showError(s.win, lang.L("无法打开文件夹"), err, lang.L("无法打开所选文件夹：请确认文件夹存在且有读取权限后重试。"))
		return
	}
	if u == nil {
		return // cancelled
	}
	s.ScanFolder(u.Path())
}

// onCancelTapped stops the scan under way; the files checked so far are listed.
func (s *BatchScreen) onCancelTapped() {
	if s.cancel != nil {
		s.cancel()
		s.status.SetText(lang.L("正在取消…"))
	}
}

// onExportTapped asks where to save the table and writes it there as .xlsx.
func (s *BatchScreen) onExportTapped() {
	d := dialog.NewFileSave(s.onExportChosen, s.win)
	d.SetFileName(lang.L("批量检查结果.xlsx"))
	showFileDialog(d, s.win, lang.L("保存"), ".xlsx")
}

// onExportChosen writes the workbook to the file picked in the save dialog.
func (s *BatchScreen) onExportChosen(w fyne.URIWriteCloser, err error) {
	if err != nil {
		showError(s.win, lang.L("无法保存"), err, lang.L("无法保存到所选位置：请换一个有写入权限的文件夹后重试。"))
		return
	}
	if w == nil {
		return // cancelled
	}
	err = s.ExportXLSX(w)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		showError(s.win, lang.L("导出失败"), err, lang.L("导出 Excel 没有成功：请确认磁盘有空间、文件没有在 Excel 中打开后重试。"))
		return
	}
	s.status.SetText(s.status.Text + lang.L("\n已导出：") + w.URI().Path())
}

func (s *BatchScreen) tableSize() (int, int) { return len(s.rows), batchNumCols }

func (s *BatchScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row >= len(s.rows) {
		l.SetText("")
		return
	}
	r := s.rows[id.Row]
	l.Importance = widget.MediumImportance
	switch {
	case id.Col == batchColStatus && !r.checked:
		l.Importance = widget.DangerImportance
	case id.Col == batchColWorst && r.checked:
		l.Importance = severityImportance(r.worst)
	}
	l.SetText(r.cell(id.Col))
}

func (s *BatchScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Col >= 0 && id.Col < batchNumCols {
		o.(*widget.Label).SetText(lang.L(batchTitles[id.Col]))
	}
}
