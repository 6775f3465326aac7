package ui_test

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/review"
	"prepub/ui"
)

// usersAccounts makes the administrator 管理员 and the clerk 张起草 on the services' archive.
func usersAccounts(t *testing.T, svc *ui.Services) index.User {
	t.Helper()
	admin := index.User{Name: "管理员", Role: index.RoleAdmin}
	for _, u := range []index.User{admin, {Name: "张起草", Role: review.RoleClerk, Department: "县政府办"}} {
		if err := svc.Archive.Store.AddUser(context.Background(), u, "password-1", "管理员"); err != nil {
			t.Fatal(err)
		}
	}
	return admin
}

// usersPick returns the object of type T in the window that match says is the one.
func usersPick[T any](t *testing.T, w fyne.Window, match func(T) bool) T {
	t.Helper()
	for _, x := range clerkFind[T](w) {
		if match(x) {
			return x
		}
	}
	t.Fatalf("no %T in the window as wanted", *new(T))
	return *new(T)
}

// TestUsersScreen_EditResetDisable ensures the administrator changes a
// person's role and department, resets their password (a weak one refused)
// and disables and re-enables them on the real archive, and cannot disable
// the last administrator.
func TestUsersScreen_EditResetDisable(t *testing.T) {
	test.NewTempApp(t)
	svc := shellServices(t)
	admin := usersAccounts(t, svc)
	w := test.NewWindow(nil)
	defer w.Close()
	s := ui.NewUsersScreen(w, svc, &ui.Session{User: admin})
	w.SetContent(s.Content())
	s.Reload()
	s.Select("张起草")
	ctx := context.Background()
	account := func(name string) *index.User {
		u, err := svc.Archive.Store.Account(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	role := usersPick(t, w, func(s *widget.Select) bool { return s.Selected == index.RoleName(review.RoleClerk) })
	role.SetSelected(index.RoleName(review.SecrecyOfficer))
	usersPick(t, w, func(e rqField) bool { return e.Base().Text == "县政府办" }).Base().SetText("保密办")
	test.Tap(clerkButton(t, w, "保存角色和部门"))
	if u := account("张起草"); u.Role != review.SecrecyOfficer || u.Department != "保密办" {
		t.Fatalf("after saving: %+v", u)
	}
	reset := clerkFind[*widget.Entry](w)
	newPassword := reset[len(reset)-1]
	if !newPassword.Password {
		t.Fatal("the last entry is not the new password")
	}
	newPassword.SetText("1qaz2wsx3edc")
	test.Tap(clerkButton(t, w, "重置密码"))
	if _, err := svc.Archive.Store.Authenticate(ctx, "张起草", "1qaz2wsx3edc"); err == nil {
		t.Fatal("a common password was set")
	}
	newPassword.SetText("reset-on-the-desktop")
	test.Tap(clerkButton(t, w, "重置密码"))
	if _, err := svc.Archive.Store.Authenticate(ctx, "张起草", "reset-on-the-desktop"); err != nil {
		t.Fatalf("reset password: %v", err)
	}
	test.Tap(clerkButton(t, w, "停用账号"))
	if !account("张起草").Disabled {
		t.Fatal("not disabled")
	}
	signIn := ui.NewSignIn(w, svc, false, func(index.User) { t.Fatal("a disabled account signed in") })
	signIn.Fill("张起草", "reset-on-the-desktop")
	signIn.Submit()
	if signIn.Message() != "账号已停用，请联系管理员" {
		t.Fatalf("disabled sign-in: %q", signIn.Message())
	}
	test.Tap(clerkButton(t, w, "启用账号"))
	if account("张起草").Disabled {
		t.Fatal("not enabled again")
	}
	s.Select("管理员")
	test.Tap(clerkButton(t, w, "停用账号"))
	if account("管理员").Disabled {
		t.Fatal("the last administrator was disabled")
	}
	if v, _ := svc.Archive.Verify(ctx); !v.OK {
		t.Fatalf("chain: %+v", v)
	}
}

// TestShell_ChangePassword ensures every signed-in person changes their own
// password from the window's top bar, given the old one and the new one twice.
func TestShell_ChangePassword(t *testing.T) {
	test.NewTempApp(t)
	svc := shellServices(t)
	usersAccounts(t, svc)
	w := test.NewWindow(nil)
	defer w.Close()
	shell := ui.NewShell(w, svc)
	ctx := context.Background()
	clerk, err := svc.Desk.Authenticate(ctx, "张起草", "password-1")
	if err != nil {
		t.Fatal(err)
	}
	shell.SignedIn(*clerk)
	clerkButton(t, w, "修改密码")
	f := shell.ChangePassword()
	for _, tc := range []struct{ old, new, confirm, want string }{
		{"not-the-password", "zhang-new-secret", "zhang-new-secret", "旧密码不对"},
		{"password-1", "zhang-new-secret", "zhang-new-secreT", "不一致"},
		{"password-1", "qwertyuiop", "qwertyuiop", "太常见"},
	} {
		f.Fill(tc.old, tc.new, tc.confirm)
		f.Submit()
		if !strings.Contains(f.Message(), tc.want) {
			t.Fatalf("%+v: message %q", tc, f.Message())
		}
	}
	f.Fill("password-1", "zhang-new-secret", "zhang-new-secret")
	f.Submit()
	if f.Message() != "" {
		t.Fatalf("refused: %q", f.Message())
	}
	if _, err := svc.Archive.Store.Authenticate(ctx, "张起草", "zhang-new-secret"); err != nil {
		t.Fatalf("new password: %v", err)
	}
}
