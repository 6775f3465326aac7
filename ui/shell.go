package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/review"
)

// Shell is the main window: sign-in first, then one tab per screen the
// signed-in user's role may use. Queues reload when their tab is shown and
// every half minute, so new work appears without a restart.
type Shell struct {
	win     fyne.Window
	svc     *Services
	sess    *Session
	tabs    *container.AppTabs
	screens []Screen
	drop    func(path string) // where a dropped file goes, for the clerk
	open    string            // a file named on the command line, for the next clerk to sign in
	ticker  *time.Ticker
	status  *widget.Label
}

// NewShell builds the window's content: the first-administrator setup when
// the archive has no account yet, else the sign-in screen.
func NewShell(win fyne.Window, svc *Services) *Shell {
	s := &Shell{win: win, svc: svc, status: widget.NewLabel("")}
	win.SetOnDropped(s.onDropped)
	win.Canvas().SetOnTypedKey(s.onHelpKey(win.Canvas().OnTypedKey())) // F1: the help of the tab in front
	s.showSignIn()
	return s
}

// Session returns who is signed in, or nil.
func (s *Shell) Session() *Session { return s.sess }

// Tabs returns the tab titles shown to the signed-in user.
func (s *Shell) Tabs() []string {
	if s.tabs == nil {
		return nil
	}
	var out []string
	for _, t := range s.tabs.Items {
		out = append(out, t.Text)
	}
	return out
}

// Select shows the tab with the given title.
func (s *Shell) Select(title string) {
	for i, t := range s.tabs.Items {
		if t.Text == title || t.Text == lang.L(title) {
			s.tabs.SelectIndex(i)
			s.screens[i].Reload()
		}
	}
}

// Screen returns the screen behind the tab with the given title, or nil.
func (s *Shell) Screen(title string) Screen {
	for i, t := range s.tabs.Items {
		if t.Text == title || t.Text == lang.L(title) {
			return s.screens[i]
		}
	}
	return nil
}

func (s *Shell) showSignIn() {
	first := false // the office server's accounts are made with prepubctl users add
	if s.svc.Remote == nil {
		n, err := s.svc.Desk.UserCount(context.Background())
		if err != nil {
			showError(s.win, lang.L("无法读取账号"), err, "")
		}
		first = n == 0
	}
	si := NewSignIn(s.win, s.svc, first, s.SignedIn)
	s.win.SetContent(si.Content())
	s.win.Canvas().Focus(si.First()) // type the name straight away
}

// SignedIn opens the screens of a user's role.
func (s *Shell) SignedIn(u index.User) {
	s.sess = &Session{User: u}
	s.screens, s.drop = nil, nil
	s.tabs = container.NewAppTabs()
	add := func(title string, sc Screen) {
		s.screens = append(s.screens, sc)
		s.tabs.Append(container.NewTabItem(title, sc.Content()))
	}
	switch u.Role {
	case review.RoleClerk:
		c := NewClerkScreen(s.win, s.svc, s.sess)
		s.drop = c.Open
		add(lang.L("起草与提交"), c)
		add(lang.L("批量检查"), NewBatchScreen(s.win, s.svc))
	case review.SecrecyOfficer:
		add(lang.L("保密审查"), NewQueueScreen(s.win, s.svc, s.sess))
		add(lang.L("批量检查"), NewBatchScreen(s.win, s.svc))
	case review.LegalOffice:
		add(lang.L("法制审查"), NewQueueScreen(s.win, s.svc, s.sess))
	case review.DeputyHead, review.PrincipalHead:
		add(lang.L("签发"), NewQueueScreen(s.win, s.svc, s.sess))
	case index.RoleAdmin:
		add(lang.L("账号"), NewUsersScreen(s.win, s.svc, s.sess))
	}
	if _, reviews := review.StepState(u.Role); reviews {
		add(lang.L("已办"), NewMineScreen(s.win, s.svc, s.sess))
	}
	if index.MaySearch(u.Role) {
		add(lang.L("档案检索"), NewSearchScreen(s.win, s.svc, s.sess))
	}
	if index.MayKeepArchive(u.Role) {
		add(lang.L("年度复查"), NewReReviewScreen(s.win, s.svc, s.sess))
		add(lang.L("公开目录"), NewCatalogueScreen(s.win, s.svc, s.sess))
		add(lang.L("年度报告"), NewReportScreen(s.win, s.svc, s.sess))
	}
	add(lang.L("设置"), NewSettingsScreen(s.svc))
	if u.Role != review.RoleClerk { // the clerk's screen binds its own, with the table of findings
		bindDocShortcuts(s.win, s.currentDoc)
	}
	s.tabs.OnSelected = func(*container.TabItem) { s.reloadCurrent(); s.focusCurrent() }
	s.status.SetText(lang.L("当前用户：") + u.Name + "（" + index.RoleName(u.Role) + "）")
	switchUser := widget.NewButton(lang.L("切换用户"), s.onSwitchUser)
	password := widget.NewButton(lang.L("修改密码"), func() { s.ChangePassword() })
	help := widget.NewButtonWithIcon(lang.L("帮助（F1）"), theme.HelpIcon(), s.Help)
	top := container.NewBorder(nil, nil, nil, container.NewHBox(help, password, switchUser), s.status)
	s.win.SetContent(container.NewBorder(top, nil, nil, nil, s.tabs))
	s.reloadCurrent()
	s.focusCurrent()
	s.startPolling()
	if s.open != "" && s.drop != nil {
		s.drop(s.open)
		s.open = ""
	}
}

// currentDoc returns the document view of the tab in front, nil when it has none.
func (s *Shell) currentDoc() *DocView {
	if s.tabs == nil {
		return nil
	}
	if i := s.tabs.SelectedIndex(); i >= 0 && i < len(s.screens) {
		if d, ok := s.screens[i].(docScreen); ok {
			return d.Doc()
		}
	}
	return nil
}

// reloadCurrent reloads the screen of the tab in front.
func (s *Shell) reloadCurrent() {
	if i := s.tabs.SelectedIndex(); i >= 0 && i < len(s.screens) {
		s.screens[i].Reload()
	}
}

// focusCurrent puts the keyboard on the first field of the tab in front, when it has a form.
func (s *Shell) focusCurrent() {
	if i := s.tabs.SelectedIndex(); i >= 0 && i < len(s.screens) {
		if f, ok := s.screens[i].(formScreen); ok {
			s.win.Canvas().Focus(f.First())
		}
	}
}

// startPolling reloads the tab in front every 30 seconds, so work others send arrives by itself.
func (s *Shell) startPolling() {
	if s.ticker != nil {
		s.ticker.Stop()
	}
	s.ticker = time.NewTicker(30 * time.Second)
	t := s.ticker
	go func() {
		for range t.C {
			fyne.Do(s.reloadCurrent)
		}
	}()
}

// ChangePassword opens the signed-in person's password form in a dialog and returns it.
func (s *Shell) ChangePassword() *PasswordForm {
	var d dialog.Dialog
	m := newModal(s.win)
	f := newPasswordForm(m, s.svc, s.sess.User.Name, func() {
		d.Hide()
		showMessage(s.win, lang.L("已修改"), lang.L("密码已修改，下次登录请用新密码。"))
	})
	d = dialog.NewCustom(lang.L("修改密码"), lang.L("关闭"), m.keys(f.Content()), s.win)
	m.show(d, f.First())
	return f
}

func (s *Shell) onSwitchUser() {
	if s.ticker != nil {
		s.ticker.Stop()
	}
	s.sess, s.tabs, s.screens, s.drop = nil, nil, nil, nil
	s.showSignIn()
}

func (s *Shell) onDropped(_ fyne.Position, uris []fyne.URI) {
	if len(uris) == 0 {
		return
	}
	if s.drop == nil {
		showMessage(s.win, lang.L("无法打开"), lang.L("只有起草人可以拖入草稿进行检查和提交。"))
		return
	}
	s.Select("起草与提交")
	s.drop(uris[0].Path())
}
