package ui

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// fileDialogOpen shows an open dialog on a folder holding one draft, and returns the window, the
// dialog's file list and what the dialog answered: the path opened, or "" when cancelled.
func fileDialogOpen(t *testing.T) (fyne.Window, fyne.Focusable, *string, *bool) {
	test.NewTempApp(t)
	w := test.NewWindow(widget.NewLabel(""))
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1024, 700))
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "草稿.docx"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	rememberFolder(dir)
	var got string
	answered := false
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		answered = true
		if err != nil {
			t.Error(err)
		}
		if r != nil {
			got = chosenPath(r)
		}
	}, w)
	showFileDialog(d, w, "打开", ".docx")
	var files fyne.Focusable
	for _, o := range findIn[fyne.CanvasObject](w.Canvas().Overlays().Top()) {
		switch x := o.(type) {
		case *widget.GridWrap:
			files = x
		case *widget.List:
			if x.Length() <= 2 { // the parent folder and the draft; the places list has more
				files = x
			}
		}
	}
	if files == nil {
		t.Fatal("no file list in the dialog")
	}
	return w, files, &got, &answered
}

// fileDialogFocus puts the focus on o as a click would, and waits for the dialog to take the keys.
func fileDialogFocus(t *testing.T, w fyne.Window, o fyne.Focusable) {
	t.Helper()
	w.Canvas().Focus(o)
	for start := time.Now(); time.Since(start) < 2*time.Second; time.Sleep(10 * time.Millisecond) {
		if _, ok := w.Canvas().Focused().(*fileKeys); ok {
			return
		}
	}
	t.Fatalf("the dialog did not take the keys: focus on %T", w.Canvas().Focused())
}

// TestFileDialog_EscapeInside ensures Escape cancels the open dialog when the focus is in its file
// list, answering with no file.
func TestFileDialog_EscapeInside(t *testing.T) {
	w, files, got, answered := fileDialogOpen(t)
	fileDialogFocus(t, w, files)
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Errorf("the dialog is still open: %T", top)
	}
	if !*answered || *got != "" {
		t.Errorf("answered %v with %q, want a cancel", *answered, *got)
	}
}

// TestFileDialog_EnterOpens ensures Enter opens the file selected in the open dialog's list.
func TestFileDialog_EnterOpens(t *testing.T) {
	w, files, got, _ := fileDialogOpen(t)
	fileDialogFocus(t, w, files)
	switch x := files.(type) {
	case *widget.GridWrap: // the parent folder comes first, the draft last
		x.Select(x.Length() - 1)
	case *widget.List:
		x.Select(x.Length() - 1)
	}
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if filepath.Base(*got) != "草稿.docx" {
		t.Errorf("opened %q, want 草稿.docx", *got)
	}
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Errorf("the dialog is still open: %T", top)
	}
}
