package ui

import (
	"fmt"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// docFindEntry is the search entry of a document view: Enter goes to the next
// match, and the window's shortcuts (Ctrl+N, Ctrl+Enter…) work in it too.
type docFindEntry struct {
	widget.Entry
	v *DocView
}

// newDocFindEntry makes the search entry of v.
func newDocFindEntry(v *DocView) *docFindEntry {
	e := &docFindEntry{v: v}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder(lang.L("在草稿中查找（回车：下一个）"))
	e.OnChanged = v.onFindChanged
	e.OnSubmitted = func(string) { v.NextMatch() }
	return e
}

// TypedShortcut passes the window's shortcuts on to it and lets the entry handle the rest.
func (e *docFindEntry) TypedShortcut(sc fyne.Shortcut) {
	if _, ok := sc.(*desktop.CustomShortcut); ok && e.v.win != nil {
		if c, ok := e.v.win.Canvas().(fyne.Shortcutable); ok {
			c.TypedShortcut(sc)
			return
		}
	}
	e.Entry.TypedShortcut(sc)
}

// TypedKey passes F1 on to the window, which opens the help, and edits otherwise.
func (e *docFindEntry) TypedKey(ev *fyne.KeyEvent) {
	if !passHelpKey(e, ev) {
		e.Entry.TypedKey(ev)
	}
}

// Base returns the entry itself, for tests that type into it.
func (e *docFindEntry) Base() *widget.Entry { return &e.Entry }

// Find searches the draft for text, marks every match and shows the first.
func (v *DocView) Find(text string) {
	v.find.SetText(text) // calls onFindChanged
	if v.match < 0 {
		v.NextMatch()
	}
}

// FocusFind puts the cursor in the search entry.
func (v *DocView) FocusFind() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v.find); c != nil {
		c.Focus(v.find)
	}
}

// onFindChanged marks the matches of the text typed.
func (v *DocView) onFindChanged(text string) {
	v.search(text)
	v.redraw()
}

// search finds text in the parts as shown and says how many matches there are.
func (v *DocView) search(text string) {
	v.matches = docMatches(v.parts, text, docMaxMatches)
	v.byPart = make([][]docMark, len(v.parts))
	for _, m := range v.matches {
		v.byPart[m.part] = append(v.byPart[m.part], m)
	}
	v.match = -1
	v.updateFound()
}

// NextMatch selects the match after the one selected, the first after the last, and scrolls to it.
func (v *DocView) NextMatch() {
	if len(v.matches) == 0 {
		return
	}
	v.match = (v.match + 1) % len(v.matches)
	m := v.matches[v.match]
	v.scrollTo(docPos{m.part, m.start})
	v.updateFound()
	v.redraw()
}

// Matches returns how many matches of the search are marked, and which is selected (-1 for none).
func (v *DocView) Matches() (n, selected int) { return len(v.matches), v.match }

// updateFound says how many matches there are and which is selected.
func (v *DocView) updateFound() {
	switch {
	case v.find.Text == "":
		v.found.SetText("")
	case len(v.matches) == 0:
		v.found.SetText(lang.L("未找到"))
	case v.match < 0:
		v.found.SetText(fmt.Sprintf(lang.L("%d 处"), len(v.matches)))
	default:
		v.found.SetText(fmt.Sprintf(lang.L("%d/%d 处"), v.match+1, len(v.matches)))
	}
}

// runs styles the display bytes [start, end) of part p: the marks over them, the match and finding selected, the mouse selection.
func (v *DocView) runs(p, start, end int) []docRun {
	cuts := []int{start, end}
	var over []docMark
	for _, list := range [][]docMark{v.marksOf(v.marks, p), v.marksOf(v.byPart, p)} {
		for _, m := range list {
			if m.start < end && m.end > start {
				over = append(over, m)
				cuts = append(cuts, max(m.start, start), min(m.end, end))
			}
		}
	}
	sp, ss, se, sel := v.text.selection()
	sel = sel && sp == p && ss < end && se > start
	if sel {
		cuts = append(cuts, max(ss, start), min(se, end))
	}
	sort.Ints(cuts)
	var out []docRun
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if a >= b {
			continue
		}
		st := v.styleAt(over, a, sel && a >= ss && b <= se)
		if n := len(out); n > 0 && out[n-1].style == st {
			out[n-1].end = b
			continue
		}
		out = append(out, docRun{a, b, st})
	}
	return out
}

// marksOf returns the marks of part p, or none.
func (v *DocView) marksOf(by [][]docMark, p int) []docMark {
	if p < len(by) {
		return by[p]
	}
	return nil
}

// styleAt composes the style at display offset at: the text colour of the strongest finding there, the background
// of the mouse selection, else of the selected match, a match, a withheld passage, the strongest finding.
func (v *DocView) styleAt(over []docMark, at int, selected bool) docStyle {
	finding, bg := -1, -1
	bgCurrent, underline := false, false
	for _, m := range over {
		if m.start > at || m.end <= at {
			continue
		}
		current := m.kind == markMatch && m.index == v.match || m.kind <= markCritical && m.index == v.selected
		if m.kind <= markCritical && m.kind > finding {
			finding = m.kind
		}
		if m.kind > bg || m.kind == bg && current {
			bg, bgCurrent = m.kind, current
		}
		underline = underline || current
	}
	st := docStyle{fg: theme.ColorNameForeground, underline: underline}
	if finding >= 0 {
		st.fg = docMarkStyle(finding, false).fg
	}
	if bg >= 0 {
		st.bg = docMarkStyle(bg, bgCurrent).bg
	}
	if selected {
		st.bg = docSelectionBg()
	}
	return st
}

// clickAt selects the finding under a click, if there is one.
func (v *DocView) clickAt(p docPos) {
	v.redraw() // a click clears the mouse selection
	for _, m := range v.marksOf(v.marks, p.part) {
		if m.kind <= markCritical && m.start <= p.off && p.off < m.end {
			v.Select(m.index)
			if v.OnSelected != nil {
				v.OnSelected(m.index)
			}
			return
		}
	}
}

// selectionChanged draws the mouse selection.
func (v *DocView) selectionChanged() { v.redraw() }

// Selection returns the passage selected with the mouse, as the part's text has it, "" for none.
func (v *DocView) Selection() string {
	p, s, e, ok := v.text.selection()
	if !ok || p >= len(v.parts) {
		return ""
	}
	m := v.parts[p].m
	a, b := m.toPart(s, false), m.toPart(e, true)
	if a >= b {
		return ""
	}
	return v.in.parts[p].Text[a:b]
}

// DocMark is a passage a document view marks: its text as shown and what it is
// (critical, high, medium, low, withheld or match).
type DocMark struct {
	Text, Kind string
}

// docKindNames name the kinds of marks for DocMark.
var docKindNames = [...]string{markLow: "low", markMedium: "medium", markHigh: "high", markCritical: "critical",
	markWithheld: "withheld", markMatch: "match"}

// Marked returns the passages marked, findings and withheld passages in reading order, then the matches of the search.
func (v *DocView) Marked() []DocMark {
	var out []DocMark
	for _, list := range [][]docMark{v.all, v.matches} {
		for _, m := range list {
			out = append(out, DocMark{Text: v.parts[m.part].disp[m.start:m.end], Kind: docKindNames[m.kind]})
		}
	}
	return out
}
