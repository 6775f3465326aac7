package ui_test

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"slices"
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

// dvDraft is a draft to be published in part: its storage site is withheld; 征求意见稿 is a finding the
// legal office can jump to without the secrecy officer's step.
const dvDraft = "关于调整防汛物资储备库布局的通知（征求意见稿）\n各乡镇人民政府：\n" +
	"新建储备库位于城东工业园区三号仓库，请各单位做好衔接。\n（此件公开发布）\n"

// dvPassage is the passage the clerk withholds.
const dvPassage = "新建储备库位于城东工业园区三号仓库"

// dvMarked returns the texts a document view marks as kind.
func dvMarked(v *ui.DocView, kind string) []string {
	var out []string
	for _, m := range v.Marked() {
		if m.Kind == kind {
			out = append(out, m.Text)
		}
	}
	return out
}

// dvOpened records the file a document view's 打开原文件 opened.
func dvOpened(t *testing.T, v *ui.DocView) (name string, data []byte) {
	t.Helper()
	var got *url.URL
	v.OpenURL = func(u *url.URL) error { got = u; return nil }
	if err := v.OpenOriginal(); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Scheme != "file" {
		t.Fatalf("opened %v", got)
	}
	data, err := os.ReadFile(filepath.FromSlash(got.Path))
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Base(filepath.FromSlash(got.Path)), data
}

// TestClerkScreen_WithheldReachesLegalOffice ensures a passage the clerk marks 不予公开 (typed into the
// dialog, with a basis chosen by its Chinese name) must occur in the draft, can be unmarked, is checked
// by the rules, reaches the submitted decision, and is shown marked to the legal office with the original file.
func TestClerkScreen_WithheldReachesLegalOffice(t *testing.T) {
	test.NewTempApp(t)
	svc := clerkServices(t, nil)
	s, w := clerkNewScreen(t, svc)
	path := clerkWrite(t, "关于调整防汛物资储备库布局的通知.txt", dvDraft)
	s.Load(path)
	clerkOne[*widget.RadioGroup](t, w).SetSelected("主动公开")
	if !s.CanSubmit() {
		t.Fatalf("plain public draft: %v", s.Returns())
	}

	if err := s.MarkWithheld("草稿里没有的一段话", "security-stability", "理由"); err == nil || !strings.Contains(err.Error(), "草稿中没有") {
		t.Fatalf("a passage not in the draft was marked: %v", err)
	}
	if err := s.MarkWithheld("三号仓库", "", ""); err != nil {
		t.Fatal(err)
	}
	if !clerkHasReturn(s, review.RetRedactionNoBasis) || s.CanSubmit() {
		t.Fatalf("a passage without basis: returns %v", s.Returns())
	}
	test.Tap(clerkButton(t, w, "取消标记"))
	if len(s.Decision().Redactions) != 0 || !s.CanSubmit() {
		t.Fatalf("after unmarking: %+v %v", s.Decision().Redactions, s.Returns())
	}

	test.Tap(clerkButton(t, w, "标为不予公开…"))
	top := w.Canvas().Overlays().Top()
	entries := []*widget.Entry{}
	for _, e := range clerkFindIn[rqField](top) {
		entries = append(entries, e.Base())
	}
	if len(entries) != 2 {
		t.Fatalf("dialog entries %d, want the passage and the reason", len(entries))
	}
	test.Type(entries[0], dvPassage)
	clerkFindIn[*widget.Select](top)[0].SetSelected("危及“三安全一稳定”（第十四条）")
	test.Type(entries[1], "储备库具体位置属于防汛安全信息，公开后可能危及公共安全")
	test.Tap(rqButton(t, top, "标记"))
	if got := dvMarked(s.Doc(), "withheld"); !slices.Equal(got, []string{dvPassage}) {
		t.Fatalf("marked withheld in the clerk's view: %q", got)
	}
	red := s.Decision().Redactions
	if len(red) != 1 || red[0].Text != dvPassage || red[0].Basis != "security-stability" || red[0].Reason == "" {
		t.Fatalf("redactions %+v", red)
	}
	if !s.CanSubmit() {
		t.Fatalf("cannot submit: %v", s.Returns())
	}
	if name, data := dvOpened(t, s.Doc()); name != filepath.Base(path) || string(data) != dvDraft {
		t.Errorf("clerk opened %q %q", name, data)
	}
	s.Submit()
	if r := s.Result(); !strings.Contains(r, "法制机构") {
		t.Fatalf("result %q, want the legal office on the route", r)
	}

	q, lw := rqQueue(t, svc, rqLegal)
	rec := q.Selected()
	if rec == nil || len(rec.Decision.Redactions) != 1 || rec.Decision.Redactions[0].Text != dvPassage {
		t.Fatalf("legal office's draft %+v", rec)
	}
	if got := dvMarked(q.Doc(), "withheld"); !slices.Equal(got, []string{dvPassage}) {
		t.Errorf("marked withheld in the legal office's view: %q", got)
	}
	if !rqShows(lw, "不予公开") || !rqShows(lw, "文字："+dvPassage) || !rqShows(lw, "依据：危及") {
		t.Error("the withheld passage is not listed with its label and basis")
	}
	if name, data := dvOpened(t, q.Doc()); name != filepath.Base(path) || !bytes.Equal(data, []byte(dvDraft)) {
		t.Errorf("legal office opened %q %q", name, data)
	}
}

// clerkFindIn returns every object of type T under o.
func clerkFindIn[T any](o fyne.CanvasObject) []T {
	var out []T
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if x, ok := o.(T); ok {
			out = append(out, x)
		}
		switch x := o.(type) {
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
	walk(o)
	return out
}

// TestSearchScreen_MasksPersonalNumbers ensures the archive's record, the search results and the re-review
// show a mobile number masked as scan.Mask does, until the reader switches masking off.
func TestSearchScreen_MasksPersonalNumbers(t *testing.T) {
	svc := rqServices(t)
	id, _, err := svc.Archive.Import(rqCtx, svc.Scanner, "duty.txt", []byte("关于汛期值班安排的通知\n值班联系人手机13812345678，请保持畅通。\n"),
		index.ImportMeta{Attribute: review.OnRequest, Reason: "含个人手机号码，依申请公开", Date: time.Now().AddDate(-2, 0, 0).Format("2006-01-02"), Actor: "周公开"})
	if err != nil {
		t.Fatal(err)
	}
	s, w := officeWindow(t, func(w fyne.Window) *ui.SearchScreen { return ui.NewSearchScreen(w, svc, officeDisclosure) })
	s.SetQuery("值班联系人")
	if err := s.Search(); err != nil || len(s.Hits()) != 1 {
		t.Fatalf("search: %v %+v", err, s.Hits())
	}
	if err := s.Show(id); err != nil {
		t.Fatal(err)
	}
	if !s.Doc().Masked() {
		t.Fatal("masking is not on by default")
	}
	if got := dvMarked(s.Doc(), "medium"); !slices.Contains(got, "138****5678") {
		t.Errorf("marked in the record's text: %q, want the number masked", got)
	}
	if rqShows(w, "13812345678") {
		t.Error("the full number is shown in the results or the snippet")
	}
	rqFind(w.Content(), func(c *widget.Check) bool { return c.Text == "遮盖个人号码" }).SetChecked(false)
	if got := dvMarked(s.Doc(), "medium"); !slices.Contains(got, "13812345678") || !rqShows(w, "13812345678") {
		t.Errorf("masking off: marked %q", got)
	}

	rr, _ := officeWindow(t, func(w fyne.Window) *ui.ReReviewScreen { return ui.NewReReviewScreen(w, svc, officeDisclosure) })
	if err := rr.Load(); err != nil || len(rr.Due()) != 1 {
		t.Fatalf("re-review: %v %v", err, rr.Due())
	}
	deadline := time.Now().Add(10 * time.Second) // the due list has no texts: the record is read in the background
	for len(rr.Doc().Marked()) == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := dvMarked(rr.Doc(), "medium"); !slices.Equal(got, []string{"138****5678"}) {
		t.Errorf("re-review marks %q, want the number masked", got)
	}
}
