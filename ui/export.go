package ui

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
)

// askExport shows the save dialog with a file name and, off the UI
// goroutine, writes the file to the place chosen; done is called on the UI
// goroutine with its path, or not at all when the person cancels. A failure
// is shown in a dialog that says what to do.
func askExport(win fyne.Window, name, ext string, write func(io.Writer) error, done func(path string, err error)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(win, lang.L("无法保存"), err, lang.L("无法打开所选位置：请换一个有写入权限的文件夹后重试。"))
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		go func() {
			err := write(w)
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			fyne.Do(func() {
				if err != nil {
					showError(win, lang.L("导出失败"), err, fmt.Sprintf(lang.L("无法写入 %s：请换一个位置再试。"), path))
				}
				done(path, err)
			})
		}()
	}, win)
	d.SetFileName(name)
	showFileDialog(d, win, lang.L("保存"), ext)
}
