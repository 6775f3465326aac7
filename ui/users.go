package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/review"
)

// UsersScreen lets the administrator see and add local accounts.
type UsersScreen struct {
	win      fyne.Window
	svc      *Services
	sess     *Session
	users    []index.User
	list     *widget.List
	name     *widget.Entry
	password *widget.Entry
	dept     *widget.Entry
	role     *widget.Select
	root     fyne.CanvasObject
}

// NewUsersScreen builds the accounts screen.
func NewUsersScreen(win fyne.Window, svc *Services, sess *Session) *UsersScreen {
	s := &UsersScreen{win: win, svc: svc, sess: sess, name: widget.NewEntry(), password: widget.NewPasswordEntry(), dept: widget.NewEntry()}
	var roles []string
	for _, r := range index.AccountRoles {
		roles = append(roles, index.RoleName(r))
	}
	s.role = widget.NewSelect(roles, nil)
	s.list = widget.NewList(func() int { return len(s.users) }, func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			u := s.users[i]
			o.(*widget.Label).SetText(u.Name + "　" + index.RoleName(u.Role) + "　" + u.Department)
		})
	add := widget.NewButton(lang.L("添加账号"), s.onAdd)
	add.Importance = widget.HighImportance
	form := widget.NewForm(widget.NewFormItem(lang.L("用户名"), s.name), widget.NewFormItem(lang.L("初始密码"), s.password),
		widget.NewFormItem(lang.L("角色"), s.role), widget.NewFormItem(lang.L("部门"), s.dept))
	s.root = container.NewHSplit(s.list, container.NewVBox(widget.NewLabel(lang.L("新账号（密码只以加盐哈希保存）")), form, add))
	return s
}

// Content returns the screen's widgets.
func (s *UsersScreen) Content() fyne.CanvasObject { return s.root }

// Reload fetches the accounts.
func (s *UsersScreen) Reload() {
	users, err := s.svc.backend().Users(context.Background())
	if err != nil {
		showError(s.win, err)
		return
	}
	s.users = users
	s.list.Refresh()
}

func (s *UsersScreen) onAdd() {
	var role review.Role
	for _, r := range index.AccountRoles {
		if index.RoleName(r) == s.role.Selected {
			role = r
		}
	}
	err := s.svc.backend().AddUser(context.Background(), index.User{Name: s.name.Text, Role: role, Department: s.dept.Text}, s.password.Text, s.sess.User.Name)
	if err != nil {
		showError(s.win, err)
		return
	}
	dialog.ShowInformation(lang.L("已添加"), lang.L("已创建账号 ")+s.name.Text, s.win)
	s.name.SetText("")
	s.password.SetText("")
	s.Reload()
}
