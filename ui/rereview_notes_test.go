package ui_test

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"prepub/index"
	"prepub/review"
	"prepub/ui"
)

// TestReReviewScreen_ReasonKept ensures a reason typed for 维持原决定 and
// cancelled is there again when the office asks once more.
func TestReReviewScreen_ReasonKept(t *testing.T) {
	svc := rqServices(t)
	twoYears := time.Now().AddDate(-2, 0, 0).Format("2006-01-02")
	if _, _, err := svc.Archive.Import(rqCtx, svc.Scanner, "r.txt", []byte("关于调整公交线路的答复\n市民：\n经研究，拟调整线路。\n"),
		index.ImportMeta{Attribute: review.OnRequest, Reason: "仅涉及个别申请人的答复事项", Date: twoYears, Actor: "周公开"}); err != nil {
		t.Fatal(err)
	}
	s, w := officeWindow(t, func(w fyne.Window) *ui.ReReviewScreen { return ui.NewReReviewScreen(w, svc, officeDisclosure) })
	if err := s.Load(); err != nil {
		t.Fatal(err)
	}
	typed := "仍仅涉及个别申请人，维持依申请公开"
	test.Tap(rqButton(t, w.Content(), "维持"))
	top := w.Canvas().Overlays().Top()
	test.Type(ui.DialogNote(top), typed)
	test.Tap(rqButton(t, top, "取消"))

	test.Tap(rqButton(t, w.Content(), "维持"))
	e := ui.DialogNote(w.Canvas().Overlays().Top())
	if e == nil || e.Text != typed {
		t.Fatalf("reason not kept: %v", e)
	}
}
