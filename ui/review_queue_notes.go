package ui

import (
	"fmt"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"prepub/review"
	"prepub/review/scan"
)

// queueNotes keeps the opinions a reviewer typed, per draft, action and
// finding, until the action they were typed for goes through: a refused or
// cancelled action never throws an opinion away.
type queueNotes map[string]*string

// at returns where the note for this action is kept, creating it empty.
func (n *queueNotes) at(id int64, action string, finding int) *string {
	if *n == nil {
		*n = queueNotes{}
	}
	k := fmt.Sprintf("%d/%s/%d", id, action, finding)
	if (*n)[k] == nil {
		(*n)[k] = new(string)
	}
	return (*n)[k]
}

// drop forgets the note of an action that went through.
func (n queueNotes) drop(id int64, action string, finding int) {
	delete(n, fmt.Sprintf("%d/%s/%d", id, action, finding))
}

// refusePass tells the secrecy officer, before any opinion is typed, why the
// draft on show cannot pass yet, and reports true when it cannot; the rule is
// review's, the same the desk applies.
func (s *QueueScreen) refusePass() bool {
	r := s.Selected()
	if s.role != review.SecrecyOfficer || r == nil {
		return false
	}
	d := review.Draft{Report: &scan.FileReport{Findings: r.Findings}, Resolutions: r.Resolutions}
	err := review.SecrecyApproveRefusal(d, r.Decision)
	if err == nil {
		return false
	}
	s.setStatus(lang.L("还不能通过：")+review.ErrorMessage(err), widget.WarningImportance)
	dialog.ShowInformation(lang.L("还不能通过"), review.ErrorMessage(err), s.win)
	return true
}
