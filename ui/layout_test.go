package ui_test

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/ui"
)

// The smallest window the screens are made for.
const fitWidth, fitHeight = 1024, 700

// fitShell returns the app's shell, on the fixture archive and in the app's
// theme, in a test window of fitWidth×fitHeight closed when the test ends.
func fitShell(t *testing.T) (fyne.Window, *ui.Shell, *ui.Services) {
	a := test.NewTempApp(t)
	ui.UseTheme(a, ui.NewTheme())
	svc := shellServices(t)
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(fitWidth, fitHeight))
	return w, ui.NewShell(w, svc), svc
}

// fitOverflow returns the visible widgets under o that reach past the right edge of a window
// fitWidth wide, where nothing could scroll them into sight: a horizontal scroll's content and
// the columns of a table may lie past it.
func fitOverflow(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
		if right := pos.X + o.Size().Width; right > fitWidth+0.5 {
			out = append(out, fmt.Sprintf("%T %q at x %.0f–%.0f", o, fitText(o), pos.X, right))
			return
		}
		switch x := o.(type) {
		case *container.Scroll:
			if x.Direction == container.ScrollVerticalOnly || x.Direction == container.ScrollNone {
				walk(x.Content)
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case *widget.Table, *widget.List:
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// fitText is the text of o, to name it in a failure.
func fitText(o fyne.CanvasObject) string {
	if s := ui.ShownTexts(o); len(s) > 0 {
		return s[0]
	}
	return ""
}

// fitCheck fails when the window is wider than fitWidth or a widget under it reaches past its edge.
func fitCheck(t *testing.T, where string, w fyne.Window) {
	t.Helper()
	if min := w.Content().MinSize(); min.Width > fitWidth || min.Height > fitHeight {
		t.Errorf("%s needs %.0f×%.0f", where, min.Width, min.Height)
		for _, s := range fitWide(w.Content()) {
			t.Log(s)
		}
	}
	for _, s := range fitOverflow(w.Content()) {
		t.Errorf("%s: %s", where, s)
	}
}

// fitWide lists the objects under o, shown or in a tab behind, that ask for nearly the whole width, to say
// in a failure which one makes the window wider.
func fitWide(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject, depth int)
	walk = func(o fyne.CanvasObject, depth int) {
		if o == nil || o.MinSize().Width <= fitWidth-20 {
			return
		}
		out = append(out, fmt.Sprintf("%*s%T %q min %.0f", depth, "", o, fitText(o), o.MinSize().Width))
		switch x := o.(type) {
		case *container.AppTabs:
			for _, it := range x.Items {
				walk(it.Content, depth+1)
			}
		case *container.Scroll:
			walk(x.Content, depth+1)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c, depth+1)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c, depth+1)
			}
		}
	}
	walk(o, 0)
	return out
}

// TestLayoutAt1024 ensures that in a window of 1024×700 the annual report's 总计 column and its typed-in
// tables, and the fields of 设置, lie within the window, in both looks.
func TestLayoutAt1024(t *testing.T) {
	w, shell, _ := fitShell(t)
	shell.SignedIn(index.User{Name: "周公开", Role: index.RoleDisclosureOffice})
	within := func(where string, o fyne.CanvasObject) {
		t.Helper()
		if o == nil {
			t.Fatalf("%s: not shown", where)
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
		if right, width := pos.X+o.Size().Width, w.Canvas().Size().Width; pos.X < 0 || right > width || width > fitWidth {
			t.Errorf("%s at x %.0f–%.0f in a window %.0f wide", where, pos.X, right, width)
		}
	}
	for _, choice := range []string{ui.ThemeLight, ui.ThemeDark} {
		ui.ChooseTheme(choice)
		shell.Select("年度报告")
		if err := shell.Screen("年度报告").(*ui.ReportScreen).Open(); err != nil {
			t.Fatal(err)
		}
		ui.WaitBackground()
		parts := rqFind(w.Content(), func(p *container.AppTabs) bool { return p.Items[0].Text == "二、主动公开" })
		for i, it := range parts.Items {
			parts.SelectIndex(i)
			fitCheck(t, choice+" 年度报告 "+it.Text, w)
		}
		parts.SelectIndex(1)
		within(choice+" 表三的总计", rqFind(w.Content(), func(l *widget.Label) bool { return l.Text == "总计" && l.TextStyle.Bold }))
		parts.SelectIndex(2)
		entries := 0
		for _, e := range rqAll[interface {
			fyne.CanvasObject
			Base() *widget.Entry
		}](w.Content()) {
			within(choice+" 表四的栏", e)
			entries++
		}
		if entries < 12 {
			t.Errorf("%s: %d entries in section 四", choice, entries)
		}
		shell.Select("设置")
		fitCheck(t, choice+" 设置", w)
		for _, e := range rqAll[*widget.Entry](w.Content()) {
			within(choice+" 设置的 "+e.PlaceHolder, e)
		}
	}
}

// rqAll returns every visible T under o.
func rqAll[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	rqFind(o, func(x T) bool { out = append(out, x); return false })
	return out
}
