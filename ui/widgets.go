package ui

import (
	"path/filepath"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// newTruncLabel returns an empty label that cuts long text with an ellipsis.
func newTruncLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// newTitleLabel returns an empty bold label that cuts long text with an ellipsis.
func newTitleLabel() *widget.Label {
	l := newTruncLabel()
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

// newSelect returns a drop-down list of options whose empty state reads 请选择, not Fyne's English
// "(Select one)"; set PlaceHolder after it to say more.
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = lang.L("（请选择）")
	return s
}

// newCellLabel is a table's CreateCell: an empty label that cuts long text with an ellipsis.
func newCellLabel() fyne.CanvasObject { return newTruncLabel() }

// newHeaderLabel is a table's CreateHeader: an empty bold label.
func newHeaderLabel() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

// newTextTable returns a table of newCellLabel cells under a header row of newHeaderLabel, with these column widths.
func newTextTable(size func() (int, int), update, updateHeader func(widget.TableCellID, fyne.CanvasObject), widths []float32) *helpTable {
	t := &helpTable{}
	t.Length, t.CreateCell, t.UpdateCell = size, newCellLabel, update
	t.ExtendBaseWidget(t)
	t.ShowHeaderRow = true
	t.CreateHeader = newHeaderLabel
	t.UpdateHeader = updateHeader
	for c, w := range widths {
		t.SetColumnWidth(c, w)
	}
	return t
}

// newTitleMetaBox returns a bold title over a small meta line, then extra, packed tight.
func newTitleMetaBox(extra ...fyne.CanvasObject) *fyne.Container {
	meta := newTruncLabel()
	meta.SizeName = theme.SizeNameCaptionText
	objs := append([]fyne.CanvasObject{newTitleLabel(), meta}, extra...)
	return container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()*2), objs...)
}

// newTitleMetaItem is a list's CreateItem: a box from newTitleMetaBox with nothing more.
func newTitleMetaItem() fyne.CanvasObject { return newTitleMetaBox() }

// setTitleMeta sets the title and meta lines of a box made by newTitleMetaBox and returns it.
func setTitleMeta(o fyne.CanvasObject, title, meta string) *fyne.Container {
	c := o.(*fyne.Container)
	c.Objects[0].(*widget.Label).SetText(title)
	c.Objects[1].(*widget.Label).SetText(meta)
	return c
}

// chosenPath closes the file picked in an open dialog, logging a failure to close, and returns its path.
func chosenPath(r fyne.URIReadCloser) string {
	path := r.URI().Path()
	rememberFolder(filepath.Dir(path))
	if err := r.Close(); err != nil {
		fyne.LogError("close "+path, err)
	}
	return path
}

// showStatus shows text on a status line with the given importance.
func showStatus(l *wrapLabel, text string, imp widget.Importance) {
	l.Importance = imp
	l.SetText(text)
	l.Show()
}

// notify calls f when it is set; screens use it for their OnChanged hook.
func notify(f func()) {
	if f != nil {
		f()
	}
}

// background counts the loads runLatest has running, so a test can wait for
// them before it reads the widgets they change. (A counter, not a WaitGroup:
// loads start while a test waits, which a WaitGroup forbids.)
var background atomic.Int64

// runLatest bumps *pending, runs work off the UI goroutine, then the func it returns on the UI goroutine unless *pending has moved on since.
func runLatest(pending *int, work func() (show func())) {
	*pending++
	n := *pending
	background.Add(1)
	go func() {
		defer background.Add(-1)
		show := work()
		fyne.Do(func() {
			if n == *pending {
				show()
			}
		})
	}()
}

// lastFolderKey is the preference that remembers the folder a file was last opened from.
const lastFolderKey = "last.folder"

// lastFolder returns the folder a file was last opened from, when it still exists.
func lastFolder() fyne.ListableURI {
	a := fyne.CurrentApp()
	if a == nil {
		return nil
	}
	dir := a.Preferences().String(lastFolderKey)
	if dir == "" {
		return nil
	}
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		return nil
	}
	return l
}

// rememberFolder keeps the folder of the file just opened for the next file dialog.
func rememberFolder(dir string) {
	if a := fyne.CurrentApp(); a != nil {
		a.Preferences().SetString(lastFolderKey, dir)
	}
}
