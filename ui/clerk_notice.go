package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// clerkNotice is the line at the top of the clerk's window that tells of
// drafts that came back or were decided, until the clerk dismisses it.
type clerkNotice struct {
	text *widget.Label
	box  *fyne.Container
}

// newClerkNotice builds the notice, hidden.
func newClerkNotice() *clerkNotice {
	n := &clerkNotice{text: widget.NewLabel("")}
	n.text.Wrapping = fyne.TextWrapWord
	n.text.Importance = widget.WarningImportance
	ok := widget.NewButtonWithIcon(lang.L("知道了"), theme.ConfirmIcon(), n.dismiss)
	n.box = container.NewBorder(nil, widget.NewSeparator(), nil, ok, n.text)
	n.box.Hide()
	return n
}

// show adds lines to the notice and shows it.
func (n *clerkNotice) show(lines []string) {
	text := strings.Join(lines, "\n")
	if n.box.Visible() && n.text.Text != "" {
		text = n.text.Text + "\n" + text
	}
	n.text.SetText(text)
	n.box.Show()
}

// dismiss hides the notice and forgets its lines.
func (n *clerkNotice) dismiss() {
	n.text.SetText("")
	n.box.Hide()
}

// Notice returns the notice at the top of the window, "" when none is shown.
func (s *ClerkScreen) Notice() string {
	if !s.notice.box.Visible() {
		return ""
	}
	return s.notice.text.Text
}

// Mine returns the clerk's list of their drafts (我的草稿).
func (s *ClerkScreen) Mine() *MineScreen { return s.mine }
