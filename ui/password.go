package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// PasswordForm lets the signed-in person change their own password: the old
// one, then the new one twice.
type PasswordForm struct {
	svc     *Services
	user    string
	done    func()
	old     *modalEntry
	new     *modalEntry
	confirm *modalEntry
	message *widget.Label
	root    fyne.CanvasObject
}

// newPasswordForm builds the form for a user in dialog m, where Ctrl+Enter submits it and Escape
// closes it; done is called once the password is changed.
func newPasswordForm(m *modal, svc *Services, user string, done func()) *PasswordForm {
	f := &PasswordForm{svc: svc, user: user, done: done, old: m.password(), new: m.password(),
		confirm: m.password(), message: widget.NewLabel("")}
	m.submit = f.Submit
	f.message.Importance = widget.DangerImportance
	f.message.Wrapping = fyne.TextWrapWord
	f.confirm.OnSubmitted = func(string) { f.Submit() }
	button := widget.NewButton(lang.L("修改密码"), f.Submit)
	button.Importance = widget.HighImportance
	f.root = widget.NewForm(widget.NewFormItem(lang.L("旧密码"), f.old), widget.NewFormItem(lang.L("新密码"), f.new),
		widget.NewFormItem(lang.L("确认新密码"), f.confirm), widget.NewFormItem("", button), widget.NewFormItem("", f.message))
	return f
}

// Content returns the form's widgets.
func (f *PasswordForm) Content() fyne.CanvasObject { return f.root }

// Fill types the old password and the new one twice, for tests.
func (f *PasswordForm) Fill(old, new, confirm string) {
	f.old.SetText(old)
	f.new.SetText(new)
	f.confirm.SetText(confirm)
}

// First returns the form's first field, for the keyboard to start on.
func (f *PasswordForm) First() fyne.Focusable { return f.old }

// Message returns the refusal shown, if any.
func (f *PasswordForm) Message() string { return f.message.Text }

// Submit changes the password, or shows why not.
func (f *PasswordForm) Submit() {
	if f.new.Text != f.confirm.Text {
		f.message.SetText(lang.L("两次输入的新密码不一致"))
		return
	}
	if err := f.svc.backend().ChangePassword(context.Background(), f.user, f.old.Text, f.new.Text); err != nil {
		f.message.SetText(errorForUser(err).Error())
		return
	}
	f.message.SetText("")
	f.Fill("", "", "")
	f.done()
}
