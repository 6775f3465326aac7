package ui_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"prepub/index"
	"prepub/review"
	"prepub/ui"
)

// TestReportScreen ensures the report opens on the latest year that has decisions, shows section 二 and table 三
// (applications, all zero) with the office's own draft statistics apart, and exports a workbook excelize reopens.
func TestReportScreen(t *testing.T) {
	svc := rqServices(t)
	year := time.Now().Year() - 3
	rqImportCorpus(t, svc, year)
	s, w := officeWindow(t, func(w fyne.Window) *ui.ReportScreen { return ui.NewReportScreen(w, svc, officeDisclosure) })
	done := make(chan struct{}, 1)
	s.OnChanged = func() { done <- struct{}{} }
	s.Reload()
	rqWait(t, done)
	if s.Year() != year || s.Report() == nil || s.Report().Total != 5 {
		t.Fatalf("opened on %d with %+v, want %d, the latest year with decisions", s.Year(), s.Report(), year)
	}
	if s.CellText(2, 0) != "三（一）" || s.CellText(2, 1) != "予以公开" || s.CellText(2, 2) != "0" {
		t.Errorf("三（一） row %q %q %q", s.CellText(2, 0), s.CellText(2, 1), s.CellText(2, 2))
	}
	if !slices.Contains(s.Parts(), "本机关公文统计") || !slices.Contains(s.Parts(), "三、依申请公开") {
		t.Fatalf("parts %v", s.Parts())
	}
	s.ShowPart("二、主动公开")
	for _, want := range []string{"二、主动公开政府信息情况", "行政规范性文件", "本年废止件数", "行政许可 · 本年处理决定数量", "行政事业性收费"} {
		if !rqShows(w, want) {
			t.Errorf("section 二 shows no %q", want)
		}
	}
	s.ShowPart("三、依申请公开")
	if !rqShows(w, "不统计公文稿件") || rqShows(w, "主动公开：3") {
		t.Error("table 三 not titled as applications, or mixed with the draft statistics")
	}
	s.ShowPart("本机关公文统计")
	for _, want := range []string{"本机关公文公开属性统计", "主动公开：3", "依申请公开：1", "不予公开：1", "属于四类过程性信息：1"} {
		if !rqShows(w, want) {
			t.Errorf("own statistics show no %q", want)
		}
	}

	path := filepath.Join(t.TempDir(), "report.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ExportXLSX(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if v, _ := x.GetCellValue("三、收到和处理政府信息公开申请情况", "A6"); v != "三（一）" {
		t.Errorf("A6 %q", v)
	}
	if v, _ := x.GetCellValue("本机关公文公开属性统计", "B3"); v != "3" {
		t.Errorf("own statistics, 主动公开: %q", v)
	}
	if err := s.Load(year - 1); err != nil || s.Report().Total != 0 {
		t.Fatalf("another year: %v %+v", err, s.Report())
	}
}

// TestReportScreen_TypedValues ensures the rows the office types in are saved per year, normalised and audited in
// the core, a wrong number is refused with the core's Chinese message and nothing kept, and a clerk is refused.
func TestReportScreen_TypedValues(t *testing.T) {
	svc := rqServices(t)
	year := time.Now().Year() - 1
	rqImportCorpus(t, svc, year)
	s, w := officeWindow(t, func(w fyne.Window) *ui.ReportScreen { return ui.NewReportScreen(w, svc, officeDisclosure) })
	if err := s.Open(); err != nil || s.Year() != year {
		t.Fatalf("%v %d", err, s.Year())
	}
	test.Type(s.ValueEntry("licensing"), "１２")
	test.Type(s.ValueEntry("fees"), "3.50")
	test.Type(s.ValueEntry("reconsideration.upheld"), "2")
	test.Type(s.ValueEntry("problems"), "公开目录更新不够及时。")
	done := make(chan struct{}, 1)
	s.OnChanged = func() { done <- struct{}{} }
	test.Tap(rqButton(t, w.Content(), "保存填报"))
	rqWait(t, done)
	vals, err := svc.Archive.ReportValues(rqCtx, year)
	if err != nil || vals["licensing"] != "12" || vals["fees"] != "3.5" || vals["reconsideration.upheld"] != "2" || vals["problems"] != "公开目录更新不够及时。" {
		t.Fatalf("kept %v %v", vals, err)
	}
	if got := s.ValueEntry("licensing").Text; got != "12" || !rqShows(w, "已保存") {
		t.Fatalf("entry %q after save; status shown: %v", got, rqShows(w, "已保存"))
	}
	entries, _ := svc.Archive.Store.Audit(rqCtx, 0)
	if last := entries[len(entries)-1]; last.Actor != officeDisclosure.User.Name || !strings.Contains(last.Action, "report") {
		t.Fatalf("last audit entry %+v", last)
	}
	if v, _ := svc.Archive.Verify(rqCtx); !v.OK {
		t.Fatalf("%+v", v)
	}
	if other, _ := svc.Archive.ReportValues(rqCtx, year-1); len(other) != 0 {
		t.Fatalf("another year got values: %v", other)
	}
	var csv bytes.Buffer
	if err := s.ExportCSV(&csv); err != nil || !strings.Contains(csv.String(), "行政许可") || !strings.Contains(csv.String(), ",12") {
		t.Fatalf("csv: %v %q", err, csv.String())
	}

	// The screen reloads itself (tab shown, every 30 s): what is being typed stays.
	test.Type(s.ValueEntry("compulsion"), "5")
	s.Reload()
	rqWait(t, done)
	if got := s.ValueEntry("compulsion").Text; got != "5" || s.ValueEntry("licensing").Text != "12" {
		t.Fatalf("a reload dropped what was typed: %q", got)
	}
	// Another year with unsaved typing asks first, and stays until the person agrees.
	officeSelect(t, w, fmt.Sprintf("%d 年度", year-1)).SetSelected(fmt.Sprintf("%d 年度", year-1))
	if !rqDialogShows(w, "放弃未保存的填报") || s.Report().Year != year {
		t.Fatalf("year changed over unsaved typing: %d; dialog %v", s.Report().Year, rqTexts(w.Canvas().Overlays().Top()))
	}
	w.Canvas().Overlays().Top().Hide()
	s.ValueEntry("compulsion").SetText("")

	s.ValueEntry("penalty").SetText("十二")
	if err := s.Save(); review.ErrorCode(err) != review.ErrInvalid || !rqDialogShows(w, "应填不小于 0 的整数") {
		t.Fatalf("%v; dialog %v", err, rqTexts(w.Canvas().Overlays().Top()))
	}
	if vals, _ := svc.Archive.ReportValues(rqCtx, year); vals["penalty"] != "" {
		t.Fatalf("a refused value was kept: %v", vals)
	}

	clerk := &ui.Session{User: index.User{Name: "张起草", Role: review.RoleClerk}}
	c, _ := officeWindow(t, func(w fyne.Window) *ui.ReportScreen { return ui.NewReportScreen(w, svc, clerk) })
	if err := c.Open(); review.ErrorCode(err) != review.ErrForbidden {
		t.Fatalf("clerk: %v", err)
	}
	c.ValueEntry("licensing").SetText("99")
	if err := c.Save(); review.ErrorCode(err) != review.ErrForbidden {
		t.Fatalf("clerk saves: %v", err)
	}
	if vals, _ := svc.Archive.ReportValues(rqCtx, c.Year()); c.Year() != year || vals["licensing"] != "12" {
		t.Fatalf("a clerk's value was kept: %v", vals)
	}
}
