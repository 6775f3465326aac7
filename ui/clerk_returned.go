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

// LoadQueue fetches the clerk's returned drafts and shows them before returning; call it on the UI goroutine.
func (s *ClerkScreen) LoadQueue() error {
	recs, err := s.fetchQueue()
	s.showQueue(recs, err)
	return err
}

// fetchQueue asks the desk for the clerk's returned drafts; it touches no widget.
func (s *ClerkScreen) fetchQueue() ([]index.Record, error) {
	return s.svc.backend().Queue(context.Background(), s.sess.Actor())
}

// showQueue lists the returned drafts, or says why they could not be fetched.
func (s *ClerkScreen) showQueue(recs []index.Record, err error) {
	if err != nil {
		showError(s.win, lang.L("无法读取退回的草稿"), err, lang.L("无法读取退回的草稿：请稍后在此页重试；如仍失败，请联系管理员。"))
		return
	}
	s.queue = recs
	s.queueTab.Text = lang.L("退回的草稿")
	if len(recs) > 0 {
		s.queueTab.Text = fmt.Sprintf(lang.L("退回的草稿（%d）"), len(recs))
	}
	s.tabs.Refresh()
	s.list.UnselectAll()
	s.list.Refresh()
}

func (s *ClerkScreen) queueLen() int { return len(s.queue) }

func (s *ClerkScreen) newQueueItem() fyne.CanvasObject {
	why := newTruncLabel()
	why.Importance = widget.DangerImportance
	return container.NewVBox(newTitleLabel(), why)
}

func (s *ClerkScreen) updateQueueItem(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(s.queue) {
		return
	}
	rec := s.queue[id]
	labels := o.(*fyne.Container).Objects
	when := ""
	if n := len(rec.History); n > 0 {
		when = "，" + rec.History[n-1].At.Local().Format("01-02 15:04") + lang.L(" 退回")
	}
	labels[0].(*widget.Label).SetText(fmt.Sprintf(lang.L("第 %d 号 %s（%s%s）"), rec.ID, rec.Title, rec.File, when))
	labels[1].(*widget.Label).SetText(strings.Join(clerkReturnReasons(rec), "；"))
}

// onReturnedSelected loads a returned draft into the form, with everything the clerk typed and its findings.
func (s *ClerkScreen) onReturnedSelected(id widget.ListItemID) {
	if id < 0 || id >= len(s.queue) {
		return
	}
	if s.refuseWhileBusy() {
		s.list.UnselectAll()
		return
	}
	rec := s.queue[id]
	s.pending++ // a draft still being opened is not shown over this one
	s.open.Enable()
	s.name, s.data, s.recordID, s.done, s.keep = rec.File, nil, rec.ID, nil, rec.Decision
	title := rec.Decision.Title
	if title == "" && rec.Title != rec.File {
		title = rec.Title
	}
	s.fillForm(rec.Decision, title)
	s.withheld.set(rec.Decision.Redactions)
	s.autoTitle = title
	s.file.SetText(fmt.Sprintf(lang.L("退回的草稿：第 %d 号 %s"), rec.ID, rec.File))
	s.setResult(fmt.Sprintf(lang.L("第 %d 号草稿已被退回，请按以下意见修改后重新提交：\n• %s"),
		rec.ID, strings.Join(clerkReturnReasons(rec), "\n• ")), widget.DangerImportance)
	s.showDraft(review.Draft{Report: rec.Report(), Resolutions: rec.Resolutions})
	s.tabs.Select(s.formTab)
	s.formScroll.ScrollToTop()
	s.list.UnselectAll()
}
