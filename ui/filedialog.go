package ui

import (
	"fmt"
	"strings"

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
// shows it with its places and its overwrite question in the window's language; Escape closes it
// and Enter opens the chosen file, wherever the focus is in it.
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
	m := newModal(win)
	m.show(d, nil)
	if top := win.Canvas().Overlays().Top(); top != nil {
		namePlaces(top)
		nameOverwrite(win, top)
		catchFileKeys(m, top)
	}
}

// eachObject calls fn on o and on every object in the containers, splits and pop-ups under it
// (the parts of Fyne's dialogs that are built of them).
func eachObject(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch x := o.(type) {
	case *widget.PopUp:
		eachObject(x.Content, fn)
	case *fyne.Container:
		for _, c := range x.Objects {
			eachObject(c, fn)
		}
	case *container.Split:
		eachObject(x.Leading, fn)
		eachObject(x.Trailing, fn)
	}
}

// namePlaces makes the lists under o show the file dialog's places by their translated names.
func namePlaces(o fyne.CanvasObject) {
	eachObject(o, func(o fyne.CanvasObject) {
		x, ok := o.(*widget.List)
		if !ok || x.UpdateItem == nil {
			return
		}
		update := x.UpdateItem
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
	})
}

// overwriteWords are the Chinese for what Fyne's save dialog asks, in English only, when the file
// chosen is there already: the question's title, and its refusal to replace a folder.
var overwriteWords = map[string]string{
	"Overwrite?":       "覆盖已有文件？",
	"Cannot overwrite": "不能覆盖",
	"Files cannot replace a directory,\ncheck the file name and try again": "同名的是一个文件夹，不能用文件替换：请换一个文件名。",
}

// nameOverwrite makes the save button of the file dialog under o word in Chinese the question
// Fyne asks when the file chosen exists.
func nameOverwrite(win fyne.Window, o fyne.CanvasObject) {
	eachObject(o, func(o fyne.CanvasObject) {
		b, ok := o.(*widget.Button)
		if !ok || b.Importance != widget.HighImportance || b.OnTapped == nil {
			return
		}
		tapped := b.OnTapped
		b.OnTapped = func() {
			tapped()
			if top := win.Canvas().Overlays().Top(); top != nil {
				eachObject(top, translateOverwrite)
			}
		}
	})
}

// translateOverwrite puts a label of Fyne's overwrite question into Chinese.
func translateOverwrite(o fyne.CanvasObject) {
	l, ok := o.(*widget.Label)
	if !ok {
		return
	}
	const ask = "Are you sure you want to overwrite the file\n" // then the file's name and "?"
	if zh, ok := overwriteWords[l.Text]; ok {
		l.SetText(lang.L(zh))
	} else if name, ok := strings.CutPrefix(l.Text, ask); ok {
		l.SetText(fmt.Sprintf(lang.L("已有同名文件“%s”，要覆盖它吗？"), strings.TrimSuffix(name, "?")))
	}
}
