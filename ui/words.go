package ui

import (
	"regexp"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test" // its WidgetRenderer is the only way to a widget's parts; the screenshots' software canvas links it already
	"fyne.io/fyne/v2/widget"
)

// wordsForbidden are what an office worker must not meet on screen: Fyne's English defaults, and
// the app's internals (file parts, rules files, condition and role codes, library messages).
var wordsForbidden = regexp.MustCompile(`\b(Select one|Home|Computer|Cancel|Open|Save|Confirm|Yes|No|OK|Error|Name|Folder|Filter|File|Close|Submit|Dismiss|Desktop|Documents|Downloads|` +
	`Information|Question|Quit|Show Hidden Files|Hide Hidden Files|Create Folder|New Folder|Size|Search|Done|Back|Next|Previous|Undo|Redo|Copy|Paste|Cut|Select all|Delete|Loading)\b|` +
	`\.xml\b|\.toml\b|secrecy-|withheld|on-request|legal-office|deputy-head|principal-head|disclosure-office|zip:`)

// LabelText returns the text of a label, plain or wrapping, and whether o is one.
func LabelText(o fyne.CanvasObject) (string, bool) {
	switch x := o.(type) {
	case *widget.Label:
		return x.Text, true
	case *wrapLabel:
		return x.Text, true
	}
	return "", false
}

// ShownTexts returns the texts a person sees under o: labels, buttons, drop-downs (or their
// placeholders), entry placeholders, check boxes, radio options, rich text, the titles of tabs
// (those folded into the overflow menu too), table and list cells as drawn, and any text drawn.
func ShownTexts(o fyne.CanvasObject) []string {
	if o == nil || !o.Visible() {
		return nil
	}
	if s, ok := LabelText(o); ok {
		return []string{s}
	}
	var out []string
	switch x := o.(type) {
	case *widget.Button:
		out = append(out, x.Text)
	case *widget.Select:
		out = append(out, x.Selected, x.PlaceHolder)
	case *widget.Entry:
		out = append(out, x.PlaceHolder)
	case interface{ Base() *widget.Entry }:
		out = append(out, x.Base().PlaceHolder)
	case *widget.Check:
		out = append(out, x.Text)
	case *widget.RadioGroup:
		out = append(out, x.Options...)
	case *widget.RichText:
		out = append(out, x.String())
	case *container.AppTabs:
		for _, it := range x.Items {
			out = append(out, it.Text)
		}
	case *container.DocTabs:
		for _, it := range x.Items {
			out = append(out, it.Text)
		}
	case *canvas.Text:
		out = append(out, x.Text)
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, ShownTexts(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			out = append(out, ShownTexts(c)...)
		}
	}
	return out
}

// ForbiddenWord returns the first word under o that an office worker must not meet on screen, and
// the text it is in, or "" when there is none.
func ForbiddenWord(o fyne.CanvasObject) (word, in string) {
	for _, s := range ShownTexts(o) {
		if m := wordsForbidden.FindString(s); m != "" {
			return m, s
		}
	}
	return "", ""
}
