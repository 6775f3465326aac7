package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// fileKeys holds the keyboard focus of a file dialog on behalf of the widget in it that the person
// put the focus on (the file list, the places, a folder button, the name field), so that Escape
// cancels the dialog and Enter opens the chosen file wherever the focus is: Fyne gives typed keys
// to the focused widget alone, and its file dialog's widgets ignore both. Every other key goes on
// to that widget, which is told it has the focus and so shows it.
type fileKeys struct {
	widget.BaseWidget
	m     *modal
	open  *widget.Button // the dialog's button that opens (or saves) the chosen file
	inner fyne.Focusable // the widget the person focused, or nil
}

// catchFileKeys puts a fileKeys into the file dialog top, shown by m, beside its open button, and
// gives it the focus.
func catchFileKeys(m *modal, top fyne.CanvasObject) {
	k := &fileKeys{m: m}
	k.ExtendBaseWidget(k)
	eachObject(top, func(o fyne.CanvasObject) {
		c, ok := o.(*fyne.Container)
		if !ok || k.open != nil {
			return
		}
		for i, b := range c.Objects {
			if b, ok := b.(*widget.Button); ok && b.Importance == widget.HighImportance {
				k.open = b
				// k has no size, so it takes no clicks from the button it sits on.
				c.Objects[i] = container.NewStack(b, container.NewWithoutLayout(k))
				c.Refresh()
				m.win.Canvas().Focus(k)
				return
			}
		}
	})
}

// FocusGained passes the focus on to the widget the person focused, for it to show.
func (k *fileKeys) FocusGained() {
	if k.inner != nil {
		k.inner.FocusGained()
	}
}

// FocusLost takes the focus back from the widget that took it, once Fyne has given it, while the
// dialog is open.
func (k *fileKeys) FocusLost() {
	if k.inner != nil {
		k.inner.FocusLost()
	}
	go k.takeBack()
}

// takeBack gives the focus back to k once it has moved to another widget of
// the dialog. FocusLost is called before the focus moves, and a driver may
// run the check at once, on this goroutine: while the focus is still on k,
// it looks again a little later, for up to a second.
func (k *fileKeys) takeBack() {
	for range 100 {
		moved := true
		fyne.DoAndWait(func() {
			c := k.m.win.Canvas()
			f := c.Focused()
			if moved = f != k; k.m.closed || f == nil || !moved {
				return
			}
			k.inner = f
			c.Focus(k)
		})
		if moved {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TypedKey cancels the dialog on Escape, opens the chosen file on Enter (the name field's own
// Enter in a save dialog), and passes any other key on.
func (k *fileKeys) TypedKey(ev *fyne.KeyEvent) {
	_, entry := k.inner.(*widget.Entry)
	switch {
	case ev.Name == fyne.KeyEscape:
		k.m.cancel()
	case (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && !entry:
		if k.open != nil && !k.open.Disabled() && k.open.OnTapped != nil {
			k.open.OnTapped()
		}
	case k.inner != nil:
		k.inner.TypedKey(ev)
	}
}

// TypedRune passes a typed character on.
func (k *fileKeys) TypedRune(r rune) {
	if k.inner != nil {
		k.inner.TypedRune(r)
	}
}

// TypedShortcut passes a shortcut on (the name field's copy and paste).
func (k *fileKeys) TypedShortcut(sc fyne.Shortcut) {
	if s, ok := k.inner.(fyne.Shortcutable); ok {
		s.TypedShortcut(sc)
	}
}

// CreateRenderer draws nothing.
func (k *fileKeys) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}
