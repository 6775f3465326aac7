package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/review"
)

// onSubmitTapped submits the form in the background.
func (s *ClerkScreen) onSubmitTapped() {
	if !s.startSubmit() {
		return
	}
	dec, id, name, data := s.Decision(), s.recordID, s.name, s.data
	go func() {
		rec, err := s.send(dec, id, name, data)
		fyne.Do(func() { s.submitted(rec, err) })
	}()
}

// Submit submits the form and shows the result before returning; call it on the UI goroutine.
// It does nothing while the rules give return reasons, as the disabled button does.
func (s *ClerkScreen) Submit() {
	if !s.startSubmit() {
		return
	}
	rec, err := s.send(s.Decision(), s.recordID, s.name, s.data)
	s.submitted(rec, err)
}

// startSubmit re-checks the form and marks a submission under way, or reports that none may start.
func (s *ClerkScreen) startSubmit() bool {
	s.recheck()
	if s.submit.Disabled() {
		return false
	}
	s.busy = true
	s.recheck()
	s.open.Disable()
	return true
}

// send gives the decision to the desk: a new draft, or a returned one again; it touches no widget.
func (s *ClerkScreen) send(dec review.Decision, id int64, name string, data []byte) (rec *index.Record, err error) {
	defer func() {
		if r := recover(); r != nil {
			rec, err = nil, fmt.Errorf(lang.L("提交时程序出错：%v"), r)
		}
	}()
	ctx := context.Background()
	if id != 0 {
		return s.svc.backend().Resubmit(ctx, id, s.sess.Actor(), dec)
	}
	rec, err = s.svc.backend().Submit(ctx, s.sess.Actor(), s.sess.User.Department, name, data, dec)
	if err == nil && s.svc.policyStale() { // the server scanned with a policy this workstation does not have yet
		if _, perr := s.svc.RefreshPolicy(ctx); perr != nil {
			fyne.LogError("refreshing the office policy", perr)
		}
	}
	return rec, err
}

// submitted shows the route of a submitted draft, or why the desk returned or refused it.
// The form keeps everything typed unless the draft went on its way.
func (s *ClerkScreen) submitted(rec *index.Record, err error) {
	s.busy = false
	s.open.Enable()
	if err != nil {
		s.recheck()
		showError(s.win, lang.L("提交没有成功"), err, lang.L("提交没有成功，填写的内容都还在：请稍后再点“提交”；如仍失败，请联系管理员。"))
		return
	}
	note := ""
	if s.data != nil { // a new draft, scanned on this workstation
		note = s.serverFindings(rec, s.checkedWith)
	}
	if rec.State == review.StateReturned {
		s.recordID = rec.ID
		s.setResult(note+fmt.Sprintf(lang.L("第 %d 号草稿被退回，请按以下意见修改后重新提交（填写的内容都还在）：\n• %s"),
			rec.ID, strings.Join(clerkReturnReasons(*rec), "\n• ")), widget.DangerImportance)
	} else {
		s.done = rec
		s.setResult(note+clerkRouteText(rec), widget.SuccessImportance)
	}
	s.recheck()
	s.formScroll.ScrollToTop()
	s.LoadQueue() // the draft left or joined the returned ones; an error is shown there
	s.mine.Load()
}

// clerkRouteText words where a submitted draft goes: each role in Chinese with why.
func clerkRouteText(rec *index.Record) string {
	var b strings.Builder
	fmt.Fprintf(&b, lang.L("已提交（第 %d 号）《%s》，审签流程："), rec.ID, rec.Title)
	for i, st := range rec.Route {
		fmt.Fprintf(&b, "\n%d. %s：%s", i+1, st.Role.Chinese(), st.Why)
		if i == rec.Current && !rec.State.Decided() {
			b.WriteString(lang.L("（现在办理）"))
		}
	}
	return b.String()
}

// clerkReturnReasons lists why a draft came back: the last note in its history, then the rules' reasons.
func clerkReturnReasons(rec index.Record) []string {
	var out []string
	for i := len(rec.History) - 1; i >= 0; i-- {
		if h := rec.History[i]; h.Note != "" {
			out = append(out, fmt.Sprintf(lang.L("%s %s 的意见：%s"), index.RoleName(h.Role), h.User, h.Note))
			break
		}
	}
	for _, r := range rec.Outcome.Returns {
		out = append(out, r.Message)
	}
	if len(out) == 0 {
		out = append(out, lang.L("未写明原因，请联系退回人"))
	}
	return out
}
