package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"prepub/assets"
	"prepub/review/scan"
)

// SettingsScreen shows the policy in force: the rules file and a readable
// summary of it, and the keyword classes of the secrecy scan.
type SettingsScreen struct {
	svc         *Services
	server      *widget.Entry
	fingerprint *widget.Entry
	saved       *widget.Label
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
	path := svc.RulesPath
	if path == "" {
		path = lang.L("（未指定本单位规则文件，使用内置默认规则；启动时用 --rules 文件 指定）")
	}
	rules := widget.NewLabel(svc.Rules.Summary())
	rules.Wrapping = fyne.TextWrapWord
	var kw strings.Builder
	if tf, err := scan.ParseTerms("assets/keywords.toml", assets.Keywords); err == nil {
		for _, c := range tf.Classes {
			fmt.Fprintf(&kw, "%s（%s）：%s\n", categoryName(c.Category), c.Severity.Chinese(), strings.Join(c.Terms, "、"))
		}
	}
	keywords := widget.NewLabel(kw.String())
	keywords.Wrapping = fyne.TextWrapWord
	office, allow := policyText(svc.Policy)
	s := &SettingsScreen{svc: svc, server: widget.NewEntry(), fingerprint: widget.NewEntry(), saved: widget.NewLabel("")}
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
		widget.NewLabelWithStyle(lang.L("签发规则文件"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		wrapped(path), rules,
		widget.NewLabelWithStyle(lang.L("保密检查关键词（内置；本单位可用关键词文件追加）"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		keywords,
		widget.NewLabelWithStyle(lang.L("本单位关键词文件"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		wrapped(office),
		widget.NewLabelWithStyle(lang.L("保密检查白名单"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		wrapped(allow),
	))
	return s
}

// policyText describes an office's keyword files and its allow list, entry by entry with reason and expiry.
func policyText(p *scan.Policy) (office, allow string) {
	office = lang.L("（未指定；启动时用 --keywords 文件 指定）")
	allow = lang.L("（未指定白名单；启动时用 --allow 文件 指定）")
	if p == nil {
		return office, allow
	}
	if len(p.KeywordFiles) > 0 {
		office = strings.Join(p.KeywordFiles, "\n")
	}
	if p.Allow != nil {
		var b strings.Builder
		b.WriteString(p.AllowFile + "\n")
		today := time.Now().Format("2006-01-02")
		for _, e := range p.Allow.Entries {
			what := e.Text
			if what == "" {
				what = e.Pattern
			}
			exp := e.Expires.Format("2006-01-02")
			fmt.Fprintf(&b, "· %s：%s（%s %s", what, e.Reason, lang.L("到期"), exp)
			if today > exp {
				b.WriteString("，" + lang.L("已过期"))
			}
			b.WriteString("）\n")
		}
		allow = b.String()
	}
	return office, allow
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Content returns the screen's widgets.
func (s *SettingsScreen) Content() fyne.CanvasObject { return s.root }

// Reload does nothing: the policy in force changes only at start.
func (s *SettingsScreen) Reload() {}
