package ui_test

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/review"
	"prepub/ui"
)

// helpPress sends a key as the window's driver does: to the focused widget, else to the canvas.
func helpPress(w fyne.Window, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := w.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := w.Canvas().OnTypedKey(); h != nil {
		h(ev)
	}
}

// helpOpens presses F1 and checks that the help of the screen titled tab opens on the page whose
// heading is page, then that Escape closes it.
func helpOpens(t *testing.T, w fyne.Window, where, tab, page string) {
	t.Helper()
	helpPress(w, fyne.KeyF1)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("%s: F1 opened no help", where)
	}
	if rqFind(top, func(l *widget.Label) bool { return l.Text == "帮助："+tab }) == nil {
		t.Errorf("%s: the help is not titled 帮助：%s", where, tab)
	}
	rt := rqFind(top, func(*widget.RichText) bool { return true })
	if rt == nil || !strings.HasPrefix(rt.String(), page) || !strings.Contains(rt.String(), "按键") {
		t.Errorf("%s: help page %q, want the page of %s", where, rt.String(), page)
	}
	helpPress(w, fyne.KeyEscape)
	if w.Canvas().Overlays().Top() != nil {
		t.Errorf("%s: Escape left the help open", where)
	}
}

// helpList is a screen's list, as tests find it.
type helpList interface {
	fyne.Focusable
	fyne.CanvasObject
	Base() *widget.List
}

// helpTable is a screen's table, as tests find it.
type helpTable interface {
	fyne.Focusable
	fyne.CanvasObject
	Base() *widget.Table
}

// helpEntry returns the first entry of o, shown or hidden, or nil.
func helpEntry(o fyne.CanvasObject) rqField {
	if e, ok := o.(rqField); ok {
		return e
	}
	var kids []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		kids = x.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(x).Objects()
	}
	for _, k := range kids {
		if e := helpEntry(k); e != nil {
			return e
		}
	}
	return nil
}

// TestHelp_F1 ensures F1 opens the help of the screen on show, for every tab of every role,
// with the keyboard nowhere, inside an entry of the screen and on its list or table, and that
// Escape closes it.
func TestHelp_F1(t *testing.T) {
	test.NewTempApp(t)
	svc := shellServices(t)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1024, 700))
	shell := ui.NewShell(w, svc)
	users := []index.User{{Name: "管理员", Role: index.RoleAdmin}, {Name: "张起草", Role: review.RoleClerk},
		{Name: "李保密", Role: review.SecrecyOfficer}, {Name: "王法制", Role: review.LegalOffice},
		{Name: "赵分管", Role: review.DeputyHead}, {Name: "钱主要", Role: review.PrincipalHead},
		{Name: "周公开", Role: index.RoleDisclosureOffice}}
	for _, u := range users {
		if err := svc.Archive.Store.AddUser(context.Background(), u, "password-1", "管理员"); err != nil {
			t.Fatal(err)
		}
	}
	for _, u := range users {
		shell.SignedIn(u)
		for _, tab := range shell.Tabs() {
			shell.Select(tab)
			ui.WaitBackground()
			where := index.RoleName(u.Role) + "：" + tab
			w.Canvas().Unfocus()
			helpOpens(t, w, where, tab, tab)
			content := shell.Screen(tab).Content()
			if e := rqFind(content, func(rqField) bool { return true }); e != nil {
				w.Canvas().Focus(e.(fyne.Focusable))
				test.Type(e.Base(), "1")
				helpOpens(t, w, where+"，光标在输入框中", tab, tab)
				if w.Canvas().Focused() != e.(fyne.Focusable) || !strings.HasSuffix(e.Base().Text, "1") {
					t.Errorf("%s: the entry lost the keyboard or its text (%q) to the help", where, e.Base().Text)
				}
			} else if e := helpEntry(content); e != nil { // shown once a row is picked: F1 from it all the same
				w.Canvas().Focus(e.(fyne.Focusable))
				helpOpens(t, w, where+"，光标在输入框中", tab, tab)
			} else if tab != "批量检查" && tab != "已办" && tab != "设置" {
				t.Errorf("%s: no entry to try F1 in", where)
			}
			if l := rqFind(content, func(helpList) bool { return true }); l != nil {
				w.Canvas().Focus(l)
				helpOpens(t, w, where+"，焦点在列表中", tab, tab)
			}
			if tb := rqFind(content, func(helpTable) bool { return true }); tb != nil {
				w.Canvas().Focus(tb)
				helpOpens(t, w, where+"，焦点在表格中", tab, tab)
			}
		}
	}

	shell.SignedIn(users[1])
	for _, tabs := range clerkFindIn[*container.AppTabs](w.Content()) {
		for i, it := range tabs.Items {
			if it.Text == "我的草稿" {
				tabs.SelectIndex(i)
			}
		}
	}
	helpOpens(t, w, "起草人：我的草稿", "起草与提交", "我的草稿")
}

// TestHelp_Button ensures the 帮助 button opens the help of the tab in front, and F1 does
// nothing more while a dialog is open.
func TestHelp_Button(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1024, 700))
	shell := ui.NewShell(w, shellServices(t))
	shell.SignedIn(index.User{Name: "周公开", Role: index.RoleDisclosureOffice})
	shell.Select("公开目录")
	test.Tap(rqButton(t, w.Content(), "帮助（F1）"))
	if rqFind(w.Canvas().Overlays().Top(), func(l *widget.Label) bool { return l.Text == "帮助：公开目录" }) == nil {
		t.Fatal("the button did not open the catalogue's help")
	}
	helpPress(w, fyne.KeyF1)
	if n := len(w.Canvas().Overlays().List()); n != 1 {
		t.Errorf("F1 over the help: %d dialogs, want 1", n)
	}
	helpPress(w, fyne.KeyEscape)
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Escape left the help open")
	}
}
