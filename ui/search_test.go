package ui_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
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
	e := rqFind(w.Content(), func(e rqField) bool { return strings.HasPrefix(e.Base().PlaceHolder, prefix) })
	if e == nil {
		t.Fatalf("no entry %q", prefix)
	}
	return e.Base()
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

// TestSearchScreen_Dates ensures a malformed date is refused with a Chinese message, a range that ends
// before it starts with the core's, and a date range filters the results.
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
	from.SetText("2025-06-10")
	to := officeEntry(t, w, "截止")
	test.Type(to, "2025-01-01")
	if err := s.Search(); err == nil || !strings.Contains(s.Status(), "起始日期晚于截止日期") {
		t.Fatalf("a range that ends before it starts: %v, status %q", err, s.Status())
	}
	from.SetText("2025-01-01")
	to.SetText("2025-06-10")
	done := make(chan struct{}, 1)
	s.OnChanged = func() { done <- struct{}{} }
	test.Tap(rqButton(t, w.Content(), "检索"))
	rqWait(t, done)
	if len(s.Hits()) != 3 { // 03-01, 05-20 and 06-10
		t.Fatalf("date range (inclusive): %+v", s.Hits())
	}
}

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
