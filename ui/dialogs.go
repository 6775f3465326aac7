package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// modal is one dialog the app shows: Escape cancels it and Ctrl+Enter confirms it, wherever the
// keyboard focus is inside it. Build its content with keys and entry, then show it with show.
type modal struct {
	win    fyne.Window
	d      dialog.Dialog
	prev   func(*fyne.KeyEvent) // the canvas's key handler before the dialog
	below  *modal               // the dialog that had the canvas's keys before, if any
	closed bool                 // the dialog has closed: its key handler passes keys on to prev
	submit func()               // what Ctrl+Enter does in a dialog that is a form with its own button, if set
}

// modalTop is the dialog shown last on each canvas, whose key handler the canvas has.
var modalTop = map[fyne.Canvas]*modal{}

// newModal starts a dialog on win.
func newModal(win fyne.Window) *modal { return &modal{win: win} }

// show shows d and puts the keyboard on first (the dialog's first field), or on the dialog itself.
// Escape also works when a click took the focus away: the canvas hands it to the dialog until it
// closes, and then gives the keys back to what had them before it: the window, or an open dialog.
func (m *modal) show(d dialog.Dialog, first fyne.Focusable) {
	m.d = d
	c := m.win.Canvas()
	m.prev, m.below = c.OnTypedKey(), modalTop[c]
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch {
		case !m.closed && ev.Name == fyne.KeyEscape:
			m.cancel()
		case m.prev != nil:
			m.prev(ev)
		}
	})
	modalTop[c] = m
	d.SetOnClosed(func() {
		m.closed = true
		if modalTop[c] != m {
			return // a dialog opened from this one's answer is on top: it gives the keys back
		}
		h, b := m.prev, m.below
		for b != nil && b.closed {
			h, b = b.prev, b.below
		}
		c.SetOnTypedKey(h)
		if modalTop[c] = b; b == nil {
			delete(modalTop, c)
		}
	})
	d.Show()
	if first != nil {
		c.Focus(first)
	}
}

// confirm presses the dialog's confirm button (or runs submit); a dialog with only a close button closes.
func (m *modal) confirm() {
	if m.submit != nil {
		m.submit()
		return
	}
	switch d := m.d.(type) {
	case *dialog.ConfirmDialog:
		d.Confirm()
	case *dialog.FormDialog:
		d.Submit()
	case nil, *dialog.FileDialog: // a file is chosen with the mouse or the dialog's own button
	default:
		d.Hide()
	}
}

// cancel closes the dialog as its cancel button does.
func (m *modal) cancel() {
	if m.d != nil {
		m.d.Dismiss()
	}
}

// dialogTakes reports whether a dialog the app made is open on win and, if so, gives it sc, so that a
// screen's shortcuts do nothing behind it and Ctrl+Enter confirms the dialog wherever the focus is.
func dialogTakes(win fyne.Window, sc fyne.Shortcut) bool {
	m := modalTop[win.Canvas()]
	if m == nil || m.closed {
		return false
	}
	m.onShortcut(sc)
	return true
}

// onKey handles the dialog's own keys and reports whether ev was one of them.
func (m *modal) onKey(ev *fyne.KeyEvent) bool {
	if ev.Name == fyne.KeyEscape {
		m.cancel()
		return true
	}
	return false
}

// onShortcut handles Ctrl+Enter and reports whether sc was it.
func (m *modal) onShortcut(sc fyne.Shortcut) bool {
	cs, ok := sc.(*desktop.CustomShortcut)
	if ok && cs.Modifier == fyne.KeyModifierShortcutDefault && (cs.KeyName == fyne.KeyReturn || cs.KeyName == fyne.KeyEnter) {
		m.confirm()
		return true
	}
	return false
}

// modalKeys wraps a dialog's content so the dialog itself can hold the keyboard focus.
type modalKeys struct {
	widget.BaseWidget
	m       *modal
	content fyne.CanvasObject
}

// keys wraps content so that, focused, it takes the dialog's keys.
func (m *modal) keys(content fyne.CanvasObject) *modalKeys {
	k := &modalKeys{m: m, content: content}
	k.ExtendBaseWidget(k)
	return k
}

// CreateRenderer shows the wrapped content.
func (k *modalKeys) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(k.content) }

// FocusGained does nothing: the dialog shows no focus mark of its own.
func (k *modalKeys) FocusGained() {}

// FocusLost does nothing.
func (k *modalKeys) FocusLost() {}

// TypedRune ignores typing.
func (k *modalKeys) TypedRune(rune) {}

// TypedKey cancels on Escape.
func (k *modalKeys) TypedKey(ev *fyne.KeyEvent) { k.m.onKey(ev) }

// TypedShortcut confirms on Ctrl+Enter.
func (k *modalKeys) TypedShortcut(sc fyne.Shortcut) { k.m.onShortcut(sc) }

// modalEntry is an entry in a dialog: Tab leaves it even when it has several lines, Escape cancels
// the dialog and Ctrl+Enter confirms it.
type modalEntry struct {
	widget.Entry
	m *modal
}

// entry returns an entry of the dialog, multi-line (wrapping words) when multiLine.
func (m *modal) entry(multiLine bool) *modalEntry {
	e := &modalEntry{m: m}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// password returns a password entry of the dialog, with a button that shows or hides what was typed.
func (m *modal) password() *modalEntry {
	e := m.entry(false)
	e.Password = true
	var eye *widget.Button
	eye = widget.NewButtonWithIcon("", theme.VisibilityOffIcon(), func() {
		e.Password = !e.Password
		eye.SetIcon(map[bool]fyne.Resource{true: theme.VisibilityOffIcon(), false: theme.VisibilityIcon()}[e.Password])
		e.Refresh()
	})
	eye.Importance = widget.LowImportance
	e.ActionItem = eye
	return e
}

// Base returns the entry itself, for tests that type into it.
func (e *modalEntry) Base() *widget.Entry { return &e.Entry }

// AcceptsTab is false: Tab moves to the next field, as in every other form, never types a tab.
func (e *modalEntry) AcceptsTab() bool { return false }

// TypedKey cancels the dialog on Escape, moves on on Tab, and edits otherwise.
func (e *modalEntry) TypedKey(ev *fyne.KeyEvent) {
	if e.m.onKey(ev) {
		return
	}
	if ev.Name == fyne.KeyTab { // reached only where the driver did not move the focus itself
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			c.FocusNext()
		}
		return
	}
	e.Entry.TypedKey(ev)
}

// TypedShortcut confirms the dialog on Ctrl+Enter and edits otherwise.
func (e *modalEntry) TypedShortcut(sc fyne.Shortcut) {
	if !e.m.onShortcut(sc) {
		e.Entry.TypedShortcut(sc)
	}
}
