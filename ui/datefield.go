package ui

import (
	"time"

	"prepub/review"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// officeDateLayout is how the app writes a date and how a date is typed.
const officeDateLayout = "2006-01-02"

// officeDateValidator returns an entry validator for an optional YYYY-MM-DD date.
func officeDateValidator(what string) fyne.StringValidator {
	return func(text string) error {
		_, err := review.ParseDay(what, text)
		return err
	}
}

// DateField is where the app asks for a date: an entry that takes it typed as YYYY-MM-DD and flags,
// in Chinese and keeping what was typed, a text that is no such date, beside a button (or Alt+↓ in
// the entry) that opens a calendar to pick it. Whether the date suits the rest of the form (a
// range's start before its end, a date that may not be empty) is decided where the form is checked.
type DateField struct {
	widget.BaseWidget
	win    fyne.Window
	entry  *dateEntry
	button *widget.Button
	today  func() time.Time
}

// newDateField returns a date field of win named what in its messages (e.g. 起始日期); m is the
// dialog it sits in, nil on a screen.
func newDateField(win fyne.Window, what string, m *modal) *DateField {
	f := &DateField{win: win, today: time.Now}
	f.entry = &dateEntry{f: f, m: m}
	f.entry.ExtendBaseWidget(f.entry)
	f.entry.Validator = officeDateValidator(what)
	f.button = widget.NewButtonWithIcon("", theme.CalendarIcon(), f.openCalendar)
	f.ExtendBaseWidget(f)
	return f
}

// CreateRenderer shows the entry with the calendar button at its right.
func (f *DateField) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, f.button, f.entry))
}

// Entry returns the field's entry: its text, placeholder and Enter handler.
func (f *DateField) Entry() *widget.Entry { return &f.entry.Entry }

// Validate returns the Chinese message for a text that is no YYYY-MM-DD date, nil otherwise.
func (f *DateField) Validate() error { return f.entry.Validate() }

// SetOnValidationChanged has a form show the field's message when it changes.
func (f *DateField) SetOnValidationChanged(fn func(error)) { f.entry.SetOnValidationChanged(fn) }

// openCalendar shows a calendar on the date typed, or on today when none is, with the keyboard in it;
// the day picked replaces the text, and Escape leaves the text as it was.
func (f *DateField) openCalendar() {
	today := f.today()
	day, err := review.ParseDay("", f.entry.Text)
	if err != nil || day.IsZero() {
		day = today
	}
	m := newModal(f.win)
	var d dialog.Dialog
	cal := newCalendar(day, today, func(t time.Time) {
		f.entry.SetText(t.Format(officeDateLayout))
		d.Hide()
		f.win.Canvas().Focus(f.entry)
	}, m.cancel)
	m.submit = func() { cal.pick(cal.Day()) }
	d = dialog.NewCustom(lang.L("选择日期"), lang.L("取消"), cal, f.win)
	m.show(d, cal)
}

// dateEntry is a date field's entry: Alt+↓ opens the calendar and F1 the help; in a dialog, Escape
// cancels the dialog and Ctrl+Enter confirms it, as in its other fields.
type dateEntry struct {
	widget.Entry
	f *DateField
	m *modal
}

// Base returns the entry itself, for tests that type into it.
func (e *dateEntry) Base() *widget.Entry { return &e.Entry }

// AcceptsTab is false: Tab moves to the next field.
func (e *dateEntry) AcceptsTab() bool { return false }

// TypedKey opens the help on F1, cancels the dialog on Escape and edits otherwise.
func (e *dateEntry) TypedKey(ev *fyne.KeyEvent) {
	if passHelpKey(e, ev) || e.m != nil && e.m.onKey(ev) {
		return
	}
	e.Entry.TypedKey(ev)
}

// TypedShortcut opens the calendar on Alt+↓, confirms the dialog on Ctrl+Enter and edits otherwise.
func (e *dateEntry) TypedShortcut(sc fyne.Shortcut) {
	if cs, ok := sc.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierAlt && cs.KeyName == fyne.KeyDown {
		e.f.openCalendar()
		return
	}
	if e.m != nil && e.m.onShortcut(sc) {
		return
	}
	e.Entry.TypedShortcut(sc)
}
