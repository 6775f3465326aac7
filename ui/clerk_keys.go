package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// onShortcut handles the screen's shortcuts, from the canvas or from a focused entry.
func (s *ClerkScreen) onShortcut(sc fyne.Shortcut) {
	cs, ok := sc.(*desktop.CustomShortcut)
	if !ok || dialogTakes(s.win, sc) {
		return
	}
	switch cs.KeyName {
	case fyne.KeyO:
		s.onOpenTapped()
	case fyne.KeyN:
		if cs.Modifier&fyne.KeyModifierShift != 0 {
			s.PrevFinding()
		} else {
			s.NextFinding()
		}
	case fyne.KeyF:
		s.doc.FocusFind()
	case fyne.KeyReturn, fyne.KeyEnter:
		s.onSubmitTapped()
	}
}

// clerkShortcuts are the screen's shortcuts: Ctrl+O, Ctrl+N, Ctrl+Shift+N, Ctrl+F, Ctrl+Enter (both Enter keys).
func clerkShortcuts() []*desktop.CustomShortcut {
	m := fyne.KeyModifierShortcutDefault
	return append(docShortcuts(), &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: m},
		&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: m}, &desktop.CustomShortcut{KeyName: fyne.KeyEnter, Modifier: m})
}

// clerkEntry is an entry that passes the screen's shortcuts on: a focused entry gets every
// shortcut first, and a plain one would swallow Ctrl+Enter while the clerk types the reason.
type clerkEntry struct {
	widget.Entry
	forward func(fyne.Shortcut)
}

// newClerkEntry makes an entry that forwards the screen's shortcuts to fn.
func newClerkEntry(multiLine bool, fn func(fyne.Shortcut)) *clerkEntry {
	e := &clerkEntry{forward: fn}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut forwards the screen's shortcuts and lets the entry handle the rest.
func (e *clerkEntry) TypedShortcut(sc fyne.Shortcut) {
	if cs, ok := sc.(*desktop.CustomShortcut); ok {
		for _, own := range clerkShortcuts() {
			if cs.ShortcutName() == own.ShortcutName() {
				e.forward(sc)
				return
			}
		}
	}
	e.Entry.TypedShortcut(sc)
}

// Base returns the entry itself, for tests that type into it.
func (e *clerkEntry) Base() *widget.Entry { return &e.Entry }

// TypedKey passes F1 on to the window, which opens the help, and edits otherwise.
func (e *clerkEntry) TypedKey(ev *fyne.KeyEvent) {
	if !passHelpKey(e, ev) {
		e.Entry.TypedKey(ev)
	}
}
