package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/review"
)

// UsersScreen lets the administrator see, add and change accounts: a role
// and department, a new password, whether the account may sign in.
type UsersScreen struct {
	win      fyne.Window
	svc      *Services
	sess     *Session
	users    []index.User
	list     *helpList
	name     *helpEntry
	password *widget.Entry
	dept     *helpEntry
	role     *widget.Select
	// the account selected in the list, and what may be changed in it
	selected  string
	editTitle *widget.Label
	editRole  *widget.Select
	editDept  *helpEntry
	reset     *widget.Entry
	toggle    *widget.Button
	edit      *fyne.Container
	root      fyne.CanvasObject
}

// NewUsersScreen builds the accounts screen.
func NewUsersScreen(win fyne.Window, svc *Services, sess *Session) *UsersScreen {
	s := &UsersScreen{win: win, svc: svc, sess: sess, name: newHelpEntry(false), password: widget.NewPasswordEntry(), dept: newHelpEntry(false),
		editTitle: widget.NewLabel(""), editDept: newHelpEntry(false), reset: widget.NewPasswordEntry()}
	var roles []string
	for _, r := range index.AccountRoles {
		roles = append(roles, index.RoleName(r))
	}
	s.role = newSelect(roles, nil)
	s.editRole = newSelect(roles, nil)
	s.list = newHelpList(func() int { return len(s.users) }, func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			u := s.users[i]
			text := u.Name + "　" + index.RoleName(u.Role) + "　" + u.Department
			if u.Disabled {
				text += "　" + lang.L("（已停用）")
			}
			o.(*widget.Label).SetText(text)
		})
	s.list.OnSelected = s.onSelected
	add := widget.NewButton(lang.L("添加账号"), s.onAdd)
	add.Importance = widget.HighImportance
	form := widget.NewForm(widget.NewFormItem(lang.L("用户名"), s.name), widget.NewFormItem(lang.L("初始密码"), s.password),
		widget.NewFormItem(lang.L("角色"), s.role), widget.NewFormItem(lang.L("部门"), s.dept))
	s.toggle = widget.NewButton(lang.L("停用账号"), s.onToggle)
	s.edit = container.NewVBox(widget.NewSeparator(), s.editTitle,
		widget.NewForm(widget.NewFormItem(lang.L("角色"), s.editRole), widget.NewFormItem(lang.L("部门"), s.editDept)),
		widget.NewButton(lang.L("保存角色和部门"), s.onSave),
		widget.NewForm(widget.NewFormItem(lang.L("新密码"), s.reset)), widget.NewButton(lang.L("重置密码"), s.onReset),
		s.toggle)
	s.edit.Hide()
	s.root = container.NewHSplit(s.list, container.NewVScroll(container.NewVBox(
		widget.NewLabel(lang.L("新账号（密码只以加盐哈希保存）")), form, add, s.edit)))
	return s
}

// Content returns the screen's widgets.
func (s *UsersScreen) Content() fyne.CanvasObject { return s.root }

// First returns the new account's user-name entry, where the keyboard starts.
func (s *UsersScreen) First() fyne.Focusable { return s.name }

// Reload fetches the accounts, keeping the selected one shown.
func (s *UsersScreen) Reload() {
	users, err := s.svc.backend().Users(context.Background(), s.sess.User.Name)
	if err != nil {
		showError(s.win, lang.L("账号操作没有成功"), err, "")
		return
	}
	s.users = users
	s.list.Refresh()
	s.show()
}

// Select selects an account by name, as a click in the list does.
func (s *UsersScreen) Select(name string) {
	for i, u := range s.users {
		if u.Name == name {
			s.list.Select(i)
		}
	}
}

func (s *UsersScreen) onSelected(i widget.ListItemID) {
	if i >= 0 && i < len(s.users) {
		s.selected = s.users[i].Name
		s.show()
	}
}

// show fills the edit panel with the selected account as listed now.
func (s *UsersScreen) show() {
	for _, u := range s.users {
		if u.Name != s.selected {
			continue
		}
		s.editTitle.SetText(lang.L("修改账号：") + u.Name)
		s.editRole.SetSelected(index.RoleName(u.Role))
		s.editDept.SetText(u.Department)
		s.toggle.SetText(map[bool]string{true: lang.L("启用账号"), false: lang.L("停用账号")}[u.Disabled])
		s.edit.Show()
		return
	}
	s.edit.Hide()
}

// roleNamed returns the role whose Chinese name is shown, or "".
func roleNamed(name string) review.Role {
	for _, r := range index.AccountRoles {
		if index.RoleName(r) == name {
			return r
		}
	}
	return ""
}

func (s *UsersScreen) onAdd() {
	err := s.svc.backend().AddUser(context.Background(), index.User{Name: s.name.Text, Role: roleNamed(s.role.Selected), Department: s.dept.Text}, s.password.Text, s.sess.User.Name)
	if err != nil {
		showError(s.win, lang.L("账号操作没有成功"), err, "")
		return
	}
	showMessage(s.win, lang.L("已添加"), lang.L("已创建账号 ")+s.name.Text)
	s.name.SetText("")
	s.password.SetText("")
	s.Reload()
}

// change applies a change to the selected account and shows the list as it is after it.
func (s *UsersScreen) change(ch index.AccountChange) {
	if _, err := s.svc.backend().EditUser(context.Background(), s.selected, ch, s.sess.User.Name); err != nil {
		showError(s.win, lang.L("账号操作没有成功"), err, "")
	}
	s.Reload()
}

func (s *UsersScreen) onSave() {
	role, dept := roleNamed(s.editRole.Selected), s.editDept.Text
	s.change(index.AccountChange{Role: &role, Department: &dept})
}

func (s *UsersScreen) onToggle() {
	for _, u := range s.users {
		if u.Name == s.selected {
			disabled := !u.Disabled
			s.change(index.AccountChange{Disabled: &disabled})
			return
		}
	}
}

func (s *UsersScreen) onReset() {
	if err := s.svc.backend().ResetPassword(context.Background(), s.selected, s.reset.Text, s.sess.User.Name); err != nil {
		showError(s.win, lang.L("账号操作没有成功"), err, "")
		return
	}
	s.reset.SetText("")
	showMessage(s.win, lang.L("已重置"), lang.L("已为账号设置新密码：")+s.selected)
}
