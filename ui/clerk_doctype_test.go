package ui_test

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"prepub/review"
)

// clerkSelect returns the select that offers this option.
func clerkSelect(t *testing.T, w fyne.Window, option string) *widget.Select {
	t.Helper()
	for _, s := range clerkFind[*widget.Select](w) {
		if slices.Contains(s.Options, option) {
			return s
		}
	}
	t.Fatalf("no select offers %q", option)
	return nil
}

// TestClerkScreen_DocType ensures the form's document type, 其他文件 by default, goes into the decision
// with the Normative flag that agrees, and that a normative document is routed to the principal head.
func TestClerkScreen_DocType(t *testing.T) {
	test.NewTempApp(t)
	s, w := clerkNewScreen(t, clerkServices(t, nil))
	s.Load(clerkWrite(t, "plain.txt", clerkPlain))
	clerkOne[*widget.RadioGroup](t, w).SetSelected("主动公开")
	sel := clerkSelect(t, w, review.DocNormative.Chinese())
	if sel.Selected != review.DocOther.Chinese() || s.Decision().DocType != review.DocOther {
		t.Fatalf("default %q %+v", sel.Selected, s.Decision())
	}
	if !slices.Equal(sel.Options, []string{"其他文件", "行政规范性文件", "规章"}) {
		t.Errorf("options %q", sel.Options)
	}
	sel.SetSelected("行政规范性文件")
	dec := s.Decision()
	if dec.DocType != review.DocNormative || !dec.Normative || !s.CanSubmit() {
		t.Fatalf("normative: %+v %v", dec, s.Returns())
	}
	s.Submit()
	if r := s.Result(); !strings.Contains(r, "主要负责人") {
		t.Errorf("result %q, want the principal head to sign a normative document", r)
	}
}
