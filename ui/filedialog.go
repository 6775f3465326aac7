package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// filePlaces are the Chinese names of the places Fyne's file dialog lists on its left, which it
// shows by their English names without looking them up in its translations.
var filePlaces = map[string]string{
	"Home":      "主文件夹",
	"Computer":  "计算机",
	"App Files": "应用文件",
	"Desktop":   "桌面",
	"Documents": "文档",
	"Downloads": "下载",
	"Music":     "音乐",
	"Pictures":  "图片",
	"Videos":    "视频",
	"Movies":    "影片",
}

// showFileDialog filters d to exts (when given), names its buttons, sizes it to nearly fill win and
// shows it with its places in the window's language; Escape closes it.
func showFileDialog(d *dialog.FileDialog, win fyne.Window, confirm string, exts ...string) {
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	d.SetConfirmText(confirm)
	d.SetDismissText(lang.L("取消"))
	if dir := lastFolder(); dir != nil {
		d.SetLocation(dir)
	}
	d.Resize(win.Canvas().Size().Subtract(fyne.NewSize(40, 40)))
	newModal(win).show(d, nil)
	if top := win.Canvas().Overlays().Top(); top != nil {
		namePlaces(top)
	}
}

// namePlaces makes the lists under o show the file dialog's places by their translated names.
func namePlaces(o fyne.CanvasObject) {
	switch x := o.(type) {
	case *widget.PopUp:
		namePlaces(x.Content)
	case *fyne.Container:
		for _, c := range x.Objects {
			namePlaces(c)
		}
	case *container.Split:
		namePlaces(x.Leading)
		namePlaces(x.Trailing)
	case *widget.List:
		update := x.UpdateItem
		if update == nil {
			return
		}
		x.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
			update(id, item)
			if c, ok := item.(*fyne.Container); ok && len(c.Objects) > 1 {
				if l, ok := c.Objects[1].(*widget.Label); ok {
					if zh, ok := filePlaces[l.Text]; ok {
						l.SetText(lang.L(zh))
					}
				}
			}
		}
		x.Refresh()
	}
}
