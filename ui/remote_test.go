package ui_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"prepub/client"
	"prepub/index"
	"prepub/review"
	"prepub/review/scan"
	"prepub/server"
	"prepub/ui"
)

// TestRemoteWorkstations ensures the desktop app works against the office server: a reviewer's queue shows work another
// workstation sent, on reload, without a restart, and acting on it goes through the server's rules.
func TestRemoteWorkstations(t *testing.T) {
	test.NewTempApp(t)
	d, addr, fp := officeServer(t, index.User{Name: "张起草", Role: review.RoleClerk}, index.User{Name: "李保密", Role: review.SecrecyOfficer})
	ctx := context.Background()

	c := client.New(addr, fp)
	rules, err := c.Rules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	svc := &ui.Services{Remote: c, Scanner: d.Scanner, Rules: rules, RulesPath: rules.Source}
	w := test.NewWindow(nil)
	defer w.Close()
	shell := ui.NewShell(w, svc)
	signIn := ui.NewSignIn(w, svc, false, shell.SignedIn)
	signIn.Fill("李保密", "wrong")
	signIn.Submit()
	if signIn.Message() == "" {
		t.Fatal("wrong password accepted by the server")
	}
	signIn.Fill("李保密", "password-1")
	signIn.Submit()
	if got := shell.Tabs(); len(got) == 0 || got[0] != "保密审查" {
		t.Fatalf("tabs %v", got)
	}
	q := shell.Screen("保密审查").(*ui.QueueScreen)
	if err := q.Load(); err != nil || len(q.Queue()) != 0 {
		t.Fatalf("%v %d", err, len(q.Queue()))
	}

	// Another workstation submits a draft with an internal-use label.
	other := client.New(addr, fp)
	clerk, err := other.Authenticate(ctx, "张起草", "password-1")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := other.Submit(ctx, review.Actor{User: clerk.Name, Role: clerk.Role}, "", "d.txt", []byte("内部资料\n关于做好防汛工作的通知\n"), review.Decision{Attribute: review.Public})
	if err != nil || rec.State != review.StateSecrecyReview {
		t.Fatalf("%v %+v", err, rec)
	}
	if err := q.Load(); err != nil || len(q.Queue()) != 1 || !q.Select(rec.ID) {
		t.Fatalf("new work not shown after reload: %v %d", err, len(q.Queue()))
	}
	if err := q.Act(rec.ID, review.ActionApprove, -1, ""); err == nil || !strings.Contains(review.ErrorMessage(err), "未确认或排除") {
		t.Fatalf("server rule not applied: %v", err)
	}
	if err := q.Act(rec.ID, review.ActionClear, 0, "刊物名称"); err != nil {
		t.Fatal(err)
	}
	if err := q.Act(rec.ID, review.ActionApprove, -1, ""); err != nil {
		t.Fatal(err)
	}
	now, _ := d.Archive.Store.Get(ctx, rec.ID)
	if now.State != review.StateDeputySignOff {
		t.Fatalf("state %s", now.State)
	}
}

// officeServer starts an office server over TLS on a fresh archive with an
// administrator and the given accounts, each with the password "password-1",
// and returns its desk, its address and its certificate's fingerprint.
func officeServer(t *testing.T, users ...index.User) (*index.Desk, string, string) {
	t.Helper()
	a, err := index.Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	sc, _ := scan.Default()
	d := &index.Desk{Archive: a, Rules: review.DefaultRules(), Scanner: sc}
	srv := httptest.NewTLSServer(server.New(d).Handler())
	t.Cleanup(func() { srv.Close(); a.Close() })
	for _, u := range append([]index.User{{Name: "管理员", Role: index.RoleAdmin}}, users...) {
		if err := d.AddUser(context.Background(), u, "password-1", "管理员"); err != nil {
			t.Fatal(err)
		}
	}
	sum := sha256.Sum256(srv.Certificate().Raw)
	return d, srv.URL, strings.ReplaceAll(fmt.Sprintf("% X", sum[:]), " ", ":")
}
