package ui

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/review"
)

// ReReviewScreen is the disclosure office's yearly re-review: the withheld and
// on-request decisions due, kept (with a note) or converted to public, and the
// secrecy markings whose period has run out. The decision's text is on show in a
// DocView, personal numbers masked.
type ReReviewScreen struct {
	// OnChanged, when set, is called on the UI goroutine after a background load or action has been shown.
	OnChanged func()

	win  fyne.Window
	svc  *Services
	sess *Session

	root    fyne.CanvasObject
	heading *widget.Label
	list    *helpList
	info    *widget.Label
	keep    *widget.Button
	convert *widget.Button
	status  *wrapLabel
	expHead *widget.Label
	expired *helpList
	reload  *widget.Button
	doc     *DocView
	sheet   *sheetPrinter

	due     []index.Record
	exps    []index.Expiry
	current int64
	pending int
	docID   int64 // the record whose text is on show or being read
	docLoad int   // number of the latest read of a record's text

	notes queueNotes // reasons typed for a keep or conversion that has not gone through
}

// reReviewData is one load of the re-review lists.
type reReviewData struct {
	due  []index.Record
	exps []index.Expiry
	err  error
}

// NewReReviewScreen builds the yearly re-review of the signed-in disclosure office.
func NewReReviewScreen(win fyne.Window, svc *Services, sess *Session) *ReReviewScreen {
	s := &ReReviewScreen{win: win, svc: svc, sess: sess}
	s.heading = widget.NewLabel("")
	s.heading.TextStyle = fyne.TextStyle{Bold: true}
	s.reload = widget.NewButtonWithIcon("", theme.ViewRefreshIcon(), s.Reload)
	s.list = newHelpList(s.dueLength, newTitleMetaItem, s.updateDueItem)
	s.list.OnSelected = s.onDueSelected
	s.info = widget.NewLabel(lang.L("请在左侧选择一份到期的决定。"))
	s.info.Wrapping = fyne.TextWrapWord
	s.info.Selectable = true
	s.keep = widget.NewButtonWithIcon(lang.L("维持"), theme.ConfirmIcon(), s.onKeepTapped)
	s.convert = widget.NewButtonWithIcon(lang.L("转为主动公开"), theme.VisibilityIcon(), s.onConvertTapped)
	s.convert.Importance = widget.HighImportance
	s.status = newWrapLabel("")
	s.status.Hide()
	s.doc = NewDocView(win)
	s.doc.SetMaskable()
	page := container.NewVSplit(container.NewVScroll(s.info), s.doc.Content())
	page.Offset = 0.3
	s.sheet = newSheetPrinter(win, svc, sess, func(u *url.URL) error { return s.doc.OpenURL(u) }, s.changed)
	detail := container.NewBorder(s.status, container.NewHBox(s.sheet.button, layout.NewSpacer(), s.keep, s.convert), nil, nil, page)
	dueSplit := container.NewHSplit(s.list, detail)
	dueSplit.Offset = 0.45

	s.expHead = queueSection("")
	s.expired = newHelpList(s.expLength, newCellLabel, s.updateExpItem)
	expBox := container.NewBorder(s.expHead, nil, nil, nil, s.expired)

	body := container.NewVSplit(dueSplit, expBox)
	body.Offset = 0.65
	s.root = container.NewBorder(container.NewBorder(nil, nil, nil, s.reload, s.heading), nil, nil, nil, body)
	s.showData(reReviewData{})
	return s
}

// Content returns the screen's widgets.
func (s *ReReviewScreen) Content() fyne.CanvasObject { return s.root }

// Reload fetches the due list and the expired markings in the background.
func (s *ReReviewScreen) Reload() {
	s.reload.Disable()
	runLatest(&s.pending, func() func() {
		d := s.fetch()
		return func() {
			s.showData(d)
			s.changed()
		}
	})
}

// Load fetches and shows the lists before returning; call it on the UI goroutine.
func (s *ReReviewScreen) Load() error {
	s.pending++
	d := s.fetch()
	s.showData(d)
	return d.err
}

// PrintSheet prints the sign-off sheet of the decision on show to a private
// temporary PDF and opens it in the system's viewer; it returns the PDF's path.
func (s *ReReviewScreen) PrintSheet() (string, error) { return s.sheet.print() }

// Due returns the decisions due for re-review, oldest first.
func (s *ReReviewScreen) Due() []index.Record { return s.due }

// Expired returns the secrecy markings whose period has run out.
func (s *ReReviewScreen) Expired() []index.Expiry { return s.exps }

// Status returns the line shown above the decision, "" when none.
func (s *ReReviewScreen) Status() string {
	if !s.status.Visible() {
		return ""
	}
	return s.status.Text
}

// Keep keeps a decision with the reviewer's note and shows the outcome (or the refusal) before returning; call it on the UI goroutine.
func (s *ReReviewScreen) Keep(id int64, note string) error {
	s.pending++
	err := s.svc.backend().Keep(context.Background(), s.sess.Actor(), id, note)
	s.finish(lang.L("维持原决定"), err, s.keptText(id), s.fetch())
	return err
}

// Convert starts converting a decision to public and shows the new route or
// the return reasons before returning; call it on the UI goroutine.
func (s *ReReviewScreen) Convert(id int64, note string) (int64, review.Outcome, error) {
	s.pending++
	newID, out, err := s.svc.backend().Convert(context.Background(), s.sess.Actor(), id, note)
	s.finish(lang.L("转为主动公开"), err, officeConvertText(newID, out), s.fetch())
	return newID, out, err
}

// fetch reads the due list and the expired markings; it touches no widget.
func (s *ReReviewScreen) fetch() reReviewData {
	ctx := context.Background()
	var d reReviewData
	who := s.sess.Actor()
	if d.due, d.err = s.svc.backend().ReviewDue(ctx, who, index.DefaultReviewPeriod); d.err != nil {
		return d
	}
	d.exps, d.err = s.svc.backend().ExpiredMarkings(ctx, who)
	return d
}

// showData lists what a load found.
func (s *ReReviewScreen) showData(d reReviewData) {
	s.reload.Enable()
	if d.err != nil {
		fyne.LogError("load re-review", d.err)
		s.setStatus(lang.L("无法读取复查清单：")+review.ErrorMessage(d.err), widget.DangerImportance)
	}
	s.due, s.exps = d.due, d.exps
	s.heading.SetText(fmt.Sprintf(lang.L("年度复查：%d 份不予公开或依申请公开的决定到期"), len(s.due)))
	s.expHead.SetText(fmt.Sprintf(lang.L("保密期限已满的密级标志（%d 个）：请提请定密机关解密或确认延期"), len(s.exps)))
	s.list.UnselectAll()
	s.list.Refresh()
	s.expired.Refresh()
	i := s.indexOf(s.current)
	if i < 0 && len(s.due) > 0 {
		i = 0
	}
	if i >= 0 {
		s.list.Select(i)
	}
	s.display(i)
}

// display shows the due decision at index i, or nothing when i < 0.
func (s *ReReviewScreen) display(i int) {
	if i < 0 || i >= len(s.due) {
		s.current = 0
		s.info.SetText(lang.L("请在左侧选择一份到期的决定。"))
		if len(s.due) == 0 {
			s.info.SetText(lang.L("没有到期需要复查的决定。"))
		}
		s.keep.Disable()
		s.convert.Disable()
		s.sheet.set(0)
		s.docID = 0
		s.doc.SetLoading("")
		return
	}
	r := &s.due[i]
	s.current = r.ID
	s.sheet.set(r.ID)
	s.showDoc(r.ID)
	last := lang.L("从未复查")
	if !r.ReviewedAt.IsZero() {
		last = r.ReviewedAt.Local().Format(officeDateLayout)
	}
	s.info.SetText(strings.Join([]string{
		r.Title,
		fmt.Sprintf(lang.L("编号：%d　部门：%s"), r.ID, queueOr(r.Department, lang.L("（未填）"))),
		lang.L("公开属性：") + queueAttrName(r.Attribute),
		lang.L("法律依据：") + queueBasisText(r.Basis),
		lang.L("理由：") + queueOr(r.Reason, lang.L("（无）")),
		lang.L("决定日期：") + officeDay(r.DecidedAt) + lang.L("　成文日期：") + queueOr(r.IssueDate, lang.L("不详")),
		lang.L("上次复查：") + last,
	}, "\n"))
	s.keep.Enable()
	s.convert.Enable()
}

// officeDay formats a time as a date, or says it is unknown.
func officeDay(t time.Time) string {
	if t.IsZero() {
		return lang.L("不详")
	}
	return t.Local().Format(officeDateLayout)
}

// keptText says a decision was kept.
func (s *ReReviewScreen) keptText(id int64) string {
	if i := s.indexOf(id); i >= 0 {
		return fmt.Sprintf(lang.L("已维持原决定：%s。下次复查在一年后。"), s.due[i].Title)
	}
	return lang.L("已维持原决定。")
}

// officeConvertText words a conversion's outcome: the new record and its route, or the reasons it was returned.
func officeConvertText(newID int64, out review.Outcome) string {
	if out.Result == review.Routed {
		roles := make([]string, len(out.Route))
		for i, st := range out.Route {
			roles[i] = st.Role.Chinese()
		}
		return fmt.Sprintf(lang.L("已转为主动公开，新记录第 %d 号，送%s。"), newID, strings.Join(roles, " → "))
	}
	msgs := make([]string, len(out.Returns))
	for i, r := range out.Returns {
		msgs[i] = fmt.Sprintf("%d. %s", i+1, r.Message)
	}
	return fmt.Sprintf(lang.L("新记录第 %d 号")+officeNotRouted()+lang.L("，已退回：\n%s"), newID, strings.Join(msgs, "\n"))
}

// officeNotRouted is the phrase of officeConvertText that says the new record was returned.
func officeNotRouted() string {
	return lang.L("未能进入签发流程")
}

// finish shows the outcome of keep or convert: the refusal in a dialog, or what happened, and the fresh lists.
func (s *ReReviewScreen) finish(what string, err error, done string, d reReviewData) {
	s.showData(d)
	if err != nil {
		showRefused(s.win, s.status, what, err)
		return
	}
	s.setStatus(done, widget.SuccessImportance)
	if strings.Contains(done, officeNotRouted()) {
		showMessage(s.win, what, done)
	}
}

// onDueSelected shows the picked decision.
func (s *ReReviewScreen) onDueSelected(i widget.ListItemID) {
	s.status.Hide()
	s.display(i)
}

// onKeepTapped asks for the reason and keeps the decision in the background.
func (s *ReReviewScreen) onKeepTapped() {
	id := s.current
	who, text := s.sess.Actor(), s.keptText(id)
	askNoteKept(s.win, lang.L("维持原决定"), lang.L("维持"), lang.L("维持的理由（必填）"), s.notes.at(id, "keep", -1), func(note string) {
		s.run(func() (string, error) {
			return text, s.svc.backend().Keep(context.Background(), who, id, note)
		}, lang.L("维持原决定"), func() { s.notes.drop(id, "keep", -1) })
	})
}

// onConvertTapped asks for a note and starts the conversion to public in the background.
func (s *ReReviewScreen) onConvertTapped() {
	id := s.current
	who := s.sess.Actor()
	askNoteKept(s.win, lang.L("转为主动公开"), lang.L("转为主动公开"), lang.L("转为主动公开的理由（如：原不公开的情形已消失）"), s.notes.at(id, "convert", -1), func(note string) {
		s.run(func() (string, error) {
			newID, out, err := s.svc.backend().Convert(context.Background(), who, id, note)
			return officeConvertText(newID, out), err
		}, lang.L("转为主动公开"), func() { s.notes.drop(id, "convert", -1) })
	})
}

// run applies keep or convert off the UI goroutine and shows the outcome;
// forget is called when it went through, so the reason typed is dropped.
func (s *ReReviewScreen) run(act func() (string, error), what string, forget func()) {
	s.keep.Disable()
	s.convert.Disable()
	runLatest(&s.pending, func() func() {
		done, err := act()
		d := s.fetch()
		return func() {
			s.finish(what, err, done, d)
			if err == nil {
				forget()
			}
			s.changed()
		}
	})
}

// setStatus shows a line above the decision.
func (s *ReReviewScreen) setStatus(text string, imp widget.Importance) {
	showStatus(s.status, text, imp)
}

// changed tells OnChanged that a background result is on screen.
func (s *ReReviewScreen) changed() { notify(s.OnChanged) }

// indexOf returns the list index of the due decision with this ID, or -1.
func (s *ReReviewScreen) indexOf(id int64) int {
	return slices.IndexFunc(s.due, func(r index.Record) bool { return r.ID == id })
}

func (s *ReReviewScreen) dueLength() int { return len(s.due) }

func (s *ReReviewScreen) updateDueItem(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.due) {
		return
	}
	r := &s.due[i]
	setTitleMeta(o, r.Title, queueHitMeta(index.Hit{Attribute: string(r.Attribute), Basis: r.Basis,
		Date: lang.L("决定于 ") + officeDay(r.DecidedAt)}))
}

func (s *ReReviewScreen) expLength() int { return len(s.exps) }

func (s *ReReviewScreen) updateExpItem(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.exps) {
		return
	}
	e := s.exps[i]
	when := fmt.Sprintf(lang.L("自 %s 起算，已于 %s 期满"), e.From, e.Expires.Local().Format(officeDateLayout))
	if strings.HasPrefix(e.From, "0001-") { // no issue date nor decision date to count from
		when = lang.L("成文日期不详，无法计算期满日")
	}
	o.(*widget.Label).SetText(fmt.Sprintf(lang.L("%s　%s　%s（第 %d 号）"), e.Title, e.Marking, when, e.ID))
}
