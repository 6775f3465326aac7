package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// docShortcuts are a document view's shortcuts: Ctrl+N the next finding,
// Ctrl+Shift+N the previous one, Ctrl+F the search in the draft.
func docShortcuts() []*desktop.CustomShortcut {
	m := fyne.KeyModifierShortcutDefault
	return []*desktop.CustomShortcut{
		{KeyName: fyne.KeyN, Modifier: m}, {KeyName: fyne.KeyN, Modifier: m | fyne.KeyModifierShift},
		{KeyName: fyne.KeyF, Modifier: m},
	}
}

// docScreen is a screen that shows a draft in a document view.
type docScreen interface {
	Doc() *DocView
}

// Doc returns the view of the draft's text.
func (s *ClerkScreen) Doc() *DocView { return s.doc }

// Doc returns the view of the text of the draft on show.
func (s *QueueScreen) Doc() *DocView { return s.doc }

// Doc returns the view of the text of the record on show.
func (s *SearchScreen) Doc() *DocView { return s.doc }

// Doc returns the view of the text of the decision on show.
func (s *ReReviewScreen) Doc() *DocView { return s.doc }

// bindDocShortcuts has win's document shortcuts act on the view current
// returns (the one on show), when it returns one.
func bindDocShortcuts(win fyne.Window, current func() *DocView) {
	for _, sc := range docShortcuts() {
		win.Canvas().AddShortcut(sc, func(sc fyne.Shortcut) {
			if v := current(); v != nil && !dialogTakes(win, sc) {
				v.typedShortcut(sc)
			}
		})
	}
}

// typedShortcut does what a document shortcut asks.
func (v *DocView) typedShortcut(sc fyne.Shortcut) {
	cs, ok := sc.(*desktop.CustomShortcut)
	if !ok {
		return
	}
	switch {
	case cs.KeyName == fyne.KeyN && cs.Modifier&fyne.KeyModifierShift != 0:
		v.Prev()
	case cs.KeyName == fyne.KeyN:
		v.Next()
	case cs.KeyName == fyne.KeyF:
		v.FocusFind()
	}
}
