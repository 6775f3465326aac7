package ui_test

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/review"
	"prepub/ui"
)

// officeDisclosure is the disclosure office's account.
var officeDisclosure = &ui.Session{User: index.User{Name: "周公开", Role: index.RoleDisclosureOffice}}

// officeWindow opens a test window and puts in it the screen that build makes for it.
func officeWindow[S ui.Screen](t *testing.T, build func(fyne.Window) S) (S, fyne.Window) {
	t.Helper()
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	s := build(w)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1100, 720))
	return s, w
}

// officeSelect returns the select offering this option.
func officeSelect(t *testing.T, w fyne.Window, option string) *widget.Select {
	t.Helper()
	s := rqFind(w.Content(), func(s *widget.Select) bool { return slices.Contains(s.Options, option) })
	if s == nil {
		t.Fatalf("no select offering %q", option)
	}
	return s
}

// officeEntry returns the entry whose placeholder starts with prefix.
func officeEntry(t *testing.T, w fyne.Window, prefix string) *widget.Entry {
	t.Helper()
	e := rqFind(w.Content(), func(e *widget.Entry) bool { return strings.HasPrefix(e.PlaceHolder, prefix) })
	if e == nil {
		t.Fatalf("no entry %q", prefix)
	}
	return e
}

// officeMarkedWords returns the bold words of the rich texts shown in the window.
func officeMarkedWords(w fyne.Window) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *widget.RichText:
			for _, seg := range x.Segments {
				if ts, ok := seg.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold {
					out = append(out, ts.Text)
				}
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(w.Content())
	return out
}

// TestSearchScreen ensures a Traditional query finds Simplified text with the matches marked, filters narrow the results, and a record opens.
func TestSearchScreen(t *testing.T) {
	svc := rqServices(t)
	ids := rqImportCorpus(t, svc, 2025)
	s, w := officeWindow(t, func(w fyne.Window) *ui.SearchScreen { return ui.NewSearchScreen(w, svc, officeDisclosure) })

	test.Type(officeEntry(t, w, "检索词"), "政務公開")
	if err := s.Search(); err != nil {
		t.Fatal(err)
	}
	hits := s.Hits()
	simplified := false
	for _, h := range hits {
		simplified = simplified || h.ID == ids["xuyi-news.txt"] || h.ID == ids["kaiyang-speech.txt"] || h.ID == ids["county-summary.txt"]
	}
	if len(hits) < 3 || !simplified {
		t.Fatalf("Traditional query found %d hits, none Simplified: %+v", len(hits), hits)
	}
	if !strings.Contains(hits[0].Snippet, "【政务公开】") {
		t.Fatalf("snippet not marked: %q", hits[0].Snippet)
	}
	if marked := officeMarkedWords(w); !slices.Contains(marked, "政务公开") {
		t.Errorf("no bold 政务公开 in the results: %q", marked)
	}
	if rqShows(w, "【") {
		t.Error("the 【】 marks are shown instead of styled text")
	}
	if !rqShows(w, hits[0].Title) || !rqShows(w, hits[0].Date) {
		t.Error("first hit's title or date not shown")
	}

	officeSelect(t, w, "不予公开").SetSelected("不予公开")
	if err := s.Search(); err != nil {
		t.Fatal(err)
	}
	if h := s.Hits(); len(h) != 1 || h[0].ID != ids["opinion-traditional.txt"] {
		t.Fatalf("attribute filter: %+v", h)
	}
	if !rqShows(w, "属于四类过程性信息（第十六条第二款）") {
		t.Error("basis not shown in Chinese")
	}
	if err := s.Show(s.Hits()[0].ID); err != nil {
		t.Fatal(err)
	}
	if r := s.Record(); r == nil || !rqShows(w, "理由：意见尚在征求意见阶段，内容可能调整") || !rqShows(w, "部门：县政府办") {
		t.Errorf("record not shown: %v", r)
	}

	officeSelect(t, w, "不予公开").SetSelected("全部")
	officeSelect(t, w, "属于国家秘密").SetSelected("属于四类过程性信息")
	if err := s.Search(); err != nil || len(s.Hits()) != 1 {
		t.Fatalf("basis filter: %v %+v", err, s.Hits())
	}
}

// TestSearchScreen_Dates ensures a malformed date is refused with a Chinese message and a date range filters the results.
func TestSearchScreen_Dates(t *testing.T) {
	svc := rqServices(t)
	rqImportCorpus(t, svc, 2025)
	s, w := officeWindow(t, func(w fyne.Window) *ui.SearchScreen { return ui.NewSearchScreen(w, svc, officeDisclosure) })

	from := officeEntry(t, w, "起始")
	test.Type(from, "2025/1/1")
	err := s.Search()
	if err == nil || !strings.Contains(err.Error(), "请按 YYYY-MM-DD 填写") || !strings.Contains(s.Status(), "起始日期") {
		t.Fatalf("malformed date: %v, status %q", err, s.Status())
	}
	if from.Validate() == nil {
		t.Error("entry does not flag the malformed date")
	}
	from.SetText("2025-01-01")
	test.Type(officeEntry(t, w, "截止"), "2025-06-10")
	done := make(chan struct{}, 1)
	s.OnChanged = func() { done <- struct{}{} }
	test.Tap(rqButton(t, w.Content(), "检索"))
	rqWait(t, done)
	if len(s.Hits()) != 3 { // 03-01, 05-20 and 06-10
		t.Fatalf("date range (inclusive): %+v", s.Hits())
	}
}

// TestReReviewScreen ensures keeping a due decision needs a note and takes it off the due list, conversion shows the new route, and expired markings are listed.
func TestReReviewScreen(t *testing.T) {
	svc := rqServices(t)
	twoYears := time.Now().AddDate(-2, 0, 0).Format("2006-01-02")
	withheld, _, err := svc.Archive.Import(rqCtx, svc.Scanner, "m.txt", []byte("机密★1年\n关于某工程的通知\n"),
		index.ImportMeta{Attribute: review.Withheld, Basis: "state-secret", Reason: "经定密属于国家秘密", Date: twoYears, Actor: "周公开"})
	if err != nil {
		t.Fatal(err)
	}
	onRequest, _, err := svc.Archive.Import(rqCtx, svc.Scanner, "r.txt", []byte("关于调整公交线路的答复\n市民：\n经研究，拟调整线路。\n"),
		index.ImportMeta{Attribute: review.OnRequest, Reason: "仅涉及个别申请人的答复事项", Date: twoYears, Actor: "周公开"})
	if err != nil {
		t.Fatal(err)
	}
	s, w := officeWindow(t, func(w fyne.Window) *ui.ReReviewScreen { return ui.NewReReviewScreen(w, svc, officeDisclosure) })
	if err := s.Load(); err != nil {
		t.Fatal(err)
	}
	if got := rqIDs(s.Due()); len(got) != 2 || !slices.Contains(got, withheld) || !slices.Contains(got, onRequest) {
		t.Fatalf("due %v", got)
	}
	if e := s.Expired(); len(e) != 1 || e[0].ID != withheld || !rqShows(w, "机密★1年") {
		t.Fatalf("expired markings %+v", e)
	}
	if !rqShows(w, "年度复查：2 份") {
		t.Error("due count not shown")
	}

	err = s.Keep(withheld, "")
	if review.ErrorCode(err) != review.ErrInvalid || !rqDialogShows(w, "维持原决定须写明理由") {
		t.Fatalf("keep without note: %v, dialog %q", err, rqTexts(w.Canvas().Overlays().Top()))
	}
	if !slices.Contains(rqIDs(s.Due()), withheld) {
		t.Fatal("refused keep took the item off the due list")
	}
	done := make(chan struct{}, 1)
	s.OnChanged = func() { done <- struct{}{} }
	test.Tap(rqButton(t, w.Content(), "维持")) // the withheld decision, first due, is on show
	top := w.Canvas().Overlays().Top()
	test.Type(rqNote(top), "仍属国家秘密，继续不予公开")
	test.Tap(rqButton(t, top, "维持"))
	rqWait(t, done)
	if slices.Contains(rqIDs(s.Due()), withheld) || !strings.Contains(s.Status(), "已维持原决定") {
		t.Fatalf("kept item still due: %v, status %q", rqIDs(s.Due()), s.Status())
	}
	r, _ := svc.Archive.Store.Get(rqCtx, withheld)
	if last := r.History[len(r.History)-1]; last.Action != index.ActionKeep || last.User != "周公开" {
		t.Fatalf("keep not recorded: %+v", last)
	}

	newID, out, err := s.Convert(onRequest, "原不公开的情形已消失")
	if err != nil || out.Result != review.Routed {
		t.Fatalf("convert: %v %+v", err, out)
	}
	if !strings.Contains(s.Status(), "新记录第 "+strconv.FormatInt(newID, 10)+" 号，送分管负责人") || len(s.Due()) != 0 {
		t.Fatalf("status %q, due %v", s.Status(), rqIDs(s.Due()))
	}
	deputy, _ := rqQueue(t, svc, rqDeputy)
	if got := rqIDs(deputy.Queue()); len(got) != 1 || got[0] != newID {
		t.Fatalf("converted record not waiting for the deputy head: %v", got)
	}
}

// TestSearchScreen_Screenshot saves the search screen with a Traditional query's results and the first
// record on show as $PREPUB_SCREENSHOTS/search-screen.png (for docs/); skipped when the variable is unset.
func TestSearchScreen_Screenshot(t *testing.T) {
	dir := os.Getenv("PREPUB_SCREENSHOTS")
	if dir == "" {
		t.Skip("PREPUB_SCREENSHOTS not set")
	}
	svc := rqServices(t)
	rqImportCorpus(t, svc, 2025)
	s, _ := officeWindow(t, func(w fyne.Window) *ui.SearchScreen { return ui.NewSearchScreen(w, svc, officeDisclosure) })
	s.SetQuery("政務公開")
	if err := s.Search(); err != nil || len(s.Hits()) == 0 {
		t.Fatalf("%v %v", err, s.Hits())
	}
	if err := s.Show(s.Hits()[0].ID); err != nil {
		t.Fatal(err)
	}
	rqScreenshot(t, dir, "search-screen.png", s.Content())
}
