package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/review"
)

// MineScreen lists the drafts the signed-in person had a hand in (the desk's
// Mine): a clerk's 我的草稿, every draft submitted with its state, where it
// waits and the full opinion of whoever returned it; a reviewer's 已办, the
// drafts they acted on. A reload keeps the draft on show.
type MineScreen struct {
	win  fyne.Window
	svc  *Services
	sess *Session

	recs    []index.Record
	states  map[int64]review.State // as last loaded, to notice changes; nil before the first load
	current int64                  // the draft on show, 0 for none
	pending int

	// OnNotice is told, on each load after the first, of the clerk's drafts
	// that came back or were decided since the load before, one line each.
	OnNotice func(lines []string)
	// OnChanged is told when a background load is on screen.
	OnChanged func()

	heading *wrapLabel
	list    *helpList
	detail  *widget.Label
	root    fyne.CanvasObject
}

// NewMineScreen builds the list of the signed-in person's drafts.
func NewMineScreen(win fyne.Window, svc *Services, sess *Session) *MineScreen {
	s := &MineScreen{win: win, svc: svc, sess: sess}
	s.heading = newWrapLabel("")
	s.list = newHelpList(s.listLength, s.newListItem, s.updateListItem)
	s.list.OnSelected = s.onSelected
	s.detail = widget.NewLabel(lang.L("请在左侧选择一份草稿"))
	s.detail.Wrapping = fyne.TextWrapWord
	s.detail.Selectable = true
	split := container.NewHSplit(s.list, container.NewVScroll(s.detail))
	split.Offset = 0.45
	s.root = container.NewBorder(s.heading, nil, nil, nil, split)
	return s
}

// Content returns the screen's widgets.
func (s *MineScreen) Content() fyne.CanvasObject { return s.root }

// Reload fetches the list in the background and shows it when it is ready.
func (s *MineScreen) Reload() {
	who := s.sess.Actor()
	runLatest(&s.pending, func() func() {
		recs, err := s.svc.backend().Mine(context.Background(), who)
		return func() {
			s.show(recs, err)
			notify(s.OnChanged)
		}
	})
}

// Load fetches and shows the list before returning; call it on the UI goroutine.
func (s *MineScreen) Load() error {
	s.pending++
	recs, err := s.svc.backend().Mine(context.Background(), s.sess.Actor())
	s.show(recs, err)
	return err
}

// Drafts returns the drafts listed, newest first.
func (s *MineScreen) Drafts() []index.Record { return s.recs }

// Detail returns what the page says about the draft on show.
func (s *MineScreen) Detail() string { return s.detail.Text }

// Select shows the listed draft with this ID and reports whether it is listed.
func (s *MineScreen) Select(id int64) bool {
	for i := range s.recs {
		if s.recs[i].ID == id {
			s.list.Select(i)
			return true
		}
	}
	return false
}

// show lists a load, tells of the changes since the last one, and keeps the draft on show.
func (s *MineScreen) show(recs []index.Record, err error) {
	if err != nil {
		fyne.LogError("load own drafts", err)
		s.heading.Importance = widget.DangerImportance
		s.heading.SetText(lang.L("无法读取经办的草稿：") + review.ErrorMessage(err))
		return
	}
	if s.states != nil && s.sess.User.Role == review.RoleClerk {
		if lines := mineChanges(s.states, recs); len(lines) > 0 && s.OnNotice != nil {
			s.OnNotice(lines)
		}
	}
	s.states = make(map[int64]review.State, len(recs))
	for _, r := range recs {
		s.states[r.ID] = r.State
	}
	s.recs = recs
	s.heading.Importance = widget.MediumImportance
	s.heading.SetText(s.headingText())
	selected := s.list.OnSelected
	s.list.OnSelected = nil // reselecting the draft on show must not scroll its page back
	s.list.UnselectAll()
	shown := false
	for i, r := range recs {
		if r.ID == s.current {
			s.list.Select(i)
			s.detail.SetText(mineDetail(&s.recs[i]))
			shown = true
		}
	}
	s.list.OnSelected = selected
	if !shown {
		s.current = 0
		s.detail.SetText(lang.L("请在左侧选择一份草稿"))
	}
	s.list.Refresh()
}

// headingText says what the list holds.
func (s *MineScreen) headingText() string {
	if s.sess.User.Role == review.RoleClerk {
		return fmt.Sprintf(lang.L("您提交过的草稿：%d 份（最新的在前）"), len(s.recs))
	}
	return fmt.Sprintf(lang.L("您办理过的草稿：%d 份（最新的在前）"), len(s.recs))
}

// onSelected shows the picked draft.
func (s *MineScreen) onSelected(i widget.ListItemID) {
	if i < 0 || i >= len(s.recs) {
		return
	}
	s.current = s.recs[i].ID
	s.detail.SetText(mineDetail(&s.recs[i]))
}

func (s *MineScreen) listLength() int { return len(s.recs) }

func (s *MineScreen) newListItem() fyne.CanvasObject {
	return container.NewVBox(newTitleLabel(), newTruncLabel())
}

func (s *MineScreen) updateListItem(i widget.ListItemID, o fyne.CanvasObject) {
	if i < 0 || i >= len(s.recs) {
		return
	}
	r := &s.recs[i]
	labels := o.(*fyne.Container).Objects
	labels[0].(*widget.Label).SetText(fmt.Sprintf(lang.L("第 %d 号 %s"), r.ID, r.Title))
	where := labels[1].(*widget.Label)
	where.SetText(mineWhere(r))
	where.Importance = widget.MediumImportance
	if r.State == review.StateReturned {
		where.Importance = widget.DangerImportance
	}
	where.Refresh()
}

// mineWhere says where a draft stands: its state and, while on its way, the role it waits for.
func mineWhere(r *index.Record) string {
	if r.State == review.StateReturned {
		return lang.L("已退回，等待起草人修改后重新提交")
	}
	if !r.State.Decided() && r.Current >= 0 && r.Current < len(r.Route) {
		return fmt.Sprintf(lang.L("%s，正等待%s办理"), queueStateName(r.State), r.Route[r.Current].Role.Chinese())
	}
	return queueStateName(r.State)
}

// mineDetail is the page of one draft: where it stands, the full opinion of
// whoever returned it, its route and its history with every opinion.
func mineDetail(r *index.Record) string {
	parts := []string{fmt.Sprintf(lang.L("第 %d 号 %s（%s）"), r.ID, r.Title, r.File), lang.L("现在：") + mineWhere(r)}
	if r.State == review.StateReturned {
		parts = append(parts, lang.L("退回意见：\n• ")+strings.Join(clerkReturnReasons(*r), "\n• "))
	}
	parts = append(parts, lang.L("审签流程：\n")+queueRouteText(r), lang.L("办理经过：\n")+queueHistoryText(r.History, findingOrder(r.Findings)))
	return strings.Join(parts, "\n\n")
}

// mineChanges words the drafts whose state became returned or decided since
// the last load, as the notice the clerk sees.
func mineChanges(before map[int64]review.State, recs []index.Record) []string {
	var out []string
	for i := range recs {
		r := &recs[i]
		old, known := before[r.ID]
		if !known || old == r.State {
			continue
		}
		switch {
		case r.State == review.StateReturned:
			out = append(out, fmt.Sprintf(lang.L("第 %d 号《%s》被退回：%s"), r.ID, r.Title, strings.Join(clerkReturnReasons(*r), "；")))
		case r.State.Decided():
			out = append(out, fmt.Sprintf(lang.L("第 %d 号《%s》已办结：%s"), r.ID, r.Title, queueStateName(r.State)))
		}
	}
	return out
}
