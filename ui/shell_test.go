package ui_test

import (
	"context"
	"reflect"
	"testing"

	"fyne.io/fyne/v2/test"

	"prepub/index"
	"prepub/review"
	"prepub/review/scan"
	"prepub/ui"
)

func shellServices(t *testing.T) *ui.Services {
	t.Helper()
	a, err := index.Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	sc, _ := scan.Default()
	rules := review.DefaultRules()
	return &ui.Services{Desk: &index.Desk{Archive: a, Rules: rules, Scanner: sc}, Archive: a, Scanner: sc, Rules: rules}
}

// TestShellFirstStartAndRoles ensures the first start creates an administrator, wrong passwords are refused in Chinese, and each role sees its own tabs.
func TestShellFirstStartAndRoles(t *testing.T) {
	test.NewTempApp(t)
	svc := shellServices(t)
	w := test.NewWindow(nil)
	defer w.Close()
	shell := ui.NewShell(w, svc)

	var signedIn *index.User
	first := ui.NewSignIn(w, svc, true, func(u index.User) { signedIn = &u })
	first.Fill("管理员", "short")
	first.Submit()
	if signedIn != nil || first.Message() == "" {
		t.Fatalf("short password accepted: %q", first.Message())
	}
	first.Fill("管理员", "admin-password")
	first.Submit()
	if signedIn == nil || signedIn.Role != index.RoleAdmin {
		t.Fatalf("first administrator not created: %v", signedIn)
	}
	ctx := context.Background()
	for _, u := range []index.User{{Name: "张起草", Role: review.RoleClerk}, {Name: "李保密", Role: review.SecrecyOfficer},
		{Name: "钱主要", Role: review.PrincipalHead}, {Name: "周公开", Role: index.RoleDisclosureOffice}} {
		if err := svc.Archive.Store.AddUser(ctx, u, "password-1", "管理员"); err != nil {
			t.Fatal(err)
		}
	}
	signIn := ui.NewSignIn(w, svc, false, func(u index.User) { signedIn = &u })
	signIn.Fill("张起草", "wrong-password")
	signIn.Submit()
	if signIn.Message() != "用户名或密码错误" {
		t.Fatalf("wrong password: %q", signIn.Message())
	}
	for _, tc := range []struct {
		user string
		tabs []string
	}{
		{"张起草", []string{"起草与提交", "批量检查", "设置"}},
		{"李保密", []string{"保密审查", "批量检查", "已办", "档案检索", "设置"}},
		{"钱主要", []string{"签发", "已办", "档案检索", "设置"}},
		{"周公开", []string{"档案检索", "年度复查", "公开目录", "年度报告", "设置"}},
		{"管理员", []string{"账号", "档案检索", "年度复查", "公开目录", "年度报告", "设置"}},
	} {
		u, err := svc.Archive.Store.Authenticate(ctx, tc.user, map[bool]string{true: "admin-password", false: "password-1"}[tc.user == "管理员"])
		if err != nil {
			t.Fatal(err)
		}
		shell.SignedIn(*u)
		if got := shell.Tabs(); !reflect.DeepEqual(got, tc.tabs) {
			t.Errorf("%s sees %v, want %v", tc.user, got, tc.tabs)
		}
	}
}
