package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The screens' entries, lists and tables pass F1 on to the window, which opens the screen's help:
// Fyne gives a key to the focused widget only, and its own widgets ignore F1. A list or table has
// the keyboard once a row is clicked.

// helpEntry is an entry of a screen that passes F1 on.
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

// helpList is a list of a screen that passes F1 on.
type helpList struct {
	widget.List
}

// newHelpList returns a list as widget.NewList does.
func newHelpList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *helpList {
	l := &helpList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey opens the help on F1 and moves in the list otherwise.
func (l *helpList) TypedKey(ev *fyne.KeyEvent) {
	if !passHelpKey(l, ev) {
		l.List.TypedKey(ev)
	}
}

// Base returns the list itself, for tests that pick in it.
func (l *helpList) Base() *widget.List { return &l.List }

// helpTable is a table of a screen that passes F1 on.
type helpTable struct {
	widget.Table
}

// TypedKey opens the help on F1 and moves in the table otherwise.
func (t *helpTable) TypedKey(ev *fyne.KeyEvent) {
	if !passHelpKey(t, ev) {
		t.Table.TypedKey(ev)
	}
}

// Base returns the table itself, for tests that pick in it.
func (t *helpTable) Base() *widget.Table { return &t.Table }
