package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
)

// showDoc shows the draft's text: its findings in the order the cards list them, the passages withheld, the original file.
func (s *QueueScreen) showDoc(r *index.Record) {
	order := findingOrder(r.Findings)
	if r.Unreadable != "" {
		s.doc.showMessage(lang.L("文件无法检查：") + r.Unreadable)
		return
	}
	in := docFromRecord(r, findingsInOrder(r.Findings, order))
	in.original = s.svc.originalFile(r.ID, s.sess.Actor())
	s.docOrder = order
	s.doc.show(in)
}

// locate shows finding i of the draft on show in its text.
func (s *QueueScreen) locate(i int) {
	if k := slices.Index(s.docOrder, i); k >= 0 {
		s.doc.Select(k)
	}
}

// showWithheld lists the passages the clerk marked 不予公开 under the draft's particulars, or hides the section.
func (s *QueueScreen) showWithheld(r *index.Record) {
	n := len(r.Decision.Redactions)
	s.redHead.SetText(fmt.Sprintf(lang.L("不予公开的内容（%d 处，正文中灰色标出）"), n))
	s.redacted.Objects = s.withheldCards(r)
	s.redacted.Refresh()
	if n == 0 {
		s.redHead.Hide()
		s.redacted.Hide()
	} else {
		s.redHead.Show()
		s.redacted.Show()
	}
}

// withheldCards shows the passages the clerk marked 不予公开, each under a grey 不予公开 label with its basis and reason.
func (s *QueueScreen) withheldCards(r *index.Record) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for i, red := range r.Decision.Redactions {
		if i > 0 {
			objs = append(objs, widget.NewSeparator())
		}
		tag := canvas.NewText(" "+lang.L("不予公开")+" ", theme.Color(theme.ColorNameForeground))
		tag.TextStyle.Bold = true
		bg := canvas.NewRectangle(docBgWithheld())
		bg.CornerRadius = theme.InputRadiusSize()
		head := widget.NewLabel(fmt.Sprintf(lang.L("第 %d 处 · 依据：%s"), i+1, queueBasisText(red.Basis)))
		head.TextStyle = fyne.TextStyle{Bold: true}
		head.Truncation = fyne.TextTruncateEllipsis
		text := widget.NewLabel(lang.L("文字：") + red.Text)
		text.Wrapping = fyne.TextWrapWord
		text.Selectable = true
		reason := newWrapLabel(lang.L("理由：") + queueOr(red.Reason, lang.L("（未填）")))
		box := container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()*2), text, reason)
		top := container.NewBorder(nil, nil, container.NewCenter(container.NewStack(bg, tag)), nil, head)
		objs = append(objs, container.NewBorder(top, nil, nil, nil, box))
	}
	return objs
}
