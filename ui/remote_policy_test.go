package ui_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"prepub/client"
	"prepub/index"
	"prepub/review"
	"prepub/ui"
)

// officeTerms is an office keyword file with terms no built-in class has.
func officeTerms(t *testing.T, terms string) *review.Policy {
	t.Helper()
	kw := review.PolicyFile{Name: "/etc/prepub/keywords.toml",
		Text: "[[class]]\ncategory = \"secrecy-term\"\nseverity = \"high\"\nterms = [" + terms + "]\n"}
	p, err := review.NewPolicy(review.PolicyFile{Name: review.DefaultRulesSource, Text: string(review.DefaultRules().Raw)},
		review.BuiltinKeywords(), []review.PolicyFile{kw}, nil, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// listed returns the texts of the findings the clerk's screen lists.
func listed(s *ui.ClerkScreen) string {
	var b strings.Builder
	first := ""
	for i := 0; i < 50; i++ {
		s.NextFinding()
		f, ok := s.SelectedFinding()
		if !ok || f.Text+string(f.Part) == first {
			break
		}
		if first == "" {
			first = f.Text + string(f.Part)
		}
		b.WriteString(f.Text + "|")
	}
	return b.String()
}

// TestRemotePolicy ensures a workstation on the office server checks drafts
// with the office's policy: downloaded at sign-in, so the clerk's live check
// finds a term only the office's keyword file has, as the server's scan does;
// a new version on the server is noticed and the open draft checked again; a
// submission the server scanned under a version the screen did not have shows
// the server's findings; and 设置 says the policy is the server's, with its version.
func TestRemotePolicy(t *testing.T) {
	test.NewTempApp(t)
	d, addr, fp := officeServer(t, index.User{Name: "张起草", Role: review.RoleClerk})
	first := officeTerms(t, `"青松工程"`)
	d.UsePolicy(first)

	c := client.New(addr, fp)
	rules, err := c.Rules(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	svc := &ui.Services{Remote: c, Scanner: d.Scanner, Rules: rules, RulesPath: rules.Source} // the built-in keywords only, until sign-in
	w := test.NewWindow(nil)
	defer w.Close()
	shell := ui.NewShell(w, svc)
	signIn := ui.NewSignIn(w, svc, false, shell.SignedIn)
	signIn.Fill("张起草", "password-1")
	signIn.Submit()
	if p := svc.OfficePolicy(); p == nil || p.Version != first.Version {
		t.Fatalf("policy not downloaded at sign-in: %v %q", p, signIn.Message())
	}
	clerk := shell.Screen("起草与提交").(*ui.ClerkScreen)
	dir := t.TempDir()
	draft := filepath.Join(dir, "d.txt")
	os.WriteFile(draft, []byte("关于青松工程和红杉计划进度的通报\n"), 0o600)
	clerk.Load(draft)
	if got := listed(clerk); !strings.Contains(got, "青松工程") || strings.Contains(got, "红杉计划") {
		t.Fatalf("live check did not apply the office's keywords: %q", got)
	}

	// The office adds a term and the server reads its files again.
	second := officeTerms(t, `"青松工程", "红杉计划"`)
	d.UsePolicy(second)
	if err := clerk.LoadQueue(); err != nil { // any request: the answer names the new version
		t.Fatal(err)
	}
	clerk.CheckPolicy()
	if p := svc.OfficePolicy(); p.Version != second.Version {
		t.Fatalf("new version not downloaded: %s", p.ShortVersion())
	}
	if got := listed(clerk); !strings.Contains(got, "红杉计划") || !strings.Contains(clerk.Result(), "审查政策已更新") {
		t.Fatalf("open draft not checked again: %q %q", got, clerk.Result())
	}
	settings := texts(ui.NewSettingsScreen(svc).Content())
	for _, want := range []string{"来自单位服务器（版本 " + second.ShortVersion(), "/etc/prepub/keywords.toml", "红杉计划", "只能查看", "内置默认规则"} {
		if !strings.Contains(settings, want) {
			t.Errorf("settings lack %q:\n%s", want, settings)
		}
	}

	// The office changes its policy again, and the clerk submits before the workstation has heard of it.
	third := officeTerms(t, `"青松工程", "红杉计划", "白桦项目"`)
	d.UsePolicy(third)
	os.WriteFile(draft, []byte("关于白桦项目的通知\n"), 0o600)
	clerk.Load(draft)
	if got := listed(clerk); got != "" {
		t.Fatalf("findings before the change: %q", got)
	}
	clerkAttributeRadio(t, w).SetSelected("主动公开")
	clerk.Submit()
	if got := listed(clerk); !strings.Contains(got, "白桦项目") || !strings.Contains(clerk.Result(), "服务器按新政策检查的结果") {
		t.Fatalf("server's findings not shown: %q %q", got, clerk.Result())
	}
	if p := svc.OfficePolicy(); p.Version != third.Version {
		t.Fatalf("policy not refreshed after the submission: %s", p.ShortVersion())
	}
}
