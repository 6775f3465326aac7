package client_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"prepub/client"
	"prepub/index"
	"prepub/review"
	"prepub/review/extract"
	"prepub/review/scan"
	"prepub/server"
)

var _ index.Backend = (*client.Client)(nil)

var ctx = context.Background()

func TestMain(m *testing.M) {
	extract.ServeWorker()
	os.Exit(m.Run())
}

// office starts a server over HTTPS on a fresh archive with one account per role and returns its URL and certificate fingerprint.
func office(t *testing.T) (string, string, *index.Desk) {
	a, err := index.Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	sc, _ := scan.Default()
	d := &index.Desk{Archive: a, Rules: review.DefaultRules(), Scanner: sc}
	srv := httptest.NewTLSServer(server.New(d).Handler())
	t.Cleanup(func() { srv.Close(); a.Close() })
	for _, u := range []index.User{{Name: "管理员", Role: index.RoleAdmin}, {Name: "张起草", Role: review.RoleClerk, Department: "县政府办"},
		{Name: "李保密", Role: review.SecrecyOfficer}, {Name: "王法制", Role: review.LegalOffice}, {Name: "钱主要", Role: review.PrincipalHead},
		{Name: "周公开", Role: index.RoleDisclosureOffice}} {
		if err := d.AddUser(ctx, u, "password-1", "管理员"); err != nil {
			t.Fatal(err)
		}
	}
	sum := sha256.Sum256(srv.Certificate().Raw)
	return srv.URL, fmt.Sprintf("% X", sum[:]), d
}

func signIn(t *testing.T, url, fp, name string) (*client.Client, review.Actor) {
	c := client.New(url, fp)
	u, err := c.Authenticate(ctx, name, "password-1")
	if err != nil {
		t.Fatal(err)
	}
	return c, review.Actor{User: u.Name, Role: u.Role}
}

// TestClientWorkflow ensures two workstations share one queue through the server: submitted on one, reviewed and signed on others.
func TestClientWorkflow(t *testing.T) {
	url, fp, desk := office(t)
	fp = strings.ReplaceAll(fp, " ", ":")
	clerkC, clerk := signIn(t, url, fp, "张起草")
	rules, err := clerkC.Rules(ctx)
	if err != nil || len(rules.Steps) != 4 {
		t.Fatalf("rules %v %v", rules, err)
	}
	rec, err := clerkC.Submit(ctx, clerk, "县政府办", "d.txt", []byte("机密★1年\n关于防汛物资储备库布局的通知\n"),
		review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: "载明储备库位置和数量，经定密属于国家秘密事项"})
	if err != nil || rec.State != review.StateSecrecyReview || len(rec.Findings) == 0 {
		t.Fatalf("%v %+v", err, rec)
	}
	secC, sec := signIn(t, url, fp, "李保密")
	q, err := secC.Queue(ctx, sec)
	if err != nil || len(q) != 1 || q[0].Title == "" || len(q[0].Findings) == 0 {
		t.Fatalf("queue %v %v", q, err)
	}
	if _, err := secC.Act(ctx, rec.ID, sec, review.ActionApprove, -1, ""); review.ErrorCode(err) != review.ErrConflict || review.ErrorMessage(err) == "" {
		t.Fatalf("approve with an open finding: %v", err)
	}
	if _, err := secC.Act(ctx, rec.ID, sec, review.ActionConfirm, 0, "确属国家秘密"); err != nil {
		t.Fatal(err)
	}
	if _, err := secC.Act(ctx, rec.ID, sec, review.ActionApprove, -1, ""); err != nil {
		t.Fatal(err)
	}
	legC, leg := signIn(t, url, fp, "王法制")
	if _, err := legC.Similar(ctx, leg, rec.ID, 5); err != nil {
		t.Fatal(err)
	}
	if _, err := legC.Act(ctx, rec.ID, leg, review.ActionApprove, -1, ""); err != nil {
		t.Fatal(err)
	}
	priC, pri := signIn(t, url, fp, "钱主要")
	done, err := priC.Act(ctx, rec.ID, pri, review.ActionSign, -1, "同意")
	if err != nil || done.State != review.StateWithheldFinal {
		t.Fatalf("%v %v", err, done)
	}
	offC, off := signIn(t, url, fp, "周公开")
	if hits, err := offC.Search(ctx, off, index.Query{Text: "防汛物资", Attribute: "withheld"}); err != nil || len(hits) != 1 {
		t.Fatalf("search %v %v", hits, err)
	}
	if rep, err := offC.Report(ctx, off, time.Now().Year()); err != nil || rep.Total != 1 {
		t.Fatalf("report %+v %v", rep, err)
	}
	if due, err := offC.ReviewDue(ctx, off, time.Hour); err != nil || due == nil {
		t.Fatalf("re-review %v %v", due, err)
	}
	if _, err := clerkC.Search(ctx, clerk, index.Query{Text: "x"}); review.ErrorCode(err) != review.ErrForbidden {
		t.Fatalf("a clerk searched: %v", err)
	}
	adminC, _ := signIn(t, url, fp, "管理员")
	if users, err := adminC.Users(ctx, "管理员"); err != nil || len(users) != 6 {
		t.Fatalf("users %v %v", users, err)
	}
	if v, _ := desk.Archive.Verify(ctx); !v.OK {
		t.Fatalf("%+v", v)
	}
}

// TestClientRefusesWrongServer ensures a pinned fingerprint that does not match stops the connection with a Chinese message.
func TestClientRefusesWrongServer(t *testing.T) {
	url, _, _ := office(t)
	c := client.New(url, "00:11:22")
	if _, err := c.Authenticate(ctx, "张起草", "password-1"); err == nil || review.ErrorMessage(err) == "" {
		t.Fatalf("%v", err)
	}
	c = client.New(url, "")
	if _, err := c.Authenticate(ctx, "张起草", "password-1"); err == nil {
		t.Fatal("an unknown self-signed certificate was trusted without a pin")
	}
}
