package client_test

import (
	"strings"
	"testing"
	"time"

	"prepub/review"
	"prepub/review/scan"
)

// TestClientPolicy ensures a workstation downloads the office policy once,
// gets nothing for the version it holds, and learns from the server's next
// answer that the office put another one in force.
func TestClientPolicy(t *testing.T) {
	url, fp, desk := office(t)
	c, clerk := signIn(t, url, strings.ReplaceAll(fp, " ", ":"), "张起草")
	kw := review.PolicyFile{Name: "keywords.toml", Text: "[[class]]\ncategory = \"secrecy-term\"\nseverity = \"high\"\nterms = [\"青松工程\"]\n"}
	p, err := review.NewPolicy(review.PolicyFile{Name: review.DefaultRulesSource, Text: string(review.DefaultRules().Raw)},
		review.BuiltinKeywords(), []review.PolicyFile{kw}, nil, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	desk.UsePolicy(p)
	got, err := c.Policy(ctx, "")
	if err != nil || got == nil || got.Version != p.Version || len(got.Scanner.ScanText("青松工程", scan.Options{}).Findings) != 1 {
		t.Fatalf("policy not downloaded: %v %+v", err, got)
	}
	if again, err := c.Policy(ctx, got.Version); err != nil || again != nil || c.PolicyStale() {
		t.Fatalf("held version sent again: %v %v", err, again)
	}
	kw.Text += "[[class]]\ncategory = \"secrecy-term\"\nseverity = \"high\"\nterms = [\"红杉计划\"]\n"
	next, err := review.NewPolicy(review.PolicyFile{Name: review.DefaultRulesSource, Text: string(review.DefaultRules().Raw)},
		review.BuiltinKeywords(), []review.PolicyFile{kw}, nil, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	desk.UsePolicy(next)
	rec, err := c.Submit(ctx, clerk, "县政府办", "d.txt", []byte("关于红杉计划的通知\n"), review.Decision{Attribute: review.Public})
	if err != nil || rec.PolicyVersion != next.Version || len(rec.Findings) != 1 {
		t.Fatalf("server did not scan with its new policy: %v %+v", err, rec)
	}
	if !c.PolicyStale() {
		t.Fatal("new version on the server's answer not noticed")
	}
	if fresh, err := c.Policy(ctx, got.Version); err != nil || fresh == nil || fresh.Version != next.Version || c.PolicyStale() {
		t.Fatalf("new policy not downloaded: %v", err)
	}
}
