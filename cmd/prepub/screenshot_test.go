package main

import (
	"image"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestBlank ensures only a fully transparent capture counts as blank, so the software fallback is used only then.
func TestBlank(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	if !blank(img) {
		t.Error("transparent image not blank")
	}
	img.Set(3, 3, color.NRGBA{0x20, 0x20, 0x20, 0xff})
	if blank(img) {
		t.Error("image with a painted pixel counted as blank")
	}
}

// TestShownInChinese ensures the tour fails on an English word in the window or in a dialog on it,
// naming the screen and the word, and passes a screen in Chinese.
func TestShownInChinese(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(container.NewVBox(widget.NewLabel("起草与提交"), widget.NewButton("提交", nil)))
	defer w.Close()
	if err := shownInChinese(w, "clerk-screen.png"); err != nil {
		t.Errorf("a screen in Chinese refused: %v", err)
	}
	dialog.ShowCustom("提示", "关闭", widget.NewLabel("Loading"), w)
	err := shownInChinese(w, "clerk-screen.png")
	if err == nil || !strings.Contains(err.Error(), "clerk-screen.png") || !strings.Contains(err.Error(), `"Loading"`) {
		t.Errorf("a dialog saying Loading: %v", err)
	}
}
