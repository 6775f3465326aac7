package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/review"
)

// ctrlEnter is the key press that confirms a dialog.
var ctrlEnter = &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault}

// dialogWindow returns a test window the size of a small office screen.
func dialogWindow(t *testing.T) fyne.Window {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewWindow(widget.NewLabel(""))
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1024, 700))
	return w
}

// TestAskNote_Keys ensures an opinion dialog starts with the keyboard in its note, that Tab leaves
// the note instead of typing a tab, that Ctrl+Enter confirms with the note and Escape cancels.
func TestAskNote_Keys(t *testing.T) {
	t.Run("FocusTabCtrlEnter", func(t *testing.T) {
		w := dialogWindow(t)
		got := "-"
		askNoteKept(w, "签发", "签发", "意见", new(string), func(note string) { got = note })
		e, ok := w.Canvas().Focused().(*modalEntry)
		if !ok {
			t.Fatalf("focus on %T, want the note", w.Canvas().Focused())
		}
		test.Type(e, "同意")
		if e.AcceptsTab() {
			t.Error("the note takes Tab as a character")
		}
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		if strings.Contains(e.Text, "\t") || w.Canvas().Focused() == e {
			t.Errorf("Tab typed into the note (%q) or left the focus there", e.Text)
		}
		w.Canvas().Focus(e)
		e.TypedShortcut(ctrlEnter)
		if got != "同意" || w.Canvas().Overlays().Top() != nil {
			t.Errorf("Ctrl+Enter: note %q, dialog still open %v", got, w.Canvas().Overlays().Top() != nil)
		}
	})
	t.Run("Escape", func(t *testing.T) {
		w := dialogWindow(t)
		called := false
		askNoteKept(w, "退回起草人", "退回", "理由", new(string), func(string) { called = true })
		e := w.Canvas().Focused().(*modalEntry)
		test.Type(e, "理由")
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if called || w.Canvas().Overlays().Top() != nil {
			t.Errorf("Escape: confirmed %v, dialog still open %v", called, w.Canvas().Overlays().Top() != nil)
		}
	})
}

// TestShowMessage_Keys ensures a message closes on Escape and on Ctrl+Enter, also when a click
// took the focus away, and gives the window its own keys back once closed.
func TestShowMessage_Keys(t *testing.T) {
	w := dialogWindow(t)
	showMessage(w, "已修改", "密码已修改，下次登录请用新密码。")
	k, ok := w.Canvas().Focused().(*modalKeys)
	if !ok {
		t.Fatalf("focus on %T, want the dialog", w.Canvas().Focused())
	}
	k.TypedShortcut(ctrlEnter)
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Ctrl+Enter left the message open")
	}
	showMessage(w, "已修改", "密码已修改，下次登录请用新密码。")
	w.Canvas().Unfocus()
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Escape left the message open")
	}
	if w.Canvas().OnTypedKey() != nil {
		t.Error("the window's keys still go to a closed dialog")
	}
}

// TestChangePassword_Keys ensures the password dialog starts in the old password, that Ctrl+Enter
// submits the form (a wrong password is refused in the dialog) and Escape closes it.
func TestChangePassword_Keys(t *testing.T) {
	w := dialogWindow(t)
	s := &Shell{win: w, svc: docTestServices(t), sess: &Session{User: index.User{Name: "张起草", Role: review.RoleClerk}}}
	f := s.ChangePassword()
	if w.Canvas().Focused() != f.old {
		t.Fatalf("focus on %T, want the old password", w.Canvas().Focused())
	}
	f.old.TypedShortcut(ctrlEnter)
	if f.Message() == "" || w.Canvas().Overlays().Top() == nil {
		t.Errorf("Ctrl+Enter: message %q, dialog open %v", f.Message(), w.Canvas().Overlays().Top() != nil)
	}
	f.old.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Escape left the password dialog open")
	}
}

// TestModal_Nested ensures a message shown from a dialog's answer keeps Escape, and the window gets
// its own key handler back once both are closed.
func TestModal_Nested(t *testing.T) {
	w := dialogWindow(t)
	askNoteKept(w, "退回起草人", "退回", "理由", new(string), func(string) { showMessage(w, "未能办理", "请填写退回理由") })
	w.Canvas().Focused().(*modalEntry).TypedShortcut(ctrlEnter)
	if n := len(w.Canvas().Overlays().List()); n != 1 {
		t.Fatalf("%d dialogs after the answer, want the message", n)
	}
	w.Canvas().Unfocus()
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Escape left the message open")
	}
	if w.Canvas().OnTypedKey() != nil {
		t.Error("the window's keys still go to closed dialogs")
	}
}

// TestClerkScreen_CtrlEnterBehindDialog ensures Ctrl+Enter with a dialog open confirms the dialog,
// even when the focus left it, and never submits the draft behind it.
func TestClerkScreen_CtrlEnterBehindDialog(t *testing.T) {
	w := dialogWindow(t)
	s := NewClerkScreen(w, docTestServices(t), &Session{User: index.User{Name: "张起草", Role: review.RoleClerk}})
	w.SetContent(s.Content())
	closed := false
	askNoteKept(w, "说明", "确定", "说明", new(string), func(string) { closed = true })
	w.Canvas().Unfocus()
	s.onShortcut(ctrlEnter) // what the canvas does with Ctrl+Enter when nothing has the focus
	if !closed || w.Canvas().Overlays().Top() != nil {
		t.Errorf("Ctrl+Enter behind the dialog: confirmed %v, dialog open %v", closed, w.Canvas().Overlays().Top() != nil)
	}
}
