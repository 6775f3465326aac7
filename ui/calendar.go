package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// calendar is one month's grid of days, Monday first, to pick a date from: buttons move a year or
// a month, today is marked, and the keyboard works it (the arrow keys move the day, PageUp and
// PageDown the month, Enter picks the day, Escape closes).
type calendar struct {
	widget.BaseWidget
	day     time.Time // the day the keyboard is on, at midnight; the grid shows its month
	today   time.Time
	onPick  func(time.Time)
	onClose func()
	title   *widget.Label
	cells   [42]*widget.Button
	first   time.Time // the day of the grid's first cell, the Monday on or before the 1st
	root    fyne.CanvasObject
}

// newCalendar returns a calendar on day, with today marked; pick gets the day chosen, close is called on Escape.
func newCalendar(day, today time.Time, pick func(time.Time), close func()) *calendar {
	c := &calendar{day: dateOnly(day), today: dateOnly(today), onPick: pick, onClose: close}
	c.title = widget.NewLabel("")
	c.title.Alignment = fyne.TextAlignCenter
	c.title.TextStyle = fyne.TextStyle{Bold: true}
	nav := container.NewBorder(nil, nil,
		container.NewHBox(widget.NewButton(lang.L("上一年"), func() { c.move(-12) }), widget.NewButton(lang.L("上月"), func() { c.move(-1) })),
		container.NewHBox(widget.NewButton(lang.L("下月"), func() { c.move(1) }), widget.NewButton(lang.L("下一年"), func() { c.move(12) })),
		c.title)
	grid := container.NewGridWithColumns(7)
	for _, d := range strings.Fields(lang.L("一 二 三 四 五 六 日")) {
		l := widget.NewLabel(d)
		l.Alignment = fyne.TextAlignCenter
		grid.Add(l)
	}
	for i := range c.cells {
		c.cells[i] = widget.NewButton("", func() { c.pick(c.first.AddDate(0, 0, i)) })
		grid.Add(c.cells[i])
	}
	todayButton := widget.NewButton(lang.L("今天"), func() { c.setDay(c.today) })
	c.root = container.NewVBox(nav, grid, container.NewCenter(todayButton))
	c.ExtendBaseWidget(c)
	c.show()
	return c
}

// dateOnly returns t's day at midnight, local time.
func dateOnly(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.Local)
}

// Day returns the day the keyboard is on.
func (c *calendar) Day() time.Time { return c.day }

// show fills the grid with the month of the day the keyboard is on.
func (c *calendar) show() {
	y, m, _ := c.day.Date()
	c.title.SetText(fmt.Sprintf(lang.L("%d年%d月"), y, int(m)))
	first := time.Date(y, m, 1, 0, 0, 0, 0, time.Local)
	c.first = first.AddDate(0, 0, -((int(first.Weekday()) + 6) % 7))
	for i, b := range c.cells {
		d := c.first.AddDate(0, 0, i)
		b.Importance = widget.MediumImportance
		switch {
		case d.Month() != m:
			b.SetText("")
			b.Disable()
			continue
		case d.Equal(c.day):
			b.Importance = widget.HighImportance
		case d.Equal(c.today):
			b.Importance = widget.SuccessImportance
		}
		b.Enable()
		b.SetText(fmt.Sprint(d.Day()))
	}
}

// setDay puts the keyboard on d and shows its month.
func (c *calendar) setDay(d time.Time) {
	c.day = dateOnly(d)
	c.show()
}

// move shows the month n months on, keeping the day of the month where that month has it.
func (c *calendar) move(n int) {
	y, m, d := c.day.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.Local)
	last := first.AddDate(0, 1, -1).Day()
	c.setDay(first.AddDate(0, 0, min(d, last)-1))
}

// pick gives d to the calendar's owner.
func (c *calendar) pick(d time.Time) {
	c.day = d
	if c.onPick != nil {
		c.onPick(d)
	}
}

// CreateRenderer shows the month.
func (c *calendar) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.root) }

// FocusGained does nothing: the chosen day is always marked.
func (c *calendar) FocusGained() {}

// FocusLost does nothing.
func (c *calendar) FocusLost() {}

// TypedRune ignores typing.
func (c *calendar) TypedRune(rune) {}

// TypedKey moves the day with the arrow keys and the month with PageUp and PageDown, picks the day on Enter and closes on Escape.
func (c *calendar) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyLeft:
		c.setDay(c.day.AddDate(0, 0, -1))
	case fyne.KeyRight:
		c.setDay(c.day.AddDate(0, 0, 1))
	case fyne.KeyUp:
		c.setDay(c.day.AddDate(0, 0, -7))
	case fyne.KeyDown:
		c.setDay(c.day.AddDate(0, 0, 7))
	case fyne.KeyPageUp:
		c.move(-1)
	case fyne.KeyPageDown:
		c.move(1)
	case fyne.KeyReturn, fyne.KeyEnter:
		c.pick(c.day)
	case fyne.KeyEscape:
		if c.onClose != nil {
			c.onClose()
		}
	}
}
