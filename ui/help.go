package ui

import (
	"embed"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"prepub/review"
)

// helpPages holds one short Markdown page per screen and language: help/zh/NAME.md and help/en/NAME.md.
//
//go:embed help
var helpPages embed.FS

// helpLanguage is the folder of help pages in the language chosen by SetupLanguage.
var helpLanguage = Chinese

// helpPage returns the name of the help page of sc, a screen shown to role.
func helpPage(sc Screen, role review.Role) string {
	switch s := sc.(type) {
	case *ClerkScreen:
		if s.tabs != nil && s.tabs.Selected() != nil && s.tabs.Selected().Text == lang.L("我的草稿") {
			return "clerk-mine"
		}
		return "clerk"
	case *BatchScreen:
		return "batch"
	case *QueueScreen:
		switch role {
		case review.SecrecyOfficer:
			return "secrecy"
		case review.LegalOffice:
			return "legal"
		}
		return "signoff"
	case *MineScreen:
		return "mine"
	case *SearchScreen:
		return "search"
	case *ReReviewScreen:
		return "rereview"
	case *CatalogueScreen:
		return "catalogue"
	case *ReportScreen:
		return "report"
	case *UsersScreen:
		return "accounts"
	}
	return "settings"
}

// helpText returns the Markdown of a help page in the chosen language, Chinese when it has no translation.
func helpText(page string) string {
	data, err := helpPages.ReadFile("help/" + helpLanguage + "/" + page + ".md")
	if err != nil {
		data, err = helpPages.ReadFile("help/" + Chinese + "/" + page + ".md")
	}
	if err != nil {
		fyne.LogError("help page "+page, err)
	}
	return string(data)
}

// showHelp shows a help page in a scrolling dialog titled after the screen; Escape closes it.
func showHelp(win fyne.Window, screen, page string) {
	text := widget.NewRichTextFromMarkdown(helpText(page))
	text.Wrapping = fyne.TextWrapWord
	body := container.NewVScroll(text)
	body.SetMinSize(fyne.NewSize(messageWidth+120, 360))
	m := newModal(win)
	k := m.keys(body)
	m.show(dialog.NewCustom(lang.L("帮助：")+screen, lang.L("关闭"), k, win), k)
}

// Help shows the help page of the tab in front; F1 and the 帮助 button call it.
func (s *Shell) Help() {
	if s.tabs == nil || s.sess == nil {
		return
	}
	i := s.tabs.SelectedIndex()
	if i < 0 || i >= len(s.screens) {
		return
	}
	showHelp(s.win, s.tabs.Items[i].Text, helpPage(s.screens[i], s.sess.User.Role))
}

// onHelpKey opens the help on F1 unless a dialog is open, and passes every other key on to next.
func (s *Shell) onHelpKey(next func(*fyne.KeyEvent)) func(*fyne.KeyEvent) {
	return func(ev *fyne.KeyEvent) {
		switch {
		case ev.Name == fyne.KeyF1:
			if m := modalTop[s.win.Canvas()]; m == nil || m.closed {
				s.Help()
			}
		case next != nil:
			next(ev)
		}
	}
}

// passHelpKey hands F1 from a focused widget to its window, which opens the help, and reports
// whether ev was F1: Fyne gives a key to the focused widget only, and entries ignore F1.
func passHelpKey(o fyne.CanvasObject, ev *fyne.KeyEvent) bool {
	if ev.Name != fyne.KeyF1 {
		return false
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(ev)
	}
	return true
}
