package ui_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"prepub/index"
	"prepub/review"
	"prepub/ui"
)

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
