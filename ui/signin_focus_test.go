package ui_test

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

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
