package ui_test

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"prepub/review"
	"prepub/ui"
)

// rqLateMarking is a classified draft whose marking is its last finding in the text, listed first (strongest).
const rqLateMarking = "关于防汛物资储备的通知\n各乡镇人民政府：\n本通知内容请严格控制知悉范围，联系人手机13812345678。\n机密★1年\n"

// TestQueueScreen_PassExplainedBeforeTyping ensures the secrecy officer who
// presses 通过 with findings still open is told the rule at once, before any
// opinion is asked for.
func TestQueueScreen_PassExplainedBeforeTyping(t *testing.T) {
	svc := rqServices(t)
	secret := rqSubmitSecret(t, svc)
	s, w := rqQueue(t, svc, rqSecrecy)
	s.Select(secret.ID)
	before := rqSnap(t, svc, secret.ID)
	test.Tap(rqButton(t, w.Content(), "通过"))
	top := w.Canvas().Overlays().Top()
	if top == nil || !rqDialogShows(w, "还有 1 条高风险或严重的检查结果未确认或排除") {
		t.Fatalf("no explanation: %q", rqTexts(top))
	}
	if ui.DialogNote(top) != nil {
		t.Error("an opinion is asked for an action that will be refused")
	}
	if after := rqSnap(t, svc, secret.ID); after != before {
		t.Errorf("the draft changed: %+v → %+v", before, after)
	}
}

// TestQueueScreen_RefusedNoteKept ensures an opinion typed for an action the
// desk refuses, or a dialog cancelled, is there again when the reviewer asks once more.
func TestQueueScreen_RefusedNoteKept(t *testing.T) {
	svc := rqServices(t)
	secret := rqSubmitSecret(t, svc)
	s, w := rqQueue(t, svc, rqSecrecy)
	s.Select(secret.ID)
	typed := "请补充定密依据和知悉范围"

	test.Tap(rqButton(t, w.Content(), "退回"))
	top := w.Canvas().Overlays().Top()
	test.Type(ui.DialogNote(top), typed)
	test.Tap(rqButton(t, top, "取消"))

	// Someone else returns the draft first: the desk refuses this officer's return.
	if _, err := svc.Desk.Act(rqCtx, secret.ID, review.Actor{User: "周保密", Role: review.SecrecyOfficer}, review.ActionReturn, -1, "另行退回"); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{}, 1)
	s.OnChanged = func() { done <- struct{}{} }
	test.Tap(rqButton(t, w.Content(), "退回"))
	top = w.Canvas().Overlays().Top()
	e := ui.DialogNote(top)
	if e == nil || e.Text != typed {
		t.Fatalf("cancelled opinion not kept: %v", e)
	}
	e.SetText(typed + "。")
	test.Tap(rqButton(t, top, "退回"))
	rqWait(t, done)
	if s.Status() == "" || rqSnap(t, svc, secret.ID).history != 2 {
		t.Fatalf("the return was not refused: status %q", s.Status())
	}

	// The refused opinion is offered again for the same action on the same draft.
	s.Load()
	if _, err := svc.Desk.Resubmit(rqCtx, secret.ID, rqClerk, review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: "载明储备库位置和数量，经定密属于国家秘密事项"}); err != nil {
		t.Fatal(err)
	}
	s.Load()
	if !s.Select(secret.ID) {
		t.Fatal("resubmitted draft not listed")
	}
	test.Tap(rqButton(t, w.Content(), "退回"))
	e = ui.DialogNote(w.Canvas().Overlays().Top())
	if e == nil || e.Text != typed+"。" {
		t.Errorf("refused opinion not kept: %v", e)
	}
}

// TestQueueScreen_FindingNumbers ensures a finding is named by its number in
// the list on screen (strongest first), in its card, its dialog and the history.
func TestQueueScreen_FindingNumbers(t *testing.T) {
	svc := rqServices(t)
	rec, err := svc.Desk.Submit(rqCtx, rqClerk, "县应急管理局", "late.txt", []byte(rqLateMarking),
		review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: "载明储备库位置和数量，经定密属于国家秘密事项"})
	if err != nil {
		t.Fatal(err)
	}
	marking := -1
	for i, f := range rec.Findings {
		if review.NeedsResolution(f) {
			marking = i
		}
	}
	if marking < 1 {
		t.Fatalf("the marking is finding %d in the text, want a later one: %+v", marking, rec.Findings)
	}
	s, w := rqQueue(t, svc, rqSecrecy)
	s.Select(rec.ID)
	if !rqShows(w, "1. ［严重］") {
		t.Errorf("the marking is not numbered 1 in the list: %q", rqTexts(w.Content()))
	}
	test.Tap(rqButton(t, w.Content(), "排除误报"))
	if !rqDialogShows(w, "排除误报：第 1 条") {
		t.Errorf("dialog names another finding: %q", rqTexts(w.Canvas().Overlays().Top()))
	}
	test.Tap(rqButton(t, w.Canvas().Overlays().Top(), "取消"))
	if err := s.Act(rec.ID, review.ActionConfirm, marking, "经核实确属国家秘密"); err != nil {
		t.Fatal(err)
	}
	if !rqShows(w, "确认第 1 条检查结果") {
		t.Errorf("history names another finding: %q", rqTexts(w.Content()))
	}
}
