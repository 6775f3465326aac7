package ui_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"prepub/client"
	"prepub/index"
	"prepub/review"
	"prepub/ui"
)

// TestClerkScreen_MyDrafts ensures the clerk's 我的草稿 lists every draft
// submitted with where it waits, gives the full opinion of whoever returned
// one, and a reload tells the clerk at the top of the window when a draft came
// back or was decided.
func TestClerkScreen_MyDrafts(t *testing.T) {
	test.NewTempApp(t)
	svc := clerkServices(t, nil)
	ctx := context.Background()
	s, w := clerkNewScreen(t, svc)
	s.Load(clerkWrite(t, "draft.txt", clerkMarked))
	clerkWithhold(t, w)
	s.Submit()
	mine := s.Mine()
	if got := mine.Drafts(); len(got) != 1 || got[0].State != review.StateSecrecyReview {
		t.Fatalf("my drafts after submitting: %+v", got)
	}
	clerkOne[*container.AppTabs](t, w).SelectIndex(2)
	if !rqShows(w, "正等待保密员办理") {
		t.Error("the list does not say whom the draft waits for")
	}
	if s.Notice() != "" {
		t.Errorf("notice %q for the clerk's own submission", s.Notice())
	}

	id := mine.Drafts()[0].ID
	note := "第二段所列储备库位置属于国家秘密，请补充定密依据、定密时间和知悉范围后重新提交，并附定密审批表。"
	if _, err := svc.Desk.Act(ctx, id, clerkSecrecy, review.ActionReturn, -1, note); err != nil {
		t.Fatal(err)
	}
	if err := mine.Load(); err != nil { // as the half-minute reload does
		t.Fatal(err)
	}
	if n := s.Notice(); !strings.Contains(n, fmt.Sprintf("第 %d 号", id)) || !strings.Contains(n, "被退回") || !strings.Contains(n, note) {
		t.Errorf("notice %q, want the return with the full opinion", n)
	}
	mine.Select(id)
	if d := mine.Detail(); !strings.Contains(d, note) || !strings.Contains(d, "李保密") || !strings.Contains(d, "已退回") {
		t.Errorf("detail %q, want the full opinion of who returned it", d)
	}
	test.Tap(clerkButton(t, w, "知道了"))
	if s.Notice() != "" {
		t.Error("notice not dismissed")
	}

	plain, err := svc.Desk.Submit(ctx, clerkUser.Actor(), "县政府办", "plain.txt", []byte(clerkPlain),
		review.Decision{Attribute: review.OnRequest, Reason: "含值班人员个人手机号码，仅向申请人提供，不宜主动公开全文"})
	if err != nil || plain.State.Decided() || plain.State == review.StateReturned {
		t.Fatalf("submit: %v %+v", err, plain)
	}
	mine.Load()
	for !plain.State.Decided() {
		role := plain.Route[plain.Current].Role
		action := review.ActionApprove
		if role == review.DeputyHead || role == review.PrincipalHead {
			action = review.ActionSign
		}
		if plain, err = svc.Desk.Act(ctx, plain.ID, review.Actor{User: "某" + string(role), Role: role}, action, -1, "同意"); err != nil {
			t.Fatal(err)
		}
	}
	mine.Load()
	if n := s.Notice(); !strings.Contains(n, fmt.Sprintf("第 %d 号", plain.ID)) || !strings.Contains(n, "已办结") {
		t.Errorf("notice %q, want the decision", n)
	}
	if got := mine.Drafts(); len(got) != 2 || got[0].ID != plain.ID {
		t.Errorf("my drafts %v, want the newest first", rqIDs(got))
	}
}

// TestMineScreen_Handled ensures a reviewer's 已办 lists the drafts they acted on and no other.
func TestMineScreen_Handled(t *testing.T) {
	svc := rqServices(t)
	a := rqSubmitSecret(t, svc)
	rqSubmitSecret(t, svc)
	if _, err := svc.Desk.Act(rqCtx, a.ID, rqSecrecy.Actor(), review.ActionReturn, -1, "请补充定密依据"); err != nil {
		t.Fatal(err)
	}
	_, w := rqQueue(t, svc, rqSecrecy)
	s := ui.NewMineScreen(w, svc, rqSecrecy)
	w.SetContent(s.Content())
	if err := s.Load(); err != nil {
		t.Fatal(err)
	}
	if got := rqIDs(s.Drafts()); len(got) != 1 || got[0] != a.ID {
		t.Fatalf("handled %v, want [%d]", got, a.ID)
	}
	if !rqShows(w, "您办理过的草稿：1 份") {
		t.Error("heading does not count the drafts")
	}
}

// TestMineScreen_Remote ensures 已办 and 我的草稿 work against the office server.
func TestMineScreen_Remote(t *testing.T) {
	test.NewTempApp(t)
	d, addr, fp := officeServer(t, index.User{Name: "张起草", Role: review.RoleClerk}, index.User{Name: "李保密", Role: review.SecrecyOfficer})
	ctx := context.Background()
	rec, err := d.Submit(ctx, rqClerk, "", "d.txt", []byte(rqSecretText), review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: "载明储备库位置和数量，经定密属于国家秘密事项"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Act(ctx, rec.ID, rqSecrecy.Actor(), review.ActionReturn, -1, "请补充定密依据"); err != nil {
		t.Fatal(err)
	}
	for _, who := range []*ui.Session{rqSecrecy, {User: index.User{Name: rqClerk.User, Role: review.RoleClerk}}} {
		c := client.New(addr, fp)
		if _, err := c.Authenticate(ctx, who.User.Name, "password-1"); err != nil {
			t.Fatal(err)
		}
		svc := &ui.Services{Remote: c, Scanner: d.Scanner, Rules: review.DefaultRules()}
		w := test.NewWindow(nil)
		s := ui.NewMineScreen(w, svc, who)
		w.SetContent(s.Content())
		if err := s.Load(); err != nil || len(s.Drafts()) != 1 || s.Drafts()[0].ID != rec.ID {
			t.Errorf("%s: %v %v", who.User.Name, err, rqIDs(s.Drafts()))
		}
		w.Close()
	}
}
