package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prepub/review"
)

// messageWidth is the width of a message dialog's text: wide enough for two or three lines of a
// Chinese sentence, narrow enough for a 1024-pixel window.
const messageWidth = 440

// showError shows a refusal once under title, in Chinese, and logs it once with its detail.
// A refusal from the core (*review.Error) shows its own message, followed by todo when given;
// anything else (a driver's or library's words) shows todo alone, or a generic message.
func showError(win fyne.Window, title string, err error, todo string) {
	fyne.LogError(title, err)
	msg := todo
	var re *review.Error
	if errors.As(err, &re) && re.Code != review.ErrInternal {
		msg = re.Message
		if todo != "" {
			msg += "\n" + todo
		}
	}
	if msg == "" {
		msg = review.ErrorMessage(err)
	}
	showMessage(win, title, msg)
}

// showMessage shows text under title in a dialog wide enough to read it, wrapped, with a close
// button; Escape and Ctrl+Enter close it too.
func showMessage(win fyne.Window, title, text string) {
	l := newWrapLabel(text)
	body := container.NewVScroll(l)
	body.SetMinSize(fyne.NewSize(messageWidth, messageHeight(text)))
	m := newModal(win)
	k := m.keys(body)
	m.show(dialog.NewCustom(title, lang.L("关闭"), k, win), k)
}

// messageHeight is the height text needs when wrapped at messageWidth, within a third of a small window.
func messageHeight(text string) float32 {
	size := theme.TextSize()
	lines := float32(0)
	for _, para := range strings.Split(text, "\n") {
		w := fyne.MeasureText(para, size, fyne.TextStyle{}).Width
		lines += float32(int(w/(messageWidth-4*theme.Padding()))) + 1
	}
	h := lines*(size+2*theme.LineSpacing()) + 4*theme.Padding()
	return min(max(h, 60), 240)
}

// userError carries only the Chinese message of an error.
type userError string

func (e userError) Error() string { return string(e) }

// errorForUser returns the Chinese message of err, as an error.
func errorForUser(err error) error { return userError(review.ErrorMessage(err)) }

// showRefused says, in a screen's status line and in a dialog, that what
// could not be done and why (showError logs the cause).
func showRefused(win fyne.Window, status *wrapLabel, what string, err error) {
	showStatus(status, lang.L("未能")+what+"："+review.ErrorMessage(err), widget.DangerImportance)
	showError(win, lang.L("未能")+what, err, "")
}
