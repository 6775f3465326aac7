package ui_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"prepub/index"
	"prepub/review"
	"prepub/ui"
)

// catSigned submits a public draft and has the deputy head sign it, which enters it in the catalogue.
func catSigned(t *testing.T, svc *ui.Services, name, text string) *index.Record {
	t.Helper()
	rec, err := svc.Desk.Submit(rqCtx, rqClerk, "县应急管理局", name, []byte(text), review.Decision{Attribute: review.Public})
	if err != nil {
		t.Fatal(err)
	}
	if rec, err = svc.Desk.Act(rqCtx, rec.ID, rqDeputy.Actor(), review.ActionSign, -1, "同意"); err != nil || rec.State != review.StatePublished {
		t.Fatalf("sign: %v %+v", err, rec)
	}
	return rec
}

// TestCatalogueScreen ensures the disclosure office sees the year's catalogue, corrects a field and marks a
// document repealed and in force again, each kept and audited in the core, and exports the year; a wrong
// date is refused with the core's Chinese message.
func TestCatalogueScreen(t *testing.T) {
	svc := rqServices(t)
	a := catSigned(t, svc, "a.txt", rqPublicText)
	b := catSigned(t, svc, "b.txt", "关于开展安全生产大检查的通知\n各乡镇：\n请认真组织检查。\n")
	s, w := officeWindow(t, func(w fyne.Window) *ui.CatalogueScreen { return ui.NewCatalogueScreen(w, svc, officeDisclosure) })
	done := make(chan struct{}, 1)
	s.OnChanged = func() { done <- struct{}{} }
	s.Reload()
	rqWait(t, done)
	year := time.Now().Year()
	if s.Year() != year || len(s.Entries()) != 2 || !rqShows(w, "政府信息公开目录：2 条") {
		t.Fatalf("year %d, entries %+v", s.Year(), s.Entries())
	}
	if !s.Select(b.ID) || s.FieldEntry(index.FieldTitle).Text != b.Title || !rqShows(w, "现为：有效") {
		t.Fatalf("entry of %d not on show: %q", b.ID, s.FieldEntry(index.FieldTitle).Text)
	}

	test.Type(s.FieldEntry(index.FieldDocNo), "县政办发〔2026〕3号")
	s.Reload() // as the tab does when shown, and every 30 s: what is being typed stays
	rqWait(t, done)
	if got := s.FieldEntry(index.FieldDocNo).Text; got != "县政办发〔2026〕3号" {
		t.Fatalf("a reload dropped what was typed: %q", got)
	}
	s.FieldEntry(index.FieldWritten).SetText("")
	test.Type(s.FieldEntry(index.FieldWritten), "2026-03-01")
	test.Type(rqFind(w.Content(), func(e rqField) bool { return strings.HasPrefix(e.Base().PlaceHolder, "更正说明") }).Base(), "补录文号和成文日期")
	test.Tap(rqButton(t, w.Content(), "保存更正"))
	rqWait(t, done)
	e, err := svc.Archive.CatalogueEntry(rqCtx, b.ID, "")
	if err != nil || e.DocNo != "县政办发〔2026〕3号" || e.Written != "2026-03-01" || !rqShows(w, "已更正 2 个字段") {
		t.Fatalf("%v %+v", err, e)
	}
	rec, _ := svc.Archive.Store.Get(rqCtx, b.ID)
	if h := rec.History[len(rec.History)-1]; h.Action != index.ActionCatalogueCorrect || h.User != officeDisclosure.User.Name || !strings.Contains(h.Note, "补录文号和成文日期") {
		t.Fatalf("history %+v", h)
	}

	s.FieldEntry(index.FieldPublished).SetText("2026/3/1")
	if err := s.Correct(); review.ErrorCode(err) != review.ErrInvalid || !rqDialogShows(w, "应为 YYYY-MM-DD") {
		t.Fatalf("%v; dialog %v", err, rqTexts(w.Canvas().Overlays().Top()))
	}
	if e, _ := svc.Archive.CatalogueEntry(rqCtx, b.ID, ""); e.Published == "2026/3/1" {
		t.Fatal("a refused date was kept")
	}

	today := time.Now().Format(time.DateOnly)
	if err := s.SetValidity(index.Repealed, today, "已被新文件替代"); err != nil {
		t.Fatal(err)
	}
	if got := s.Selected(); got == nil || got.ID != b.ID || got.Validity != "废止" || !rqShows(w, "已标为废止") {
		t.Fatalf("%+v", got)
	}
	test.Tap(rqButton(t, w.Content(), "恢复有效…"))
	test.Tap(rqButton(t, w.Canvas().Overlays().Top(), "确定"))
	rqWait(t, done)
	if got := s.Selected(); got == nil || got.Validity != "有效" {
		t.Fatalf("not reinstated: %+v; status %v", got, rqTexts(w.Content()))
	}
	if m, _ := svc.Archive.Validity(rqCtx, b.ID); m == nil || m.Status != index.InForce {
		t.Fatalf("mark %+v", m)
	}
	if m, _ := svc.Archive.Validity(rqCtx, a.ID); m != nil {
		t.Fatalf("the other entry was marked: %+v", m)
	}
	if v, _ := svc.Archive.Verify(rqCtx); !v.OK {
		t.Fatalf("%+v", v)
	}

	var csv bytes.Buffer
	if err := s.ExportCSV(&csv); err != nil || !strings.Contains(csv.String(), "县政办发〔2026〕3号") || !strings.Contains(csv.String(), s.Entries()[0].IndexNo) {
		t.Fatalf("csv: %v %q", err, csv.String())
	}
	var xlsx bytes.Buffer
	if err := s.ExportXLSX(&xlsx); err != nil || !bytes.HasPrefix(xlsx.Bytes(), []byte("PK")) {
		t.Fatalf("xlsx: %v", err)
	}
}

// TestCatalogueScreen_Clerk ensures the desk refuses a clerk the catalogue with a Chinese message, shown on the screen.
func TestCatalogueScreen_Clerk(t *testing.T) {
	svc := rqServices(t)
	catSigned(t, svc, "a.txt", rqPublicText)
	clerk := &ui.Session{User: index.User{Name: "张起草", Role: review.RoleClerk}}
	s, w := officeWindow(t, func(w fyne.Window) *ui.CatalogueScreen { return ui.NewCatalogueScreen(w, svc, clerk) })
	if err := s.Load(time.Now().Year()); review.ErrorCode(err) != review.ErrForbidden || len(s.Entries()) != 0 || !rqShows(w, "只有政务公开办和管理员") {
		t.Fatalf("%v %+v", err, s.Entries())
	}
}
