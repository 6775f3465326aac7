package ui

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prepub/review"
)

// docMaxMatches is how many matches of a search in the draft are marked at most.
const docMaxMatches = 5000

// DocView shows a draft as every reviewer reads it: the text of every part
// (hidden parts under a heading that says so), every finding marked in the
// severity palette, the passages withheld under Art. 37 in grey, a jump to the
// next and previous finding, a search in the text, and a button that opens the
// original file in the system's application for it. Text read from PDF and OFD
// pages is shown as paragraphs, the marks still where the findings point.
type DocView struct {
	// OpenURL opens the temporary copy of the original file; the app's OpenURL unless set.
	OpenURL func(*url.URL) error
	// OnSelected, when set, is called when the view selects a finding itself (jump buttons, a click on it).
	OnSelected func(finding int)

	win      fyne.Window
	in       docInput
	parts    []docPart
	all      []docMark   // the findings and withheld passages, in reading order
	marks    [][]docMark // the same by part
	at       []int       // the mark of each finding in all, -1 when it is not in the text
	matches  []docMark   // the search's matches, in reading order
	byPart   [][]docMark // the matches by part
	selected int         // the finding selected, -1 for none
	match    int         // the match selected, -1 for none
	mask     bool        // personal numbers masked
	onMask   func()      // called after masking is switched

	root    fyne.CanvasObject
	text    *docText
	scroll  *container.Scroll
	message *widget.Label
	prev    *widget.Button
	next    *widget.Button
	where   *widget.Label
	find    *docFindEntry
	found   *widget.Label
	maskBox *widget.Check
	open    *widget.Button
	tools   *fyne.Container
	target  docPos // where to scroll once the text is wrapped, part -1 for nowhere
}

// NewDocView builds an empty document view for win.
func NewDocView(win fyne.Window) *DocView {
	v := &DocView{win: win, selected: -1, match: -1, target: docPos{-1, 0}}
	v.OpenURL = func(u *url.URL) error { return fyne.CurrentApp().OpenURL(u) }
	v.text = newDocText(v)
	v.scroll = container.NewVScroll(v.text)
	v.scroll.OnScrolled = func(fyne.Position) { v.text.scrolled() }
	v.message = widget.NewLabel("")
	v.message.Wrapping = fyne.TextWrapWord
	v.message.Alignment = fyne.TextAlignCenter

	v.prev = widget.NewButtonWithIcon(lang.L("上一处"), theme.MoveUpIcon(), v.Prev)
	v.next = widget.NewButtonWithIcon(lang.L("下一处（Ctrl+N）"), theme.MoveDownIcon(), v.Next)
	v.where = widget.NewLabel("")
	v.open = widget.NewButtonWithIcon(lang.L("打开原文件"), theme.FileIcon(), v.onOpenTapped)
	v.find = newDocFindEntry(v)
	v.found = widget.NewLabel("")
	v.maskBox = widget.NewCheck(lang.L("遮盖个人号码"), v.onMaskChanged)
	v.maskBox.Hide()
	v.tools = container.NewHBox(v.maskBox)
	// Which finding is selected is said beside the find field, which gives way, rather than between
	// the buttons, where a pane of a 1024-pixel window left it a few characters.
	top := container.NewBorder(nil, nil, container.NewHBox(v.prev, v.next), v.open)
	search := container.NewBorder(nil, nil, nil, container.NewHBox(v.where, v.found, v.tools), v.find)
	body := container.New(&docBodyLayout{t: v.text}, v.scroll)
	v.root = container.NewBorder(container.NewVBox(top, search), nil, nil, nil, container.NewStack(body, v.message))
	v.clear(lang.L("没有打开草稿"))
	return v
}

// Content returns the view's widgets.
func (v *DocView) Content() fyne.CanvasObject { return v.root }

// AddTool puts a screen's own button in the view's search bar.
func (v *DocView) AddTool(o fyne.CanvasObject) {
	v.tools.Add(o)
	v.tools.Refresh()
}

// SetMaskable shows the switch that masks personal numbers (scan.Mask), switched on.
func (v *DocView) SetMaskable() {
	v.mask = true
	v.maskBox.SetChecked(true)
	v.maskBox.Show()
}

// Masked reports whether personal numbers are masked.
func (v *DocView) Masked() bool { return v.mask }

// SetLoading clears the draft on show at once and says what is coming.
func (v *DocView) SetLoading(msg string) { v.clear(msg) }

// clear shows no draft, only msg.
func (v *DocView) clear(msg string) {
	v.show(docInput{})
	v.message.Importance = widget.MediumImportance
	v.message.SetText(msg)
	v.message.Show()
}

// showMessage shows no draft, only why, as an error.
func (v *DocView) showMessage(why string) {
	v.clear(why)
	v.message.Importance = widget.DangerImportance
	v.message.Refresh()
}

// show puts a draft in the view, its first finding not yet selected and the search kept.
func (v *DocView) show(in docInput) {
	v.in = in
	v.selected, v.target = -1, docPos{-1, 0}
	v.text.anchor, v.text.cursor = docPos{-1, 0}, docPos{-1, 0}
	v.rebuild()
	v.scroll.ScrollToTop()
	v.text.Refresh()
	if in.original != nil {
		v.open.Enable()
	} else {
		v.open.Disable()
	}
	v.message.Hide()
	if len(in.parts) == 0 {
		v.message.SetText(lang.L("（草稿没有文字）"))
		v.message.Show()
	}
}

// rebuild lays the parts out again (after masking is switched) and places the marks.
func (v *DocView) rebuild() {
	v.parts = docBuildParts(v.in, v.mask)
	v.placeMarks()
	v.search(v.find.Text)
	v.text.wrap(v.text.width, true)
	v.scroll.Refresh()
	v.updateWhere()
}

// placeMarks places the findings and withheld passages on the parts.
func (v *DocView) placeMarks() {
	v.all, v.at = docMarks(v.in, v.parts)
	v.marks = make([][]docMark, len(v.parts))
	for _, m := range v.all {
		v.marks[m.part] = append(v.marks[m.part], m)
	}
}

// setWithheld marks these passages withheld, in place of those marked before.
func (v *DocView) setWithheld(list []review.Redaction) {
	v.in.withheld = list
	v.placeMarks()
	v.redraw()
}

// topPos is the place shown at the top of the text, to keep in sight when the text is wrapped again.
func (v *DocView) topPos() docPos {
	if v.target.part >= 0 || len(v.text.rows) == 0 || v.text.rowH <= 0 || v.scroll.Offset.Y <= 0 {
		return v.target
	}
	r := v.text.rows[min(len(v.text.rows)-1, int(v.scroll.Offset.Y/v.text.rowH)+3)]
	return docPos{r.part, max(r.start, 0)}
}

// afterWrap lays the scroll out at the wrapped text's height and scrolls to top, the place that was
// at the top before the text was wrapped again (part -1: no place to keep).
func (v *DocView) afterWrap(top docPos) {
	v.scroll.Refresh()
	if top.part >= 0 {
		v.scrollTo(top)
	}
	v.text.Refresh()
}

// redraw draws the rows in sight again, with the marks as they are now.
func (v *DocView) redraw() { v.text.Refresh() }

// onMaskChanged masks or shows personal numbers and lays the text out again.
func (v *DocView) onMaskChanged(on bool) {
	if on == v.mask {
		return
	}
	v.mask = on
	v.rebuild()
	v.redraw()
	notify(v.onMask)
}
