package ui_test

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestClerkScreen_SubmittedIsReadOnly ensures the form of a submitted draft
// cannot be edited under its green banner, and opening the next draft makes
// it editable again.
func TestClerkScreen_SubmittedIsReadOnly(t *testing.T) {
	test.NewTempApp(t)
	svc := clerkServices(t, nil)
	s, w := clerkNewScreen(t, svc)
	s.Load(clerkWrite(t, "draft.txt", clerkMarked))
	clerkWithhold(t, w)
	s.Submit()
	if len(clerkSecretQueue(t, svc)) != 1 {
		t.Fatalf("not submitted: %q %v", s.Why(), s.Returns())
	}
	title, reason := clerkEntries(t, w)
	radio := clerkOne[*widget.RadioGroup](t, w)
	basis := clerkSelect(t, w, clerkSecret)
	important := clerkCheck(t, w, "重要信息")
	if !title.Base().Disabled() || !reason.Base().Disabled() || !radio.Disabled() || !basis.Disabled() || !important.Disabled() {
		t.Errorf("submitted form editable: title %v reason %v attribute %v basis %v important %v",
			title.Base().Disabled(), reason.Base().Disabled(), radio.Disabled(), basis.Disabled(), important.Disabled())
	}
	if !clerkButton(t, w, "标为不予公开…").Disabled() {
		t.Error("passages can still be marked withheld after submitting")
	}
	before := reason.Base().Text
	test.Type(reason.Base(), "改一改")
	if reason.Base().Text != before {
		t.Errorf("typed into a submitted form: %q", reason.Base().Text)
	}

	s.Load(clerkWrite(t, "next.txt", clerkPlain))
	if title.Base().Disabled() || reason.Base().Disabled() || radio.Disabled() || important.Disabled() {
		t.Error("the next draft's form is not editable")
	}
	if !basis.Disabled() {
		t.Error("basis enabled with no withholding chosen")
	}
}
