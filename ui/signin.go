package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
)

// SignIn asks for a name and password, or, on an archive without accounts,
// creates the first administrator.
type SignIn struct {
	win      fyne.Window
	svc      *Services
	first    bool
	done     func(index.User)
	name     *widget.Entry
	password *widget.Entry
	confirm  *widget.Entry
	dept     *widget.Entry
	message  *widget.Label
	root     fyne.CanvasObject
}

// NewSignIn builds the sign-in (or first-administrator) screen; done is called with the signed-in user.
func NewSignIn(win fyne.Window, svc *Services, first bool, done func(index.User)) *SignIn {
	s := &SignIn{win: win, svc: svc, first: first, done: done,
		name: widget.NewEntry(), password: widget.NewPasswordEntry(), confirm: widget.NewPasswordEntry(),
		dept: widget.NewEntry(), message: widget.NewLabel("")}
	s.message.Importance = widget.DangerImportance
	s.password.OnSubmitted = func(string) { s.Submit() }
	s.confirm.OnSubmitted = func(string) { s.Submit() }
	items := []*widget.FormItem{widget.NewFormItem(lang.L("用户名"), s.name), widget.NewFormItem(lang.L("密码"), s.password)}
	title := widget.NewLabelWithStyle(lang.L("公文发布前审查 · 登录"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	button := widget.NewButton(lang.L("登录"), s.Submit)
	if first {
		title.SetText(lang.L("公文发布前审查 · 首次使用：创建管理员账号"))
		items = append(items, widget.NewFormItem(lang.L("确认密码"), s.confirm), widget.NewFormItem(lang.L("部门"), s.dept))
		button.SetText(lang.L("创建并登录"))
	}
	button.Importance = widget.HighImportance
	form := container.NewVBox(title, widget.NewForm(items...), button, s.message)
	s.root = container.NewCenter(container.NewGridWrap(fyne.NewSize(420, form.MinSize().Height+40), form))
	return s
}

// Content returns the screen's widgets.
func (s *SignIn) Content() fyne.CanvasObject { return s.root }

// First returns the user-name entry, where the keyboard starts.
func (s *SignIn) First() fyne.Focusable { return s.name }

// Fill types a name and password, for tests.
func (s *SignIn) Fill(name, password string) {
	s.name.SetText(name)
	s.password.SetText(password)
	s.confirm.SetText(password)
}

// Message returns the refusal shown, if any.
func (s *SignIn) Message() string { return s.message.Text }

// Submit signs in, or creates the first administrator and signs in.
func (s *SignIn) Submit() {
	ctx := context.Background()
	st := s.svc.backend()
	if s.first {
		if s.password.Text != s.confirm.Text {
			s.message.SetText(lang.L("两次输入的密码不一致"))
			return
		}
		err := st.AddUser(ctx, index.User{Name: s.name.Text, Role: index.RoleAdmin, Department: s.dept.Text}, s.password.Text, s.name.Text)
		if err != nil {
			s.message.SetText(errorForUser(err).Error())
			return
		}
	}
	u, err := st.Authenticate(ctx, s.name.Text, s.password.Text)
	if err != nil {
		s.message.SetText(errorForUser(err).Error())
		s.password.SetText("")
		return
	}
	if _, err := s.svc.RefreshPolicy(ctx); err != nil { // the live check must apply the office's policy
		s.message.SetText(lang.L("无法取得单位服务器的审查政策，请稍后重新登录：") + errorForUser(err).Error())
		return
	}
	s.done(*u)
}
