package ui

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/review"
)

// officeAny is the filter choice that leaves a field open.
const officeAny = "全部"

// officeStates are the states the search can filter on, in the order offered.
var officeStates = []review.State{review.StatePublished, review.StateOnRequest, review.StateWithheldFinal,
	review.StateSecrecyReview, review.StateLegalReview, review.StateDeputySignOff, review.StatePrincipalSign, review.StateReturned}

// SearchScreen lets the disclosure office search the archive in Chinese
// (Simplified or Traditional), filter the results and read a record, its
// text in a DocView. Personal numbers are masked (scan.Mask) unless the
// reader switches masking off.
type SearchScreen struct {
	// OnChanged, when set, is called on the UI goroutine after a background search or record read has been shown.
	OnChanged func()

	win  fyne.Window
	svc  *Services
	sess *Session

	root    fyne.CanvasObject
	query   *helpEntry
	attr    *widget.Select
	basis   *widget.Select
	state   *widget.Select
	dept    *helpEntry
	from    *DateField
	to      *DateField
	search  *widget.Button
	status  *wrapLabel
	list    *helpList
	empty   *widget.Label
	detail  *container.Scroll
	page    *container.Split // the record's particulars and its text
	title   *widget.Label
	info    *widget.Label
	snippet *widget.RichText
	doc     *DocView
	export  *widget.Button // 导出发布稿 (office_release.go)
	sheet   *sheetPrinter

	hits    []index.Hit
	masked  map[int64]string // the hits' snippets with personal numbers masked
	record  *index.Record
	pending int

	saveRelease func(*index.ReleaseCopy) // asks where to save a release copy and writes it; replaced in tests
}

// NewSearchScreen builds the archive search of the signed-in user.
func NewSearchScreen(win fyne.Window, svc *Services, sess *Session) *SearchScreen {
	s := &SearchScreen{win: win, svc: svc, sess: sess}
	s.saveRelease = s.askSaveRelease
	s.query = newHelpEntry(false)
	s.query.SetPlaceHolder(lang.L("检索词（简体或繁体，空格分隔多个词）"))
	s.query.OnSubmitted = s.onSubmitted
	s.search = widget.NewButtonWithIcon(lang.L("检索"), theme.SearchIcon(), s.onSearchTapped)
	s.search.Importance = widget.HighImportance

	attrs := []string{lang.L(officeAny)}
	for _, a := range review.Attributes {
		attrs = append(attrs, a.Chinese())
	}
	s.attr = newSelect(attrs, nil)
	s.attr.SetSelectedIndex(0)
	bases := []string{lang.L(officeAny)}
	for _, b := range review.Bases {
		bases = append(bases, b.Name)
	}
	s.basis = newSelect(bases, nil)
	s.basis.SetSelectedIndex(0)
	states := []string{lang.L(officeAny)}
	for _, st := range officeStates {
		states = append(states, queueStateName(st))
	}
	s.state = newSelect(states, nil)
	s.state.SetSelectedIndex(0)
	s.dept = newHelpEntry(false)
	s.dept.SetPlaceHolder(lang.L("部门全称"))
	s.dept.OnSubmitted = s.onSubmitted
	s.from = newDateField(win, lang.L("起始日期"), nil)
	s.from.Entry().SetPlaceHolder(lang.L("起始 YYYY-MM-DD"))
	s.from.Entry().OnSubmitted = s.onSubmitted
	s.to = newDateField(win, lang.L("截止日期"), nil)
	s.to.Entry().SetPlaceHolder(lang.L("截止 YYYY-MM-DD"))
	s.to.Entry().OnSubmitted = s.onSubmitted
	s.status = newWrapLabel("")
	s.status.Hide()

	field := func(label string, o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewBorder(nil, nil, widget.NewLabel(label), nil, o)
	}
	filters := container.NewGridWithColumns(3,
		field(lang.L("公开属性"), s.attr), field(lang.L("法律依据"), s.basis), field(lang.L("状态"), s.state),
		field(lang.L("部门"), s.dept), field(lang.L("日期从"), s.from), field(lang.L("到"), s.to))
	top := container.NewVBox(container.NewBorder(nil, nil, nil, s.search, s.query), filters, s.status)

	s.list = newHelpList(s.listLength, s.newListItem, s.updateListItem)
	s.list.OnSelected = s.onListSelected

	s.title = widget.NewLabel("")
	s.title.TextStyle = fyne.TextStyle{Bold: true}
	s.title.SizeName = theme.SizeNameSubHeadingText
	s.title.Wrapping = fyne.TextWrapWord
	s.info = widget.NewLabel("")
	s.info.Wrapping = fyne.TextWrapWord
	s.info.Selectable = true
	s.snippet = widget.NewRichText()
	s.snippet.Wrapping = fyne.TextWrapWord
	s.export = widget.NewButtonWithIcon(lang.L("导出发布稿"), theme.DocumentSaveIcon(), s.onExportReleaseTapped)
	s.doc = NewDocView(win)
	s.sheet = newSheetPrinter(win, svc, sess, func(u *url.URL) error { return s.doc.OpenURL(u) }, s.changed)
	head := container.NewBorder(nil, nil, nil, container.NewHBox(s.export, s.sheet.button), s.title)
	s.detail = container.NewVScroll(container.NewVBox(head, s.info, queueSection(lang.L("命中片段")), s.snippet))
	s.doc.SetMaskable()
	s.doc.onMask = s.onMaskChanged
	s.page = container.NewVSplit(s.detail, s.doc.Content())
	s.page.Offset = 0.3
	s.page.Hide()
	s.empty = widget.NewLabel(lang.L("输入检索词或选择筛选条件，然后按“检索”。"))
	s.empty.Alignment = fyne.TextAlignCenter
	s.empty.Wrapping = fyne.TextWrapWord

	split := container.NewHSplit(s.list, container.NewStack(s.empty, s.page))
	split.Offset = 0.38
	s.root = container.NewBorder(top, nil, nil, nil, split)
	return s
}

// Content returns the screen's widgets.
func (s *SearchScreen) Content() fyne.CanvasObject { return s.root }

// First returns the search words' entry, where the keyboard starts.
func (s *SearchScreen) First() fyne.Focusable { return s.query }

// Reload runs the current search again in the background, as the window does
// every half minute: the record on show stays open and the list where it was.
func (s *SearchScreen) Reload() { s.run(false) }

// run runs the search the form describes in the background; a fresh one
// (the person pressed 检索) starts from the top with no record open.
func (s *SearchScreen) run(fresh bool) {
	q, err := s.form()
	if err != nil {
		s.setStatus(err.Error(), widget.DangerImportance)
		return
	}
	s.search.Disable()
	runLatest(&s.pending, func() func() {
		hits, err := s.svc.backend().Search(context.Background(), s.sess.Actor(), q)
		return func() {
			s.showHits(hits, err, fresh)
			s.changed()
		}
	})
}

// Search runs the search the form describes and shows the results before
// returning; call it on the UI goroutine. A malformed date is refused with a Chinese message.
func (s *SearchScreen) Search() error {
	q, err := s.form()
	if err != nil {
		s.setStatus(err.Error(), widget.DangerImportance)
		return err
	}
	s.pending++
	hits, err := s.svc.backend().Search(context.Background(), s.sess.Actor(), q)
	s.showHits(hits, err, true)
	return err
}

// PrintSheet prints the sign-off sheet of the record on show to a private
// temporary PDF and opens it in the system's viewer; it returns the PDF's path.
func (s *SearchScreen) PrintSheet() (string, error) { return s.sheet.print() }

// SetQuery puts words in the search entry.
func (s *SearchScreen) SetQuery(text string) { s.query.SetText(text) }

// Hits returns the results listed, best first.
func (s *SearchScreen) Hits() []index.Hit { return s.hits }

// Record returns the record on show, or nil.
func (s *SearchScreen) Record() *index.Record { return s.record }

// Status returns the line shown under the filters, "" when none.
func (s *SearchScreen) Status() string {
	if !s.status.Visible() {
		return ""
	}
	return s.status.Text
}

// Show reads the record with this ID and shows it before returning; call it on the UI goroutine.
func (s *SearchScreen) Show(id int64) error {
	s.pending++
	rec, err := s.svc.backend().Get(context.Background(), s.sess.Actor(), id)
	s.showRecord(id, rec, err)
	return err
}

// form reads the search form into a query, or says in Chinese what is wrong with it.
func (s *SearchScreen) form() (index.Query, error) {
	q := index.Query{Text: strings.TrimSpace(s.query.Text), Department: strings.TrimSpace(s.dept.Text), Limit: 50}
	if i := s.attr.SelectedIndex(); i > 0 {
		q.Attribute = string(review.Attributes[i-1])
	}
	if i := s.basis.SelectedIndex(); i > 0 {
		q.Basis = review.Bases[i-1].Code
	}
	if i := s.state.SelectedIndex(); i > 0 {
		q.State = string(officeStates[i-1])
	}
	var err error
	if q.From, err = review.ParseDay(lang.L("起始日期"), s.from.Entry().Text); err != nil {
		return q, err
	}
	if q.To, err = review.ParseDay(lang.L("截止日期"), s.to.Entry().Text); err != nil {
		return q, err
	}
	return q, q.Check()
}

// showHits lists search results, or says why there are none. Unless fresh,
// the record on show stays open and the list keeps its place.
func (s *SearchScreen) showHits(hits []index.Hit, err error, fresh bool) {
	s.search.Enable()
	if !fresh && s.record != nil {
		s.refreshHits(hits, err)
		return
	}
	s.hits = hits
	s.masked = map[int64]string{}
	s.record = nil
	s.sheet.set(0)
	s.list.UnselectAll()
	s.list.Refresh()
	if fresh {
		s.list.ScrollToTop()
	}
	s.page.Hide()
	s.empty.Show()
	switch {
	case err != nil:
		fyne.LogError("search", err)
		s.hits = nil
		s.list.Refresh()
		s.setStatus(lang.L("检索失败：")+review.ErrorMessage(err), widget.DangerImportance)
		s.empty.SetText(lang.L("检索失败。"))
	case len(hits) == 0:
		s.setStatus(lang.L("没有找到符合条件的记录。"), widget.MediumImportance)
		s.empty.SetText(lang.L("没有找到符合条件的记录。"))
	default:
		s.setStatus(fmt.Sprintf(lang.L("找到 %d 条记录（最多列出 50 条）。"), len(hits)), widget.MediumImportance)
		s.empty.SetText(lang.L("请在左侧选择一条记录。"))
	}
}

// showRecord shows one record with the snippet its hit had.
func (s *SearchScreen) showRecord(id int64, r *index.Record, err error) {
	if err != nil {
		if review.ErrorCode(err) == review.ErrInternal {
			fyne.LogError(fmt.Sprintf("read record %d", id), err)
		}
		showError(s.win, lang.L("无法读取记录"), err, "")
		return
	}
	s.record = r
	s.sheet.set(r.ID)
	s.title.SetText(r.Title)
	date := r.IssueDate
	if date == "" && !r.DecidedAt.IsZero() {
		date = r.DecidedAt.Local().Format(officeDateLayout)
	}
	lines := []string{
		fmt.Sprintf(lang.L("编号：%d　部门：%s　日期：%s"), r.ID, queueOr(r.Department, lang.L("（未填）")), queueOr(date, lang.L("不详"))),
		fmt.Sprintf(lang.L("公开属性：%s　法律依据：%s"), queueAttrName(r.Attribute), queueBasisText(r.Basis)),
		lang.L("理由：") + queueOr(r.Reason, lang.L("（无）")),
		lang.L("状态：") + queueStateName(r.State),
		lang.L("文件：") + r.File,
	}
	if r.Drafter != "" {
		lines = append(lines, lang.L("起草人：")+r.Drafter)
	}
	if len(r.Findings) > 0 {
		lines = append(lines, fmt.Sprintf(lang.L("保密检查结果：%d 条"), len(r.Findings)))
	}
	if n := len(r.Decision.Redactions); n > 0 {
		lines = append(lines, fmt.Sprintf(lang.L("不予公开的内容：%d 处（正文中灰色标出）"), n))
	}
	s.info.SetText(strings.Join(lines, "\n"))
	s.showSnippet()
	if r.Unreadable != "" {
		s.doc.showMessage(lang.L("文件无法读取：") + r.Unreadable)
	} else {
		in := docFromRecord(r, findingsInOrder(r.Findings, findingOrder(r.Findings)))
		in.original = s.svc.originalFile(r.ID, s.sess.Actor())
		s.doc.show(in)
	}
	s.empty.Hide()
	s.page.Show()
	s.detail.ScrollToTop()
}

// showSnippet shows the snippet of the record on show's hit, masked as the view is.
func (s *SearchScreen) showSnippet() {
	s.snippet.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: lang.L("（无）"), Style: widget.RichTextStyleInline}}
	for _, h := range s.hits {
		if s.record != nil && h.ID == s.record.ID && h.Snippet != "" {
			s.snippet.Segments = officeMarked(s.snippetOf(h), false)
		}
	}
	s.snippet.Refresh()
}

// snippetOf returns a hit's snippet, its personal numbers masked unless masking is off.
func (s *SearchScreen) snippetOf(h index.Hit) string {
	if !s.doc.Masked() {
		return h.Snippet
	}
	m, ok := s.masked[h.ID]
	if !ok {
		m = docMaskSnippet(s.svc.scanner(), h.Snippet)
		if s.masked == nil {
			s.masked = map[int64]string{}
		}
		s.masked[h.ID] = m
	}
	return m
}

// onMaskChanged shows the snippets again, masked or not as the view now is.
func (s *SearchScreen) onMaskChanged() {
	s.list.Refresh()
	s.showSnippet()
}

// officeMarked turns a snippet whose matches are in 【】 into rich-text
// segments, the matches bold and coloured, line breaks as spaces. With oneLine,
// the text before the first match is shortened so the match shows.
func officeMarked(snippet string, oneLine bool) []widget.RichTextSegment {
	snippet = strings.Join(strings.Fields(snippet), " ")
	if oneLine {
		if i := strings.Index(snippet, "【"); i > 0 {
			before := []rune(snippet[:i])
			if len(before) > 12 {
				snippet = "…" + string(before[len(before)-12:]) + snippet[i:]
			}
		}
	}
	var segs []widget.RichTextSegment
	plain := widget.RichTextStyleInline
	mark := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}
	for snippet != "" {
		open := strings.Index(snippet, "【")
		if open < 0 {
			segs = append(segs, &widget.TextSegment{Text: snippet, Style: plain})
			break
		}
		if open > 0 {
			segs = append(segs, &widget.TextSegment{Text: snippet[:open], Style: plain})
		}
		rest := snippet[open+len("【"):]
		end := strings.Index(rest, "】")
		if end < 0 {
			segs = append(segs, &widget.TextSegment{Text: rest, Style: mark})
			break
		}
		segs = append(segs, &widget.TextSegment{Text: rest[:end], Style: mark})
		snippet = rest[end+len("】"):]
	}
	return segs
}

// onSearchTapped runs a fresh search in the background.
func (s *SearchScreen) onSearchTapped() { s.run(true) }

// onSubmitted runs a fresh search when Enter is pressed in an entry.
func (s *SearchScreen) onSubmitted(string) { s.run(true) }

// onListSelected reads the picked record in the background and shows it.
func (s *SearchScreen) onListSelected(i widget.ListItemID) {
	if i < 0 || i >= len(s.hits) {
		return
	}
	id := s.hits[i].ID
	runLatest(&s.pending, func() func() {
		rec, err := s.svc.backend().Get(context.Background(), s.sess.Actor(), id)
		return func() {
			s.showRecord(id, rec, err)
			s.changed()
		}
	})
}

// setStatus shows a line under the filters.
func (s *SearchScreen) setStatus(text string, imp widget.Importance) { showStatus(s.status, text, imp) }

// changed tells OnChanged that a background result is on screen.
func (s *SearchScreen) changed() { notify(s.OnChanged) }

func (s *SearchScreen) listLength() int { return len(s.hits) }

func (s *SearchScreen) newListItem() fyne.CanvasObject {
	snip := widget.NewRichText()
	snip.Truncation = fyne.TextTruncateEllipsis
	return newTitleMetaBox(snip)
}

func (s *SearchScreen) updateListItem(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.hits) {
		return
	}
	h := s.hits[i]
	c := setTitleMeta(o, h.Title, queueHitMeta(h))
	snip := c.Objects[2].(*widget.RichText)
	if h.Snippet == "" {
		snip.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: h.File, Style: widget.RichTextStyleInline}}
	} else {
		snip.Segments = officeMarked(s.snippetOf(h), true)
	}
	snip.Refresh()
}
