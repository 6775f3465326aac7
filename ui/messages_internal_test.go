package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestShowError ensures an error dialog shows what to do in Chinese, never the library's words,
// wrapped at a readable width, and that one error is one dialog.
func TestShowError(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(widget.NewLabel(""))
	defer w.Close()
	w.Resize(fyne.NewSize(1024, 700))
	showError(w, "无法保存", errors.New("open /x: permission denied"), "无法打开所选位置：请换一个有写入权限的文件夹后重试。")
	if n := len(w.Canvas().Overlays().List()); n != 1 {
		t.Fatalf("%d dialogs, want 1", n)
	}
	top := w.Canvas().Overlays().Top()
	var text []string
	for _, l := range findIn[*wrapLabel](top) {
		text = append(text, l.Text)
		if strings.Contains(l.Text, "请换一个") && l.Size().Width < messageWidth-20 {
			t.Errorf("message squashed: width %v", l.Size().Width)
		}
	}
	all := strings.Join(text, "|")
	if strings.Contains(all, "permission") || !strings.Contains(all, "请换一个有写入权限的文件夹") {
		t.Errorf("dialog says %q", all)
	}
}

// findIn returns every object of type T under o.
func findIn[T any](o fyne.CanvasObject) []T {
	var out []T
	if x, ok := o.(T); ok {
		out = append(out, x)
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, findIn[T](c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			out = append(out, findIn[T](c)...)
		}
	}
	return out
}

// TestFileSave_OverwriteInChinese ensures the question Fyne's save dialog asks about a file that is
// there already is in Chinese, and its places too.
func TestFileSave_OverwriteInChinese(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(widget.NewLabel(""))
	defer w.Close()
	w.Resize(fyne.NewSize(1024, 700))
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "年报.xlsx"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	rememberFolder(dir)
	d := dialog.NewFileSave(func(fyne.URIWriteCloser, error) {}, w)
	d.SetFileName("年报.xlsx")
	showFileDialog(d, w, "保存", ".xlsx")
	var save *widget.Button
	eachObject(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "保存" {
			save = b
		}
	})
	if save == nil {
		t.Fatal("no save button")
	}
	test.Tap(save)
	var texts []string
	for _, l := range findIn[*widget.Label](w.Canvas().Overlays().Top()) {
		texts = append(texts, l.Text)
	}
	all := strings.Join(texts, "|")
	if !strings.Contains(all, "已有同名文件“年报.xlsx”，要覆盖它吗？") || strings.Contains(all, "overwrite") || strings.Contains(all, "Overwrite") {
		t.Errorf("overwrite question: %q", all)
	}
}
