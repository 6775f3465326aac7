package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// helpEntry is an entry of a screen that passes F1 on to the window, which opens the screen's
// help: Fyne gives a key to the focused widget only, and a plain entry ignores F1.
type helpEntry struct {
	widget.Entry
}

// newHelpEntry returns a one-line entry, or a multi-line one that wraps words when multiLine.
func newHelpEntry(multiLine bool) *helpEntry {
	e := &helpEntry{}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey opens the help on F1 and edits otherwise.
func (e *helpEntry) TypedKey(ev *fyne.KeyEvent) {
	if !passHelpKey(e, ev) {
		e.Entry.TypedKey(ev)
	}
}

// Base returns the entry itself, for tests that type into it.
func (e *helpEntry) Base() *widget.Entry { return &e.Entry }
