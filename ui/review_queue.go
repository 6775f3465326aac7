package ui

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/review"
	"prepub/review/scan"
)

// similarShown is how many similar past decisions the legal office sees beside a draft.
const similarShown = 5

// QueueScreen is a reviewer's desk: the drafts waiting for the signed-in
// role, and the selected one with all a reviewer needs to confirm or clear
// its findings, pass, sign or return it. Every action goes to the desk.
type QueueScreen struct {
	// OnChanged, when set, is called on the UI goroutine after a background
	// load or action has been shown.
	OnChanged func()

	win  fyne.Window
	svc  *Services
	sess *Session
	role review.Role

	root     fyne.CanvasObject
	heading  *widget.Label
	list     *helpList
	status   *wrapLabel
	empty    *widget.Label
	detail   *container.Scroll
	page     *container.Split // the particulars and the draft's text
	doc      *DocView
	title    *widget.Label
	info     map[string]*widget.Label
	route    *wrapLabel
	findHead *widget.Label
	findings *fyne.Container
	redHead  *widget.Label // 不予公开的内容: the passages withheld (Art. 37)
	redacted *fyne.Container
	simHead  *widget.Label
	similar  *fyne.Container
	history  *widget.Label
	reload   *widget.Button
	next     *widget.Button
	pass     *widget.Button // 通过 (secrecy officer, legal office) or 签发 (heads)
	ret      *widget.Button
	sheet    *sheetPrinter

	recs     []index.Record
	sims     map[int64][]index.Hit
	simErr   error
	current  int64 // ID of the draft on show, 0 for none
	pending  int   // number of the latest background load; older ones are dropped
	docOrder []int // the findings of the draft on show in the order its text view walks them
	notes    queueNotes
}

// queueData is one load of a role's queue, with the similar decisions of each draft for the legal office.
type queueData struct {
	recs   []index.Record
	sims   map[int64][]index.Hit
	simErr error
	err    error
}

// queueActResult is an action taken and the queue as it stands after it.
type queueActResult struct {
	id      int64
	action  string
	finding int
	rec     *index.Record
	err     error
	firstBy *review.Action // who acted on the draft after it was shown here, when someone did
	state   review.State   // the draft's state after someone else acted
	data    queueData
}

// queueInfoKeys are the rows of the draft's particulars, in order.
var queueInfoKeys = []string{"部门", "起草人", "公开属性", "法律依据", "理由", "状态"}

// NewQueueScreen builds the review queue of the signed-in reviewer (secrecy
// officer, legal office, deputy or principal head) and binds Alt+↓ to the next draft.
// The draft's own text is on show beside its particulars, in a DocView.
func NewQueueScreen(win fyne.Window, svc *Services, sess *Session) *QueueScreen {
	s := &QueueScreen{win: win, svc: svc, sess: sess, role: sess.User.Role, info: map[string]*widget.Label{}}

	s.heading = newTitleLabel()
	s.reload = widget.NewButtonWithIcon("", theme.ViewRefreshIcon(), s.Reload)
	s.list = newHelpList(s.listLength, newTitleMetaItem, s.updateListItem)
	s.list.OnSelected = s.onListSelected
	left := container.NewBorder(container.NewBorder(nil, nil, nil, s.reload, s.heading), nil, nil, nil, s.list)

	s.title = widget.NewLabel("")
	s.title.TextStyle = fyne.TextStyle{Bold: true}
	s.title.SizeName = theme.SizeNameSubHeadingText
	s.title.Wrapping = fyne.TextWrapWord
	form := container.New(layout.NewFormLayout())
	for _, k := range queueInfoKeys {
		key := widget.NewLabel(lang.L(k))
		key.TextStyle = fyne.TextStyle{Bold: true}
		val := widget.NewLabel("")
		val.Wrapping = fyne.TextWrapWord
		val.Selectable = true
		s.info[k] = val
		form.Add(key)
		form.Add(val)
	}
	s.route = newWrapLabel("")
	s.findHead = queueSection(lang.L("保密检查结果"))
	s.findings = container.NewVBox()
	s.redHead = queueSection("")
	s.redacted = container.NewVBox()
	s.simHead = queueSection(lang.L("相似的既往决定"))
	s.similar = container.NewVBox()
	s.history = widget.NewLabel("")
	s.history.Wrapping = fyne.TextWrapWord
	s.history.Selectable = true
	// The legal office weighs the basis against past decisions first; the others see the findings first.
	box := container.NewVBox(s.title, form, s.redHead, s.redacted,
		queueSection(lang.L("签发流程")), s.route,
		s.simHead, s.similar,
		s.findHead, s.findings,
		queueSection(lang.L("办理记录")), s.history)
	if s.role != review.LegalOffice {
		s.simHead.Hide()
		s.similar.Hide()
	}
	s.detail = container.NewVScroll(box)
	s.doc = NewDocView(win)
	s.page = container.NewHSplit(s.detail, s.doc.Content())
	s.page.Offset = 0.42

	s.empty = widget.NewLabel("")
	s.empty.Alignment = fyne.TextAlignCenter
	s.empty.Wrapping = fyne.TextWrapWord
	s.status = newWrapLabel("")
	s.status.Hide()

	s.pass = widget.NewButtonWithIcon(lang.L("通过"), theme.ConfirmIcon(), s.onPassTapped)
	if s.role == review.DeputyHead || s.role == review.PrincipalHead {
		s.pass.SetText(lang.L("签发"))
	}
	s.pass.Importance = widget.HighImportance
	s.ret = widget.NewButtonWithIcon(lang.L("退回"), theme.MailReplyIcon(), s.onReturnTapped)
	s.ret.Importance = widget.DangerImportance
	s.next = widget.NewButtonWithIcon(lang.L("下一份（Alt+↓）"), theme.MoveDownIcon(), s.Next)
	s.sheet = newSheetPrinter(win, svc, sess, func(u *url.URL) error { return s.doc.OpenURL(u) }, s.changed)
	bar := container.NewHBox(s.next, s.sheet.button, layout.NewSpacer(), s.ret, s.pass)
	right := container.NewBorder(s.status, bar, nil, nil, container.NewStack(s.empty, s.page))

	split := container.NewHSplit(left, right)
	split.Offset = 0.22
	s.root = split
	win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}, s.onNextShortcut)
	s.showData(queueData{})
	return s
}

// queueSection returns a bold heading for a part of the draft's page.
func queueSection(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle = fyne.TextStyle{Bold: true}
	l.Importance = widget.HighImportance
	return l
}

// Content returns the screen's widgets.
func (s *QueueScreen) Content() fyne.CanvasObject { return s.root }

// Reload fetches the role's queue in the background and shows it when it is ready.
func (s *QueueScreen) Reload() {
	s.reload.Disable()
	who := s.sess.Actor()
	runLatest(&s.pending, func() func() {
		data := s.fetch(who)
		return func() { // not run when a newer load or action is under way
			s.showData(data)
			s.changed()
		}
	})
}

// Load fetches the role's queue and shows it before returning; call it on the UI goroutine.
func (s *QueueScreen) Load() error {
	s.pending++
	data := s.fetch(s.sess.Actor())
	s.showData(data)
	return data.err
}

// Queue returns the drafts listed, oldest first.
func (s *QueueScreen) Queue() []index.Record { return s.recs }

// PrintSheet prints the sign-off sheet of the draft on show to a private
// temporary PDF and opens it in the system's viewer; it returns the PDF's path.
func (s *QueueScreen) PrintSheet() (string, error) { return s.sheet.print() }

// Selected returns the draft on show, or nil.
func (s *QueueScreen) Selected() *index.Record {
	if i := s.indexOf(s.current); i >= 0 {
		return &s.recs[i]
	}
	return nil
}

// Similar returns the similar past decisions shown beside the draft on show (legal office only).
func (s *QueueScreen) Similar() []index.Hit { return s.sims[s.current] }

// Select shows the listed draft with this ID and reports whether it is listed.
func (s *QueueScreen) Select(id int64) bool {
	i := s.indexOf(id)
	if i < 0 {
		return false
	}
	s.list.Select(i)
	s.display(i)
	return true
}

// Next shows the draft after the one on show, wrapping round to the first.
func (s *QueueScreen) Next() {
	if len(s.recs) == 0 {
		return
	}
	s.Select(s.recs[(s.indexOf(s.current)+1)%len(s.recs)].ID)
}

// Act applies one action to a draft and shows the outcome, or the refusal in
// a dialog, then the fresh queue, before returning; call it on the UI goroutine.
// finding is the finding's index for confirm and clear, -1 otherwise.
func (s *QueueScreen) Act(id int64, action string, finding int, note string) error {
	s.pending++
	res := s.apply(s.sess.Actor(), id, s.shownHistory(id), action, finding, note)
	s.finish(res)
	return res.err
}

// fetch reads the queue of who, and for the legal office each draft's similar decisions; it touches no widget.
func (s *QueueScreen) fetch(who review.Actor) queueData {
	ctx := context.Background()
	var d queueData
	d.recs, d.err = s.svc.backend().Queue(ctx, who)
	if d.err != nil || s.role != review.LegalOffice {
		return d
	}
	d.sims = make(map[int64][]index.Hit, len(d.recs))
	for i := range d.recs {
		r := &d.recs[i]
		hits, err := s.svc.backend().Similar(ctx, who, r.ID, similarShown)
		if err != nil {
			d.simErr = err
			continue
		}
		d.sims[r.ID] = hits
	}
	return d
}

// apply takes one action by who through the desk and reloads the queue; it touches no widget.
// shown is the length of the draft's history as it was on screen, -1 when unknown.
func (s *QueueScreen) apply(who review.Actor, id int64, shown int, action string, finding int, note string) queueActResult {
	ctx := context.Background()
	res := queueActResult{id: id, action: action, finding: finding}
	res.rec, res.err = s.svc.backend().Act(ctx, id, who, action, finding, note)
	if res.err != nil && shown >= 0 {
		if now, err := s.svc.backend().Get(ctx, who, id); err == nil && len(now.History) > shown {
			first := now.History[shown] // the action taken first; the archive may note more after it
			res.firstBy, res.state = &first, now.State
		}
	}
	res.data = s.fetch(who)
	return res
}

// start runs an action in the background and shows its outcome when it is done.
func (s *QueueScreen) start(id int64, action string, finding int, note string) {
	s.pending++
	n := s.pending
	shown := s.shownHistory(id)
	who := s.sess.Actor()
	s.setBusy(true)
	go func() {
		res := s.apply(who, id, shown, action, finding, note)
		fyne.Do(func() {
			if n != s.pending {
				s.setBusy(false)
				return
			}
			s.finish(res)
			s.changed()
		})
	}()
}

// finish shows an action's outcome: the refusal in a dialog, or a line saying where the draft went, and the fresh queue.
func (s *QueueScreen) finish(res queueActResult) {
	s.setBusy(false)
	s.showData(res.data)
	switch {
	case res.err == nil:
		s.notes.drop(res.id, res.action, res.finding)
		s.setStatus(queueDoneText(res.action, res.rec), widget.SuccessImportance)
	case res.firstBy != nil:
		a := res.firstBy
		msg := fmt.Sprintf(lang.L("在您办理之前，%s（%s）已%s该草稿，草稿现在%s。\n您的操作没有生效，列表已刷新。\n\n%s"),
			a.User, index.RoleName(a.Role), queueActionName(a.Action), queueStateName(res.state), review.ErrorMessage(res.err))
		s.setStatus(lang.L("已有他人先办理该草稿，您的操作没有生效。"), widget.WarningImportance)
		showMessage(s.win, lang.L("已有他人先办理"), msg)
	default:
		if review.ErrorCode(res.err) == review.ErrInternal {
			fyne.LogError(fmt.Sprintf("%s draft %d", res.action, res.id), res.err)
		}
		s.setStatus(lang.L("未能办理：")+review.ErrorMessage(res.err), widget.DangerImportance)
		showError(s.win, lang.L("未能办理"), res.err, "")
	}
}

// queueDoneText says what an action did and where the draft stands now.
func queueDoneText(action string, rec *index.Record) string {
	t := fmt.Sprintf(lang.L("已%s：%s"), queueActionName(action), rec.Title)
	if action != review.ActionConfirm && action != review.ActionClear {
		t += lang.L("。草稿现在") + queueStateName(rec.State)
	}
	return t + "。"
}

// showData lists a loaded queue and keeps the draft on show, or the one now at its place.
func (s *QueueScreen) showData(d queueData) {
	s.reload.Enable()
	at := s.indexOf(s.current)
	s.recs, s.sims, s.simErr = d.recs, d.sims, d.simErr
	if d.err != nil {
		fyne.LogError("load queue", d.err)
		s.setStatus(lang.L("无法读取待办列表：")+review.ErrorMessage(d.err), widget.DangerImportance)
	}
	if s.simErr != nil {
		fyne.LogError("similar decisions", s.simErr)
	}
	s.heading.SetText(s.headingText())
	s.list.UnselectAll()
	s.list.Refresh()
	if i := s.indexOf(s.current); i >= 0 {
		at = i
	}
	if len(s.recs) == 0 {
		s.display(-1)
		return
	}
	s.Select(s.recs[min(max(at, 0), len(s.recs)-1)].ID)
}

// headingText names the queue and counts it.
func (s *QueueScreen) headingText() string {
	if _, ok := review.StepState(s.role); !ok {
		return lang.L("待办：您的角色（") + index.RoleName(s.role) + lang.L("）不审核草稿")
	}
	return fmt.Sprintf(lang.L("待%s处理：%d 份"), s.role.Chinese(), len(s.recs))
}

// display shows the listed draft at index i, or the empty page when i < 0.
func (s *QueueScreen) display(i int) {
	if i < 0 || i >= len(s.recs) {
		s.current = 0
		s.page.Hide()
		s.doc.SetLoading("")
		s.empty.SetText(lang.L("请在左侧选择一份草稿"))
		if len(s.recs) == 0 {
			s.empty.SetText(s.emptyText())
		}
		s.empty.Show()
		s.sheet.set(0)
		s.pass.Disable()
		s.ret.Disable()
		s.next.Disable()
		return
	}
	r := &s.recs[i]
	again := s.current == r.ID // a reload: the text on show stays where it was scrolled
	if !again {
		s.detail.ScrollToTop()
		s.clearStatus()
		s.doc.SetLoading(lang.L("正在读取…"))
	}
	s.current = r.ID
	s.sheet.set(r.ID)
	s.empty.Hide()
	s.page.Show()
	s.pass.Enable()
	s.ret.Enable()
	s.next.Enable()

	s.title.SetText(r.Title)
	s.info["部门"].SetText(queueOr(r.Department, lang.L("（未填）")))
	s.info["起草人"].SetText(r.Drafter)
	s.info["公开属性"].SetText(queueAttrName(r.Attribute))
	s.info["法律依据"].SetText(queueBasisText(r.Basis))
	s.info["理由"].SetText(queueOr(r.Reason, lang.L("（未填）")))
	s.info["状态"].SetText(queueStateName(r.State))
	s.route.SetText(queueRouteText(r))
	s.showFindings(r)
	s.showWithheld(r)
	if !again {
		s.showDoc(r)
	}
	if s.role == review.LegalOffice {
		s.showSimilar(s.sims[r.ID])
	}
	s.history.SetText(queueHistoryText(r.History, findingOrder(r.Findings)))
}

// emptyText is what the page says when nothing waits.
func (s *QueueScreen) emptyText() string {
	if _, ok := review.StepState(s.role); !ok {
		return lang.L("待办列表只对保密员、法制机构、分管负责人和主要负责人开放。")
	}
	return lang.L("当前没有等待") + s.role.Chinese() + lang.L("处理的草稿。")
}

// showFindings lists the draft's findings, strongest first, with the secrecy officer's buttons on the high and critical ones.
func (s *QueueScreen) showFindings(r *index.Record) {
	order := findingOrder(r.Findings)
	open := 0
	objs := make([]fyne.CanvasObject, 0, 2*len(order)+1)
	for n, i := range order {
		f := r.Findings[i]
		res, resolved := r.Resolutions[i]
		if !resolved && review.NeedsResolution(f) {
			open++
		}
		if len(objs) > 0 {
			objs = append(objs, widget.NewSeparator())
		}
		objs = append(objs, s.findingCard(i, n+1, f, res, resolved))
	}
	if r.Unreadable != "" {
		l := widget.NewLabel(lang.L("文件无法检查：") + r.Unreadable)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.DangerImportance
		objs = append(objs, l)
	} else if len(objs) == 0 {
		objs = append(objs, widget.NewLabel(lang.L("保密检查没有发现问题。")))
	}
	head := fmt.Sprintf(lang.L("保密检查结果（%d 条"), len(r.Findings))
	if open > 0 {
		head += fmt.Sprintf(lang.L("，%d 条待处理"), open)
	}
	s.findHead.SetText(head + "）")
	s.findings.Objects = objs
	s.findings.Refresh()
}

// findingCard shows finding i, numbered n as listed: severity, category, part, hidden, text, note, the resolution, and for the secrecy officer the buttons.
func (s *QueueScreen) findingCard(i, n int, f scan.Finding, res review.Resolution, resolved bool) fyne.CanvasObject {
	sev := widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}, ColorName: severityColor(f.Severity)}
	head := widget.NewRichText(
		&widget.TextSegment{Text: fmt.Sprintf("%d. ", n), Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
		&widget.TextSegment{Text: "［" + f.Severity.Chinese() + "］", Style: sev},
		&widget.TextSegment{Text: fmt.Sprintf(lang.L(" %s · %s · 隐藏：%s"), categoryName(f.Category), place(f), yesNo(f.Hidden)),
			Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
	)
	head.Truncation = fyne.TextTruncateEllipsis
	text := widget.NewLabel(lang.L("文字：") + f.Text)
	text.Wrapping = fyne.TextWrapWord
	text.Selectable = true
	box := container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()*2), text)
	if f.Note != "" {
		note := newWrapLabel(lang.L("说明：") + f.Note)
		box.Add(note)
	}
	if f.Hidden {
		h := newWrapLabel(lang.L("这段文字在正常阅读时看不到（隐藏部分），发布前同样须处理。"))
		h.Importance = widget.WarningImportance
		box.Add(h)
	}
	strong := review.NeedsResolution(f)
	if resolved || strong {
		st := newWrapLabel(queueResolutionText(res, resolved))
		switch {
		case !resolved:
			st.Importance = widget.WarningImportance
		case res.Confirmed:
			st.Importance = widget.DangerImportance
		default:
			st.Importance = widget.SuccessImportance
		}
		box.Add(st)
	}
	buttons := container.NewHBox(widget.NewButtonWithIcon("", theme.SearchIcon(), func() { s.locate(i) }))
	if s.role == review.SecrecyOfficer && strong {
		confirm := widget.NewButton(lang.L("确认"), func() { s.onResolveTapped(i, n, review.ActionConfirm) })
		clear := widget.NewButton(lang.L("排除误报"), func() { s.onResolveTapped(i, n, review.ActionClear) })
		buttons.Add(confirm)
		buttons.Add(clear)
	}
	top := container.NewBorder(nil, nil, nil, buttons, head)
	return container.NewBorder(top, nil, nil, nil, box)
}

// queueResolutionText words the secrecy officer's resolution of a finding.
func queueResolutionText(r review.Resolution, resolved bool) string {
	if !resolved {
		return lang.L("处理：尚未确认或排除")
	}
	t := lang.L("处理：已排除误报")
	if r.Confirmed {
		t = lang.L("处理：已确认")
	}
	if r.By != "" {
		t += "（" + r.By + "）"
	}
	if r.Note != "" {
		t += "：" + r.Note
	}
	return t
}

// showSimilar lists the past decisions closest to the draft.
func (s *QueueScreen) showSimilar(hits []index.Hit) {
	var objs []fyne.CanvasObject
	for _, h := range hits {
		title := widget.NewLabel(h.Title)
		title.TextStyle = fyne.TextStyle{Bold: true}
		title.Wrapping = fyne.TextWrapWord
		meta := newWrapLabel(queueHitMeta(h))
		objs = append(objs, container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()*2), title, meta))
	}
	switch {
	case s.simErr != nil && len(hits) == 0:
		objs = append(objs, widget.NewLabel(lang.L("无法查找相似决定：")+review.ErrorMessage(s.simErr)))
	case len(hits) == 0:
		objs = append(objs, widget.NewLabel(lang.L("档案库中没有相似的既往决定。")))
	}
	s.simHead.SetText(fmt.Sprintf(lang.L("相似的既往决定（%d 份）"), len(hits)))
	s.similar.Objects = objs
	s.similar.Refresh()
}

// queueHitMeta words a past decision's attribute, basis (when it has one) and date.
func queueHitMeta(h index.Hit) string {
	parts := []string{queueAttrName(review.Attribute(h.Attribute))}
	if h.Basis != "" {
		parts = append(parts, queueBasisText(h.Basis))
	}
	return strings.Join(append(parts, queueOr(h.Date, lang.L("日期不详"))), " · ")
}

// queueRouteText lists a draft's route with each step marked done, current or to come.
func queueRouteText(r *index.Record) string {
	if len(r.Route) == 0 {
		return lang.L("（无）")
	}
	lines := make([]string, len(r.Route))
	for i, st := range r.Route {
		mark := lang.L("【待办】")
		switch {
		case r.State.Decided() || i < r.Current:
			mark = lang.L("【已办】")
		case i == r.Current && r.State != review.StateReturned:
			mark = lang.L("【当前】")
		}
		lines[i] = fmt.Sprintf("%s%d. %s：%s", mark, i+1, st.Role.Chinese(), st.Why)
	}
	return strings.Join(lines, "\n")
}

// queueHistoryText lists a draft's history, one action a line; a finding is
// numbered as the findings are listed, in order.
func queueHistoryText(h []review.Action, order []int) string {
	if len(h) == 0 {
		return lang.L("（无）")
	}
	lines := make([]string, len(h))
	for i, a := range h {
		t := fmt.Sprintf("%s  %s（%s）%s", a.At.Local().Format("2006-01-02 15:04"), a.User, index.RoleName(a.Role), queueActionName(a.Action))
		if n := slices.Index(order, a.Finding); (a.Action == review.ActionConfirm || a.Action == review.ActionClear) && n >= 0 {
			t += fmt.Sprintf(lang.L("第 %d 条检查结果"), n+1)
		}
		t += " → " + queueStateName(a.State)
		if a.Note != "" {
			t += lang.L("\n    意见：") + a.Note
		}
		lines[i] = t
	}
	return strings.Join(lines, "\n")
}

// onListSelected shows the draft picked in the list.
func (s *QueueScreen) onListSelected(i widget.ListItemID) { s.display(i) }

// onNextShortcut moves to the next draft when this screen is on show.
func (s *QueueScreen) onNextShortcut(fyne.Shortcut) {
	if s.root.Visible() {
		s.Next()
	}
}

// onPassTapped asks for an optional note, then approves (reviews) or signs (heads) the draft on show.
func (s *QueueScreen) onPassTapped() {
	id := s.current
	if id == 0 {
		return
	}
	action, title, prompt := review.ActionApprove, lang.L("审核通过"), lang.L("审核意见（可不填）")
	if s.role == review.DeputyHead || s.role == review.PrincipalHead {
		action, title, prompt = review.ActionSign, lang.L("签发"), lang.L("签发意见（可不填）")
	}
	if s.refusePass() {
		return
	}
	askNoteKept(s.win, title, s.pass.Text, prompt, s.notes.at(id, action, -1), func(note string) { s.start(id, action, -1, note) })
}

// onReturnTapped asks for the reason and returns the draft on show to its drafter.
func (s *QueueScreen) onReturnTapped() {
	id := s.current
	if id == 0 {
		return
	}
	askNoteKept(s.win, lang.L("退回起草人"), lang.L("退回"), lang.L("退回理由（必填，起草人据此修改）"), s.notes.at(id, review.ActionReturn, -1), func(note string) {
		s.start(id, review.ActionReturn, -1, note)
	})
}

// onResolveTapped asks for a note, then confirms the finding or clears it as a false alarm.
// n is the finding's number in the list on screen.
func (s *QueueScreen) onResolveTapped(finding, n int, action string) {
	id := s.current
	title, ok, prompt := lang.L("确认检查结果"), lang.L("确认"), lang.L("说明（可不填），如：经核实确属国家秘密")
	if action == review.ActionClear {
		title, ok, prompt = lang.L("排除误报"), lang.L("排除误报"), lang.L("为何属于误报（必填）")
	}
	askNoteKept(s.win, fmt.Sprintf(lang.L("%s：第 %d 条"), title, n), ok, prompt, s.notes.at(id, action, finding), func(note string) {
		s.start(id, action, finding, note)
	})
}

// askNoteKept shows a dialog with a multi-line entry and passes the note typed, trimmed, to done when confirmed.
// The keyboard is on the entry; Ctrl+Enter confirms, Escape cancels and Tab moves to the buttons.
// The entry starts with *kept and writes what is typed back to it, so a note survives a refusal or a cancelled dialog.
func askNoteKept(win fyne.Window, title, confirm, prompt string, kept *string, done func(note string)) {
	m := newModal(win)
	e := m.entry(true)
	e.SetText(*kept)
	e.OnChanged = func(text string) { *kept = text }
	e.SetPlaceHolder(prompt)
	e.SetMinRowsVisible(4)
	d := dialog.NewCustomConfirm(title, confirm, lang.L("取消"), e, func(ok bool) {
		if ok {
			done(strings.TrimSpace(e.Text))
		}
	}, win)
	d.Resize(fyne.NewSize(480, 260))
	m.show(d, e)
}

// setBusy disables the action buttons while an action runs.
func (s *QueueScreen) setBusy(busy bool) {
	for _, b := range []*widget.Button{s.pass, s.ret, s.reload} {
		if busy {
			b.Disable()
		} else if s.current != 0 || b == s.reload {
			b.Enable()
		}
	}
	if busy {
		s.setStatus(lang.L("正在办理…"), widget.MediumImportance)
	}
}

// setStatus shows a line above the draft.
func (s *QueueScreen) setStatus(text string, imp widget.Importance) { showStatus(s.status, text, imp) }

// clearStatus hides the status line.
func (s *QueueScreen) clearStatus() {
	s.status.SetText("")
	s.status.Hide()
}

// Status returns the line shown above the draft, "" when none.
func (s *QueueScreen) Status() string {
	if !s.status.Visible() {
		return ""
	}
	return s.status.Text
}

// changed tells OnChanged that a background result is on screen.
func (s *QueueScreen) changed() { notify(s.OnChanged) }

// indexOf returns the list index of the draft with this ID, or -1.
func (s *QueueScreen) indexOf(id int64) int {
	return slices.IndexFunc(s.recs, func(r index.Record) bool { return r.ID == id })
}

// shownHistory returns the length of a listed draft's history as shown, or -1.
func (s *QueueScreen) shownHistory(id int64) int {
	if i := s.indexOf(id); i >= 0 {
		return len(s.recs[i].History)
	}
	return -1
}

func (s *QueueScreen) listLength() int { return len(s.recs) }

func (s *QueueScreen) updateListItem(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.recs) {
		return
	}
	r := &s.recs[i]
	meta := []string{queueOr(r.Department, lang.L("未填部门")), r.Drafter, queueAttrName(r.Attribute)}
	if n := len(r.History); n > 0 {
		meta = append(meta, r.History[n-1].At.Local().Format("01-02 15:04"))
	}
	setTitleMeta(o, r.Title, strings.Join(meta, " · "))
}

// queueStateName returns a state's Chinese name, translated.
func queueStateName(st review.State) string { return lang.L(st.Chinese()) }

// queueActionName returns an action's name, in the archive's Chinese words, translated.
func queueActionName(a string) string { return lang.L(index.ActionName(a)) }

// queueAttrName returns an attribute's Chinese name, or says none was chosen.
func queueAttrName(a review.Attribute) string {
	if a == "" {
		return lang.L("（未选）")
	}
	return a.Chinese()
}

// queueBasisText returns a basis's Chinese name and article, or a dash for none.
func queueBasisText(code string) string {
	if code == "" {
		return "—"
	}
	b, ok := review.LookupBasis(code)
	if !ok {
		return code
	}
	return b.Label()
}

// queueOr returns s, or alt when s is empty.
func queueOr(s, alt string) string {
	if strings.TrimSpace(s) == "" {
		return alt
	}
	return s
}
