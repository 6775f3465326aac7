package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prepub/review"
)

// clerkWithheld is the clerk's list of passages withheld from the draft (Art.
// 37, 区分处理): each with its basis and reason, marked in the text, and sent as
// the decision's redactions for the rules to check. Whether each has a lawful
// basis is the rules' word (redaction-no-basis), not this list's.
type clerkWithheld struct {
	s      *ClerkScreen
	list   []review.Redaction
	box    *fyne.Container // the section of the decision form
	rows   *fyne.Container
	empty  *wrapLabel
	button *widget.Button // 标为不予公开…, in the document view's bar
	locked bool           // the form is read-only: no passage may be unmarked
}

// newClerkWithheld builds the section of the form and the button of the document view.
func newClerkWithheld(s *ClerkScreen) *clerkWithheld {
	w := &clerkWithheld{s: s}
	w.button = widget.NewButtonWithIcon(lang.L("标为不予公开…"), theme.VisibilityOffIcon(), w.onMarkTapped)
	w.empty = newWrapLabel(lang.L("全文公开时不必标记。部分内容不能公开时，在左侧正文中用鼠标选中该段文字（或选中一条检查结果），点“标为不予公开…”，选择依据并说明理由。"))
	w.empty.Importance = widget.LowImportance
	w.rows = container.NewVBox()
	head := widget.NewLabel(lang.L("不予公开的内容（部分公开）"))
	head.TextStyle = fyne.TextStyle{Bold: true}
	w.box = container.NewVBox(widget.NewSeparator(), head, w.rows, w.empty)
	return w
}

// set replaces the passages, as a reloaded decision has them.
func (w *clerkWithheld) set(list []review.Redaction) {
	w.list = append([]review.Redaction(nil), list...)
	w.show()
}

// redactions returns the passages as the decision sends them, nil for none.
func (w *clerkWithheld) redactions() []review.Redaction {
	if len(w.list) == 0 {
		return nil
	}
	return append([]review.Redaction(nil), w.list...)
}

// show lists the passages, each with its basis, reason and a button that unmarks it, and marks them in the text.
func (w *clerkWithheld) show() {
	objs := make([]fyne.CanvasObject, 0, len(w.list))
	for i, r := range w.list {
		basis := lang.L("（未选依据）")
		if b, ok := review.LookupBasis(r.Basis); ok {
			basis = b.Label()
		}
		l := newWrapLabel(fmt.Sprintf(lang.L("%d. 不予公开“%s”\n依据：%s；理由：%s"), i+1, review.Clip(r.Text, 40), basis, queueOr(r.Reason, lang.L("（未填）"))))
		unmark := widget.NewButtonWithIcon(lang.L("取消标记"), theme.ContentUndoIcon(), func() { w.unmark(i) })
		if w.locked {
			unmark.Disable()
		}
		objs = append(objs, container.NewBorder(nil, nil, nil, unmark, l))
	}
	w.rows.Objects = objs
	w.rows.Refresh()
	if len(w.list) == 0 {
		w.empty.Show()
	} else {
		w.empty.Hide()
	}
	w.s.doc.setWithheld(w.list)
}

// mark adds a passage that occurs in the draft, as the draft's text has it.
func (w *clerkWithheld) mark(passage, basis, reason string) error {
	fr := w.s.draft.Report
	if fr == nil || fr.Doc == nil {
		return errors.New(lang.L("请先打开草稿"))
	}
	locs := docFindPassage(fr.Doc.Parts, passage)
	if len(locs) == 0 {
		return errors.New(lang.L("草稿中没有这段文字：请在正文中选中，或原样复制粘贴要不予公开的文字"))
	}
	l := locs[0]
	w.list = append(w.list, review.Redaction{Text: fr.Doc.Parts[l.part].Text[l.start:l.end], Basis: basis, Reason: strings.TrimSpace(reason)})
	w.show()
	w.s.recheck()
	return nil
}

// unmark takes passage i off the list.
func (w *clerkWithheld) unmark(i int) {
	if i < 0 || i >= len(w.list) {
		return
	}
	w.list = append(w.list[:i], w.list[i+1:]...)
	w.show()
	w.s.recheck()
}

// retain keeps the passages that occur in the draft on show and drops the others.
func (w *clerkWithheld) retain() {
	fr := w.s.draft.Report
	kept := w.list[:0]
	for _, r := range w.list {
		if fr != nil && fr.Doc != nil && len(docFindPassage(fr.Doc.Parts, r.Text)) > 0 {
			kept = append(kept, r)
		}
	}
	w.list = kept
	w.show()
}

// onMarkTapped asks for the passage (the text selected, else the finding selected), its basis and reason.
func (w *clerkWithheld) onMarkTapped() {
	passage := w.s.doc.Selection()
	if f, ok := w.s.SelectedFinding(); passage == "" && ok {
		passage = f.Text
	}
	m := newModal(w.s.win)
	text := m.entry(true)
	text.SetMinRowsVisible(3)
	text.SetPlaceHolder(lang.L("不予公开的文字：在正文中选中，或在此粘贴"))
	text.SetText(passage)
	names := make([]string, len(review.Bases))
	for i, b := range review.Bases {
		names[i] = b.Label()
	}
	basis := newSelect(names, nil)
	basis.PlaceHolder = lang.L("选择法律依据")
	reason := m.entry(true)
	reason.SetPlaceHolder(lang.L("理由：为何这段文字不能公开"))
	form := widget.NewForm(widget.NewFormItem(lang.L("文字"), text), widget.NewFormItem(lang.L("依据"), basis),
		widget.NewFormItem(lang.L("理由"), reason))
	d := dialog.NewCustomConfirm(lang.L("标为不予公开"), lang.L("标记"), lang.L("取消"), form, func(ok bool) {
		if !ok {
			return
		}
		if err := w.mark(text.Text, clerkBasisCode(basis.Selected), reason.Text); err != nil {
			showMessage(w.s.win, lang.L("无法标记"), err.Error())
		}
	}, w.s.win)
	d.Resize(fyne.NewSize(560, 380))
	m.show(d, text)
}

// MarkWithheld marks a passage of the draft 不予公开 with a basis code and a reason, as the
// clerk does in the text; a passage the draft does not have is refused with a Chinese message.
func (s *ClerkScreen) MarkWithheld(passage, basis, reason string) error {
	return s.withheld.mark(passage, basis, reason)
}

// UnmarkWithheld takes the i-th passage marked 不予公开 off the list.
func (s *ClerkScreen) UnmarkWithheld(i int) { s.withheld.unmark(i) }
