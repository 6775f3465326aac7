package ui_test

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/ui"
)

// TestSignIn_FocusOnName ensures the sign-in screen opens with the keyboard in the user name.
func TestSignIn_FocusOnName(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	ui.NewShell(w, shellServices(t))
	e, ok := w.Canvas().Focused().(*widget.Entry)
	if !ok || e.Password {
		t.Fatalf("focus on %T, want the user-name entry", w.Canvas().Focused())
	}
	test.Type(e, "张起草")
	if e.Text != "张起草" {
		t.Errorf("typed %q", e.Text)
	}
}

// TestShell_FocusFirstField ensures the keyboard starts in the first field of a tab with a form:
// the search words for the archive search, the new account's name for the administrator.
func TestShell_FocusFirstField(t *testing.T) {
	test.NewTempApp(t)
	svc := shellServices(t)
	w := test.NewWindow(nil)
	defer w.Close()
	shell := ui.NewShell(w, svc)
	admin := index.User{Name: "管理员", Role: index.RoleAdmin}
	if err := svc.Archive.Store.AddUser(context.Background(), admin, "password-1", "管理员"); err != nil {
		t.Fatal(err)
	}
	shell.SignedIn(admin)
	if e, ok := w.Canvas().Focused().(rqField); !ok || e.Base().PlaceHolder != "" || e.Base().Password {
		t.Errorf("accounts: focus on %T, want the new account's name", w.Canvas().Focused())
	}
	shell.Select("档案检索")
	if e, ok := w.Canvas().Focused().(rqField); !ok || !strings.HasPrefix(e.Base().PlaceHolder, "检索词") {
		t.Errorf("search: focus on %T, want the search words", w.Canvas().Focused())
	}
}
