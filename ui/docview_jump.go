package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// findingMark returns the mark of finding i, ok false when it is not in the text shown.
func (v *DocView) findingMark(i int) (docMark, bool) {
	if i < 0 || i >= len(v.at) || v.at[i] < 0 {
		return docMark{}, false
	}
	return v.all[v.at[i]], true
}

// Select marks finding i as the one selected and scrolls to it; -1 selects none.
func (v *DocView) Select(i int) {
	if i >= len(v.in.findings) {
		return
	}
	v.selected = i
	if m, ok := v.findingMark(i); ok {
		v.scrollTo(docPos{m.part, m.start})
	}
	v.updateWhere()
	v.redraw()
}

// Selected returns the finding selected, -1 for none.
func (v *DocView) Selected() int { return v.selected }

// Next selects the finding after the one selected, the first after the last.
func (v *DocView) Next() { v.step(1) }

// Prev selects the finding before the one selected, the last before the first.
func (v *DocView) Prev() { v.step(-1) }

// step moves the selection by d findings and tells OnSelected.
func (v *DocView) step(d int) {
	n := len(v.in.findings)
	if n == 0 {
		return
	}
	i := (v.selected + d + n) % n
	if v.selected < 0 && d < 0 {
		i = n - 1
	}
	v.Select(i)
	if v.OnSelected != nil {
		v.OnSelected(i)
	}
}

// updateWhere says which finding is selected, and enables the jump buttons when there are findings.
func (v *DocView) updateWhere() {
	n := len(v.in.findings)
	switch {
	case n == 0:
		v.where.SetText(lang.L("没有检查结果"))
	case v.selected < 0:
		v.where.SetText(fmt.Sprintf(lang.L("检查结果 %d 处"), n))
	default:
		f := v.in.findings[v.selected]
		t := fmt.Sprintf(lang.L("第 %d/%d 处：%s %s"), v.selected+1, n, f.Severity.Chinese(), categoryName(f.Category))
		if _, ok := v.findingMark(v.selected); !ok {
			t += lang.L("（不在正文中）")
		}
		v.where.SetText(t)
	}
	if n == 0 {
		v.prev.Disable()
		v.next.Disable()
	} else {
		v.prev.Enable()
		v.next.Enable()
	}
}

// scrollTo shows a place near the top of the text, now or once the text is wrapped.
func (v *DocView) scrollTo(p docPos) {
	r := v.text.rowOf(p.part, p.off)
	if r < 0 || v.text.width <= 0 {
		v.target = p
		return
	}
	v.target = docPos{-1, 0}
	y := float32(r-3) * v.text.rowH
	y = min(y, v.text.MinSize().Height-v.scroll.Size().Height)
	v.scroll.ScrollToOffset(fyne.NewPos(0, max(0, y)))
	v.text.scrolled()
}
