package ui_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"prepub/ui"
)

// TestClerkScreen_BrokenFileOnce ensures a broken .docx is refused once, in Chinese only: its
// reason appears in one place on the screen, with no library words, and no dialog on top.
func TestClerkScreen_BrokenFileOnce(t *testing.T) {
	test.NewTempApp(t)
	s, w := clerkNewScreen(t, clerkServices(t, nil))
	s.Load(clerkWrite(t, "broken.docx", "PK\x03\x04 not really a zip"))
	n := 0
	for _, o := range clerkFind[fyne.CanvasObject](w) {
		text, _ := ui.LabelText(o)
		if strings.Contains(text, "zip") {
			t.Errorf("library words on screen: %q", text)
		}
		if o.Visible() && strings.Contains(text, "不是有效的 .docx 文件") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the reason is shown %d times, want once", n)
	}
	if o := w.Canvas().Overlays().Top(); o != nil {
		t.Errorf("a dialog on top of the refusal: %T", o)
	}
	if s.CanSubmit() {
		t.Error("an unchecked file may be submitted")
	}
}
