package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// WaitBackground waits for the screens' background loads (runLatest) to be shown.
func WaitBackground() {
	for background.Load() > 0 {
		time.Sleep(5 * time.Millisecond)
	}
}

// DialogNote returns the multi-line entry of the dialog o (the app's dialogs
// make their own entry type, which tests outside the package cannot name), or nil.
func DialogNote(o fyne.CanvasObject) *widget.Entry {
	var found *widget.Entry
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || found != nil || !o.Visible() {
			return
		}
		if e, ok := o.(*modalEntry); ok && e.MultiLine {
			found = &e.Entry
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, k := range x.Objects {
				walk(k)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(x).Objects() {
				walk(k)
			}
		}
	}
	walk(o)
	return found
}
