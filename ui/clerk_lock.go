package ui

import "fyne.io/fyne/v2"

// formLocked reports whether the decision form is read-only: while it is
// being submitted and once the draft went on its way, until another draft is
// opened or a returned one loaded. A green banner over an editable form would
// let the clerk believe a change made after submitting was sent.
func (s *ClerkScreen) formLocked() bool { return s.busy || s.done != nil }

// syncLock disables every field of the form when it becomes locked, and
// enables them again when it is unlocked, as the form's own rules have them
// (basis for a withholding only, the interpretation for a policy document only).
func (s *ClerkScreen) syncLock() {
	locked := s.formLocked()
	if locked == s.withheld.locked {
		return // unchanged: the fields are as the form's own rules left them
	}
	for _, w := range []fyne.Disableable{s.title, s.attr, s.reason, s.policy, s.important, s.docType, s.withheld.button} {
		if locked {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if locked {
		s.basis.Disable()
		s.attach.Disable()
	} else {
		s.syncBasis()
		if s.policy.Checked {
			s.attach.Enable()
		} else {
			s.attach.Disable()
		}
	}
	s.withheld.locked = locked
	s.withheld.show()
	s.form.Refresh()
}
