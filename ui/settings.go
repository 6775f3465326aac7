package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// SettingsScreen shows the policy in force: the rules file and a readable
// summary of it, and the keyword classes of the secrecy scan; and the office
// server the app connects to.
type SettingsScreen struct {
	svc         *Services
	server      *widget.Entry
	fingerprint *widget.Entry
	saved       *widget.Label
	policy      *fyne.Container // the policy in force, shown again on Reload
	root        fyne.CanvasObject
}

// Preferences that name the office server the app connects to at start.
const (
	ServerPreference      = "server.url"
	FingerprintPreference = "server.fingerprint"
)

// onSaveServer keeps the office server's address for the next start.
func (s *SettingsScreen) onSaveServer() {
	a := fyne.CurrentApp()
	if a == nil {
		return
	}
	url := strings.TrimSpace(s.server.Text)
	if url != "" && !strings.HasPrefix(url, "https://") {
		s.saved.SetText(lang.L("地址须以 https:// 开头"))
		return
	}
	a.Preferences().SetString(ServerPreference, url)
	a.Preferences().SetString(FingerprintPreference, strings.TrimSpace(s.fingerprint.Text))
	s.saved.SetText(lang.L("已保存，下次启动时生效"))
}

// NewSettingsScreen builds the settings screen.
func NewSettingsScreen(svc *Services) *SettingsScreen {
	s := &SettingsScreen{svc: svc, server: widget.NewEntry(), fingerprint: widget.NewEntry(), saved: widget.NewLabel(""),
		policy: container.NewVBox(policyWidgets(svc)...)}
	s.server.SetPlaceHolder("https://192.0.2.10:8443")
	s.fingerprint.SetPlaceHolder("AA:BB:…")
	if a := fyne.CurrentApp(); a != nil {
		s.server.SetText(a.Preferences().String(ServerPreference))
		s.fingerprint.SetText(a.Preferences().String(FingerprintPreference))
	}
	save := widget.NewButton(lang.L("保存，下次启动时生效"), s.onSaveServer)
	s.root = container.NewVScroll(container.NewVBox(
		widget.NewLabelWithStyle(lang.L("外观"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		newThemeRadio(),
		widget.NewLabelWithStyle(lang.L("办公服务器（留空则使用本机档案库）"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewForm(widget.NewFormItem(lang.L("服务器地址"), s.server), widget.NewFormItem(lang.L("证书指纹"), s.fingerprint)),
		container.NewHBox(save, s.saved),
		s.policy,
	))
	return s
}

// Content returns the screen's widgets.
func (s *SettingsScreen) Content() fyne.CanvasObject { return s.root }

// Reload shows the policy in force again: with the office server, the one it sent last (settings_policy.go).
func (s *SettingsScreen) Reload() {
	s.policy.Objects = policyWidgets(s.svc)
	s.policy.Refresh()
}
