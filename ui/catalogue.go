package ui

import (
	"context"
	"fmt"
	"io"
	"slices"
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

// Columns of the catalogue's table.
var (
	catalogueColTitles = []string{"索引号", "信息名称", "有效性", "发布日期", "文号", "主题分类"}
	catalogueColWidths = []float32{180, 260, 64, 100, 150, 130}
)

// CatalogueScreen is the disclosure office's public catalogue (政府信息公开目录)
// of a year: its entries listed; a field of one corrected, or the document
// marked repealed (废止) or expired (失效) from a date or in force again, each
// audited in the core; the year exported as Excel or CSV.
type CatalogueScreen struct {
	// OnChanged, when set, is called on the UI goroutine after a background load, action or export has been shown.
	OnChanged func()

	win  fyne.Window
	svc  *Services
	sess *Session

	root     fyne.CanvasObject
	year     *widget.Select
	years    []int
	table    *helpTable
	status   *wrapLabel
	heading  *widget.Label
	detail   *fyne.Container
	empty    *wrapLabel
	fields   map[string]*widget.Entry // the correctable fields of the entry on show, by key
	note     *helpEntry
	validity *wrapLabel
	correct  *widget.Button
	repeal   *widget.Button
	expire   *widget.Button
	restore  *widget.Button
	xlsx     *widget.Button
	csv      *widget.Button

	entries []index.CatalogueEntry
	current int64             // the record whose entry is on show, 0 for none
	shown   map[string]string // its fields as last shown
	opened  bool              // the first load has looked for the latest year with decisions
	pending int
}

// catalogueData is one load of a year's catalogue.
type catalogueData struct {
	year    int
	entries []index.CatalogueEntry
	err     error
}

// NewCatalogueScreen builds the catalogue for the signed-in user, set to last
// year until its first load finds the latest year with decisions.
func NewCatalogueScreen(win fyne.Window, svc *Services, sess *Session) *CatalogueScreen {
	s := &CatalogueScreen{win: win, svc: svc, sess: sess, fields: map[string]*widget.Entry{}}
	this := time.Now().Year()
	var opts []string
	for y := this; y >= this-10; y-- {
		s.years = append(s.years, y)
		opts = append(opts, fmt.Sprintf(lang.L("%d 年度"), y))
	}
	s.year = newSelect(opts, nil)
	s.year.SetSelectedIndex(1)
	s.year.OnChanged = func(string) { s.Reload() }
	s.xlsx = widget.NewButtonWithIcon(lang.L("导出 Excel…"), theme.DownloadIcon(), func() { s.askSave(".xlsx", s.ExportXLSX) })
	s.csv = widget.NewButtonWithIcon(lang.L("导出 CSV…"), theme.DownloadIcon(), func() { s.askSave(".csv", s.ExportCSV) })
	s.status = newWrapLabel("")
	s.status.Hide()
	s.heading = widget.NewLabel("")
	s.heading.TextStyle = fyne.TextStyle{Bold: true}

	s.table = newTextTable(s.tableSize, s.updateCell, s.updateHeader, catalogueColWidths)
	s.table.OnSelected = s.onCellSelected

	form := container.New(layout.NewFormLayout())
	for _, f := range index.CatalogueFields {
		form.Add(widget.NewLabel(f.Name))
		if f.Key == index.FieldWritten || f.Key == index.FieldPublished {
			d := newDateField(win, f.Name, nil)
			s.fields[f.Key] = d.Entry()
			form.Add(d)
			continue
		}
		e := newHelpEntry(false)
		s.fields[f.Key] = &e.Entry
		form.Add(e)
	}
	s.note = newHelpEntry(false)
	s.note.SetPlaceHolder(lang.L("更正说明（记入办理记录）"))
	form.Add(widget.NewLabel(lang.L("更正说明")))
	form.Add(s.note)
	s.correct = widget.NewButtonWithIcon(lang.L("保存更正"), theme.DocumentSaveIcon(), s.onCorrectTapped)
	s.correct.Importance = widget.HighImportance
	s.validity = newWrapLabel("")
	s.repeal = widget.NewButton(lang.L("标为废止…"), func() { s.askValidity(index.Repealed) })
	s.repeal.Importance = widget.DangerImportance
	s.expire = widget.NewButton(lang.L("标为失效…"), func() { s.askValidity(index.Expired) })
	s.restore = widget.NewButton(lang.L("恢复有效…"), func() { s.askValidity(index.InForce) })
	s.detail = container.NewVBox(queueSection(lang.L("目录字段（索引号由系统编排，不能更正）")), form,
		container.NewHBox(layout.NewSpacer(), s.correct),
		queueSection(lang.L("有效性")), s.validity, container.NewHBox(s.repeal, s.expire, s.restore))
	s.detail.Hide()
	s.empty = newWrapLabel(lang.L("请在左侧选择一条目录。"))

	bar := container.NewHBox(widget.NewLabel(lang.L("年度")), s.year, layout.NewSpacer(), s.csv, s.xlsx)
	split := container.NewHSplit(container.NewBorder(s.heading, nil, nil, nil, s.table),
		container.NewVScroll(container.NewStack(s.empty, s.detail)))
	split.Offset = 0.6
	s.root = container.NewBorder(container.NewVBox(bar, s.status), nil, nil, nil, split)
	s.show(catalogueData{year: s.Year()})
	return s
}

// Content returns the screen's widgets.
func (s *CatalogueScreen) Content() fyne.CanvasObject { return s.root }

// Reload reads the selected year's catalogue in the background; the first
// time, the year is the latest one that has decisions.
func (s *CatalogueScreen) Reload() {
	year, first := s.Year(), !s.opened
	who := s.sess.Actor()
	runLatest(&s.pending, func() func() {
		if first {
			year, _ = yearToOpen(s.svc.backend(), who, year)
		}
		d := s.fetch(who, year)
		return func() {
			s.opened = true
			s.show(d)
			s.changed()
		}
	})
}

// Open finds the latest year that has decisions and shows its catalogue
// before returning; call it on the UI goroutine.
func (s *CatalogueScreen) Open() error {
	year, err := yearToOpen(s.svc.backend(), s.sess.Actor(), s.Year())
	if err != nil {
		s.setStatus(lang.L("无法读取公开目录：")+review.ErrorMessage(err), widget.DangerImportance)
		return err
	}
	s.opened = true
	return s.Load(year)
}

// Load reads a year's catalogue and shows it before returning; call it on the UI goroutine.
func (s *CatalogueScreen) Load(year int) error {
	s.pending++
	d := s.fetch(s.sess.Actor(), year)
	s.show(d)
	return d.err
}

// fetch reads a year's catalogue; it touches no widget.
func (s *CatalogueScreen) fetch(who review.Actor, year int) catalogueData {
	entries, err := s.svc.backend().CatalogueEntries(context.Background(), who, year)
	return catalogueData{year: year, entries: entries, err: err}
}

// Year returns the year selected.
func (s *CatalogueScreen) Year() int {
	if i := s.year.SelectedIndex(); i >= 0 {
		return s.years[i]
	}
	return time.Now().Year() - 1
}

// Entries returns the entries listed, in index number order.
func (s *CatalogueScreen) Entries() []index.CatalogueEntry { return s.entries }

// Selected returns the entry on show, or nil.
func (s *CatalogueScreen) Selected() *index.CatalogueEntry {
	if i := s.indexOf(s.current); i >= 0 {
		return &s.entries[i]
	}
	return nil
}

// Select shows the entry of the record with this ID; false when it is not listed.
func (s *CatalogueScreen) Select(id int64) bool {
	i := s.indexOf(id)
	if i < 0 {
		return false
	}
	s.table.Select(widget.TableCellID{Row: i, Col: 0})
	return true
}

// ExportXLSX writes the year's catalogue as an .xlsx workbook.
func (s *CatalogueScreen) ExportXLSX(w io.Writer) error {
	return index.WriteCatalogueXLSX(w, s.Year(), s.entries)
}

// ExportCSV writes the year's catalogue as CSV.
func (s *CatalogueScreen) ExportCSV(w io.Writer) error { return index.WriteCatalogueCSV(w, s.entries) }

// show lists a year's entries, keeping the one on show when it is still there.
func (s *CatalogueScreen) show(d catalogueData) {
	s.selectYear(d.year)
	s.entries = d.entries
	if d.err != nil {
		fyne.LogError("catalogue", d.err)
		s.entries = nil
		s.setStatus(lang.L("无法读取公开目录：")+review.ErrorMessage(d.err), widget.DangerImportance)
	} else {
		s.status.Hide()
	}
	s.heading.SetText(fmt.Sprintf(lang.L("%d 年政府信息公开目录：%d 条"), d.year, len(s.entries)))
	s.table.Refresh()
	if s.entries == nil {
		s.xlsx.Disable()
		s.csv.Disable()
	} else {
		s.xlsx.Enable()
		s.csv.Enable()
	}
	s.display(s.indexOf(s.current))
}

// selectYear shows a year in the year select, without loading it; a year not offered is added.
func (s *CatalogueScreen) selectYear(year int) {
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
	if s.year.SelectedIndex() != i {
		s.year.OnChanged = nil
		s.year.SetSelectedIndex(i)
		s.year.OnChanged = func(string) { s.Reload() }
	}
}

// display shows the entry at index i, or nothing when i < 0.
func (s *CatalogueScreen) display(i int) {
	if i < 0 || i >= len(s.entries) {
		s.current = 0
		s.detail.Hide()
		s.empty.SetText(lang.L("请在左侧选择一条目录。"))
		if len(s.entries) == 0 {
			s.empty.SetText(lang.L("这一年没有编入目录的文件：签发决定主动公开的稿件才编入目录。"))
		}
		s.empty.Show()
		return
	}
	e := &s.entries[i]
	same := e.ID == s.current
	s.current = e.ID
	vals := catalogueValues(e)
	for k, v := range vals {
		if !same || s.fields[k].Text == s.shown[k] { // a reload keeps what is being typed
			s.fields[k].SetText(v)
		}
	}
	s.shown = vals
	if !same {
		s.note.SetText("")
	}
	text := fmt.Sprintf(lang.L("索引号 %s　第 %d 号记录　现为：%s"), e.IndexNo, e.ID, e.Validity)
	if e.ValiditySince != "" {
		text += fmt.Sprintf(lang.L("（自 %s 起）"), e.ValiditySince)
	}
	s.validity.SetText(text)
	if e.ValidityCode == index.InForce {
		s.repeal.Enable()
		s.expire.Enable()
		s.restore.Disable()
	} else {
		s.repeal.Disable()
		s.expire.Disable()
		s.restore.Enable()
	}
	s.empty.Hide()
	s.detail.Show()
}

// indexOf returns the table row of the record's entry, or -1.
func (s *CatalogueScreen) indexOf(id int64) int {
	return slices.IndexFunc(s.entries, func(r index.CatalogueEntry) bool { return id != 0 && r.ID == id })
}

// onCellSelected shows the picked entry.
func (s *CatalogueScreen) onCellSelected(id widget.TableCellID) {
	s.status.Hide()
	s.display(id.Row)
}

// askSave shows the save dialog and writes the catalogue to the place chosen.
func (s *CatalogueScreen) askSave(ext string, write func(io.Writer) error) {
	name := fmt.Sprintf(lang.L("政府信息公开目录-%d%s"), s.Year(), ext)
	askExport(s.win, name, ext, write, func(path string, err error) {
		if err == nil {
			s.setStatus(lang.L("已导出：")+path, widget.SuccessImportance)
		}
		s.changed()
	})
}

// setStatus shows a line under the toolbar.
func (s *CatalogueScreen) setStatus(text string, imp widget.Importance) {
	showStatus(s.status, text, imp)
}

// changed tells OnChanged that a background result is on screen.
func (s *CatalogueScreen) changed() { notify(s.OnChanged) }

func (s *CatalogueScreen) tableSize() (int, int) { return len(s.entries), len(catalogueColTitles) }

func (s *CatalogueScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row >= len(s.entries) {
		return
	}
	e := &s.entries[id.Row]
	o.(*widget.Label).SetText([]string{e.IndexNo, e.Title, e.Validity, e.Published, e.DocNo, e.Category}[id.Col])
}

func (s *CatalogueScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Col >= 0 && id.Col < len(catalogueColTitles) {
		o.(*widget.Label).SetText(lang.L(catalogueColTitles[id.Col]))
	}
}
