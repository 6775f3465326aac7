package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// dateWindow returns a test window with a date field named 起始日期 whose today is 2026-11-29.
func dateWindow(t *testing.T) (fyne.Window, *DateField) {
	t.Helper()
	w := dialogWindow(t)
	f := newDateField(w, "起始日期", nil)
	f.today = func() time.Time { return time.Date(2026, 11, 29, 15, 4, 0, 0, time.Local) }
	w.SetContent(container.NewVBox(f))
	return w, f
}

// dateCalendar returns the calendar that has the keyboard, failing the test when none has.
func dateCalendar(t *testing.T, w fyne.Window) *calendar {
	t.Helper()
	c, ok := w.Canvas().Focused().(*calendar)
	if !ok {
		t.Fatalf("focus on %T, want the calendar", w.Canvas().Focused())
	}
	return c
}

// dateCell returns the calendar's button of the day of the month shown.
func dateCell(t *testing.T, c *calendar, day int) *widget.Button {
	t.Helper()
	for _, b := range c.cells {
		if b.Text == fmt.Sprint(day) {
			return b
		}
	}
	t.Fatalf("no day %d in the calendar", day)
	return nil
}

// TestDateField_Typed ensures a date typed as YYYY-MM-DD is taken, and another text is refused
// with the Chinese message and kept as typed.
func TestDateField_Typed(t *testing.T) {
	_, f := dateWindow(t)
	test.Type(f.Entry(), "2025-03-15")
	if err := f.Validate(); err != nil || f.Entry().Text != "2025-03-15" {
		t.Errorf("a good date: %v, text %q", err, f.Entry().Text)
	}
	f.Entry().SetText("")
	test.Type(f.Entry(), "2025-13-40")
	err := f.Validate()
	if err == nil || err.Error() != "起始日期“2025-13-40”无效：请按 YYYY-MM-DD 填写，如 2025-03-15" {
		t.Errorf("a bad date: %v", err)
	}
	if f.Entry().Text != "2025-13-40" {
		t.Errorf("the bad date was not kept: %q", f.Entry().Text)
	}
}

// TestDateField_PickWithMouse ensures the button opens a month on today, marked, with Chinese
// weekdays, and a day clicked fills the entry and closes the calendar.
func TestDateField_PickWithMouse(t *testing.T) {
	w, f := dateWindow(t)
	test.Tap(f.button)
	c := dateCalendar(t, w)
	top := w.Canvas().Overlays().Top()
	if !dateShows(top, "选择日期") || !dateShows(top, "2026年11月") || !dateShows(top, "一") || !dateShows(top, "日") {
		t.Error("the calendar does not show 选择日期, 2026年11月 and the weekdays 一…日")
	}
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if dateCell(t, c, 29).Importance != widget.SuccessImportance || dateCell(t, c, 30).Importance != widget.HighImportance {
		t.Error("today and the day chosen are not marked")
	}
	test.Tap(dateCell(t, c, 15))
	if f.Entry().Text != "2026-11-15" || w.Canvas().Overlays().Top() != nil {
		t.Errorf("after a click: %q, calendar open %v", f.Entry().Text, w.Canvas().Overlays().Top() != nil)
	}
	if w.Canvas().Focused() != f.entry {
		t.Errorf("focus on %T after the pick, want the entry", w.Canvas().Focused())
	}
}

// TestDateField_Keyboard ensures Alt+↓ in the entry opens the calendar on the date typed, the arrow
// keys move the day and PageUp/PageDown the month, Enter picks, and Escape closes leaving the text.
func TestDateField_Keyboard(t *testing.T) {
	w, f := dateWindow(t)
	w.Canvas().Focus(f.entry)
	f.Entry().SetText("2026-01-31")
	alt := &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}
	f.entry.TypedShortcut(alt)
	c := dateCalendar(t, w)
	if !c.Day().Equal(time.Date(2026, 1, 31, 0, 0, 0, 0, time.Local)) {
		t.Fatalf("the calendar opened on %v, want the date typed", c.Day())
	}
	if dateCell(t, c, 29).Importance == widget.SuccessImportance {
		t.Error("today is marked in another month")
	}
	for _, k := range []fyne.KeyName{fyne.KeyPageDown, fyne.KeyRight, fyne.KeyDown, fyne.KeyUp, fyne.KeyUp, fyne.KeyLeft, fyne.KeyPageUp} {
		c.TypedKey(&fyne.KeyEvent{Name: k}) // 02-28, 03-01, 03-08, 03-01, 02-22, 02-21, 01-21
	}
	if !dateShows(w.Canvas().Overlays().Top(), "2026年1月") || dateCell(t, c, 21).Importance != widget.HighImportance {
		t.Errorf("the keys moved to %v, want 2026-01-21 on show", c.Day())
	}
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.Entry().Text != "2026-01-21" || w.Canvas().Overlays().Top() != nil {
		t.Errorf("Enter: %q, calendar open %v", f.Entry().Text, w.Canvas().Overlays().Top() != nil)
	}

	f.Entry().SetText("2026-02-3O") // a letter O typed for a zero
	f.entry.TypedShortcut(alt)
	c = dateCalendar(t, w)
	if !c.Day().Equal(time.Date(2026, 11, 29, 0, 0, 0, 0, time.Local)) {
		t.Errorf("a bad date opened the calendar on %v, want today", c.Day())
	}
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.Entry().Text != "2026-02-3O" || w.Canvas().Overlays().Top() != nil {
		t.Errorf("Escape: %q, calendar open %v", f.Entry().Text, w.Canvas().Overlays().Top() != nil)
	}
}

// TestDateField_InDialog ensures a date field in a dialog cancels it on Escape and confirms it on
// Ctrl+Enter, as the dialog's other fields do.
func TestDateField_InDialog(t *testing.T) {
	w := dialogWindow(t)
	for _, key := range []string{"Escape", "Ctrl+Enter"} {
		m := newModal(w)
		f := newDateField(w, "日期", m)
		confirmed := false
		d := dialog.NewForm("标为废止", "确定", "取消", []*widget.FormItem{widget.NewFormItem("自何日起", f)}, func(ok bool) { confirmed = ok }, w)
		m.show(d, f.entry)
		test.Type(f.Entry(), "2026-03-01")
		if key == "Escape" {
			f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		} else {
			f.entry.TypedShortcut(ctrlEnter)
		}
		if w.Canvas().Overlays().Top() != nil || confirmed != (key == "Ctrl+Enter") {
			t.Errorf("%s: dialog open %v, confirmed %v", key, w.Canvas().Overlays().Top() != nil, confirmed)
		}
	}
}

// dateShows reports whether a label under o reads s.
func dateShows(o fyne.CanvasObject, s string) bool {
	found := false
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			found = found || strings.TrimSpace(x.Text) == s
		case *fyne.Container:
			for _, k := range x.Objects {
				walk(k)
			}
			return
		}
		if wd, ok := o.(fyne.Widget); ok {
			for _, k := range test.WidgetRenderer(wd).Objects() {
				walk(k)
			}
		}
	}
	if o != nil {
		walk(o)
	}
	return found
}
