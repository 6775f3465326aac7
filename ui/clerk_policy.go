package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"prepub/index"
	"prepub/review"
	"prepub/review/scan"
)

// With the office server, the clerk's live check applies the policy the
// server sent. When the office puts another in force, the workstation hears
// of it on its next request: the screen downloads the new one and checks the
// open draft again, and a submission the server scanned with another version
// than the screen shows its findings as the server recorded them.

// policyRecheck is the open draft checked again with a newly downloaded policy.
type policyRecheck struct {
	name    string
	data    []byte
	version string
	report  *scan.FileReport
}

// fetchPolicy downloads the office's policy when the server named another
// version, and scans the draft (name, data; nil data: none open) again with
// it; nil when nothing changed. It touches no widget.
func (s *ClerkScreen) fetchPolicy(name string, data []byte) *policyRecheck {
	if !s.svc.policyStale() {
		return nil
	}
	changed, err := s.svc.RefreshPolicy(context.Background())
	if err != nil {
		fyne.LogError("refreshing the office policy", err) // the old one stays in force; the next reload tries again
		return nil
	}
	if !changed {
		return nil
	}
	sc, version := s.svc.scanning()
	r := &policyRecheck{name: name, data: data, version: version}
	if data != nil {
		r.report = sc.ScanBytes(name, data, s.limits, scan.Options{})
	}
	return r
}

// showPolicy shows the open draft checked with the new policy, unless another draft was opened meanwhile.
func (s *ClerkScreen) showPolicy(r *policyRecheck) {
	if r == nil {
		return
	}
	s.checkedWith = r.version
	if r.report == nil || s.done != nil || s.recordID != 0 || s.name != r.name || len(s.data) != len(r.data) {
		return
	}
	s.showDraft(review.Draft{Report: r.report})
	s.setResult(policyNotice(r.version)+lang.L("本稿已按新政策重新检查。"), s.result.Importance)
}

// CheckPolicy downloads the office server's policy when another version is in
// force and checks the open draft again with it, before returning; call it on the UI goroutine.
func (s *ClerkScreen) CheckPolicy() { s.showPolicy(s.fetchPolicy(s.name, s.data)) }

// checkPolicyLater is CheckPolicy in the background.
func (s *ClerkScreen) checkPolicyLater() {
	name, data := s.name, s.data
	go func() {
		r := s.fetchPolicy(name, data)
		fyne.Do(func() { s.showPolicy(r) })
	}()
}

// serverFindings shows a submitted draft's findings as the server recorded them
// when its scan used another policy than the one the screen checked the draft
// with, and returns the notice to put before the result ("" when the two agreed).
func (s *ClerkScreen) serverFindings(rec *index.Record, checkedWith string) string {
	if checkedWith == "" || rec.PolicyVersion == "" || rec.PolicyVersion == checkedWith {
		return ""
	}
	s.checkedWith = rec.PolicyVersion
	s.showDraft(review.Draft{Report: rec.Report(), Resolutions: rec.Resolutions})
	return policyNotice(rec.PolicyVersion) + lang.L("以下是服务器按新政策检查的结果。\n")
}

// policyNotice says the office put a new policy in force.
func policyNotice(version string) string {
	if len(version) > 12 {
		version = version[:12]
	}
	return fmt.Sprintf(lang.L("单位服务器的审查政策已更新（版本 %s）。"), version)
}
