package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/review"
)

// The report's items typed in by the office (index.ReportItems): laid out in
// section 二's and 四's tables and in 五–六, checked as the core checks them,
// and saved through the backend, audited, for the year on show.

// reportSection2Headings are the columns of section 二's first table (Art. 20 item (一)).
var reportSection2Headings = []string{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"}

// section2 lays out section 二: the archive's rows, then the rows typed in from other systems.
func (s *ReportScreen) section2() fyne.CanvasObject {
	box := container.NewVBox(queueSection(lang.L("二、主动公开政府信息情况")),
		widget.NewLabel(lang.L("第二十条第（一）项：规章和行政规范性文件（由档案库统计，废止以政务公开办的标注为准）")), s.sec2,
		widget.NewLabel(lang.L("第二十条第（五）、（六）、（八）项：由其他系统的数据填报")))
	form := container.New(layout.NewFormLayout())
	for _, it := range index.ReportItems {
		if it.Section == "二" {
			form.Add(widget.NewLabel(it.Label + " · " + it.Column))
			form.Add(s.entries[it.Key])
		}
	}
	box.Add(form)
	return box
}

// section4 lays out section 四: reconsideration and litigation by result, typed in.
func (s *ReportScreen) section4() fyne.CanvasObject {
	var cols []string
	var rows []string
	for _, it := range index.ReportItems {
		if it.Section != "四" {
			continue
		}
		group, col, _ := strings.Cut(it.Key, ".")
		if len(rows) == 0 || rows[len(rows)-1] != group {
			rows = append(rows, group)
		}
		if len(rows) == 1 {
			cols = append(cols, col)
		}
	}
	grid := container.New(newLabelledGridLayout(len(cols) + 1))
	grid.Add(widget.NewLabel(""))
	for _, c := range cols {
		it, _ := index.LookupReportItem(rows[0] + "." + c)
		grid.Add(reportBold(it.Column))
	}
	for _, r := range rows {
		it, _ := index.LookupReportItem(r + "." + cols[0])
		name := it.Label
		if it.Group != it.Label {
			name = it.Group + " · " + name
		}
		grid.Add(widget.NewLabel(name))
		for _, c := range cols {
			grid.Add(s.entries[r+"."+c])
		}
	}
	return container.NewVBox(queueSection(lang.L("四、政府信息公开行政复议、行政诉讼情况")), grid)
}

// reportBold is a bold label, a column heading of a typed-in table.
func reportBold(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

// reportPlaceholder is what an empty entry says to type.
func reportPlaceholder(it index.ReportItem) string {
	switch it.Kind {
	case index.ItemCount:
		return lang.L("件数，如 12")
	case index.ItemAmount:
		return lang.L("万元，如 12.5")
	}
	return lang.L("未填")
}

// reportValidator checks a typed value as the core will (index.ReportItem.Normalize).
func reportValidator(it index.ReportItem) fyne.StringValidator {
	return func(text string) error {
		_, err := it.Normalize(text)
		if err != nil {
			return userError(review.ErrorMessage(err))
		}
		return nil
	}
}

// ValueEntry returns the entry of a typed-in item (index.ReportItems), or nil.
func (s *ReportScreen) ValueEntry(key string) *widget.Entry {
	if e := s.entries[key]; e != nil {
		return &e.Entry
	}
	return nil
}

// Save keeps the typed-in items changed since the last load, in the core
// and audited, and shows the report again before returning; call it on the
// UI goroutine. A value the core refuses is shown with its Chinese message
// and nothing is kept.
func (s *ReportScreen) Save() error {
	year, vals := s.Year(), s.edits()
	s.pending++
	err := s.store(year, vals)
	var rep *index.Report
	if err == nil {
		rep, err = s.svc.backend().Report(context.Background(), s.sess.Actor(), year)
	}
	s.showSaved(year, vals, rep, err)
	return err
}

// edits returns the typed-in items whose text differs from what was loaded.
func (s *ReportScreen) edits() map[string]string {
	out := map[string]string{}
	for k, e := range s.entries {
		if e.Text != s.saved[k] {
			out[k] = e.Text
		}
	}
	return out
}

// store sends the changed items to the core; nothing changed is not a save.
func (s *ReportScreen) store(year int, vals map[string]string) error {
	if len(vals) == 0 {
		return nil
	}
	_, err := s.svc.backend().SetReportValues(context.Background(), s.sess.Actor(), year, vals)
	return err
}

// showSaved shows the outcome of a save: the refusal, or the report with what was kept.
func (s *ReportScreen) showSaved(year int, vals map[string]string, rep *index.Report, err error) {
	if err != nil {
		if review.ErrorCode(err) == review.ErrInternal {
			fyne.LogError("save report values", err)
		}
		s.setStatus(lang.L("未能保存：")+review.ErrorMessage(err), widget.DangerImportance)
		showError(s.win, lang.L("未能保存"), err, "")
		return
	}
	for k, v := range vals {
		s.saved[k] = v // saved: the report's value, normalised, replaces what was sent
	}
	s.show(rep, nil)
	if len(vals) == 0 {
		s.setStatus(lang.L("没有改动需要保存。"), widget.MediumImportance)
		return
	}
	s.setStatus(fmt.Sprintf(lang.L("已保存 %d 年度的 %d 项填报数据，已记入审计链。"), year, len(vals)), widget.SuccessImportance)
}

// onYearChanged builds the newly selected year's report, once the person
// agrees to drop what they typed and did not save.
func (s *ReportScreen) onYearChanged(string) {
	if s.report == nil || s.report.Year == s.Year() || len(s.edits()) == 0 {
		s.Reload()
		return
	}
	was := s.report.Year
	m := newModal(s.win)
	text := newWrapLabel(fmt.Sprintf(lang.L("%d 年度有 %d 项填报尚未保存，换年度将放弃这些改动。"), was, len(s.edits())))
	keys := m.keys(text)
	d := dialog.NewCustomConfirm(lang.L("放弃未保存的填报？"), lang.L("放弃"), lang.L("取消"), keys, func(ok bool) {
		if ok {
			s.Reload()
		} else {
			s.selectYear(was)
		}
	}, s.win)
	d.Resize(fyne.NewSize(messageWidth, 200))
	m.show(d, keys)
}

// onSaveTapped keeps the changed items off the UI goroutine and shows the outcome.
func (s *ReportScreen) onSaveTapped() {
	year, vals := s.Year(), s.edits()
	s.save.Disable()
	runLatest(&s.pending, func() func() {
		err := s.store(year, vals)
		var rep *index.Report
		if err == nil {
			rep, err = s.svc.backend().Report(context.Background(), s.sess.Actor(), year)
		}
		return func() {
			s.save.Enable()
			s.showSaved(year, vals, rep, err)
			s.changed()
		}
	})
}
