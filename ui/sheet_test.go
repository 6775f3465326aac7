package ui_test

import (
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"prepub/paperwork"
	"prepub/review"
	"prepub/ui"
)

// sheetText returns the text of a printed sheet, or "" when pdftotext is not installed.
func sheetText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return ""
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

// sheetFonts skips the test when this machine has no font a sheet can embed.
func sheetFonts(t *testing.T) {
	t.Helper()
	if _, err := paperwork.FindFonts(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
}

// TestSearchScreen_PrintSheet ensures 打印审查表 on an archive record writes its sign-off sheet, with the code the
// archive verifies, to a private temporary PDF and opens it in the system's viewer.
func TestSearchScreen_PrintSheet(t *testing.T) {
	sheetFonts(t)
	svc := rqServices(t)
	secret := rqSubmitSecret(t, svc)
	rqPassSecrecy(t, svc, secret.ID)
	if _, err := svc.Desk.Act(rqCtx, secret.ID, rqLegal.Actor(), review.ActionApprove, -1, "依据适当"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Desk.Act(rqCtx, secret.ID, rqPrincipal.Actor(), review.ActionSign, -1, "同意不予公开"); err != nil {
		t.Fatal(err)
	}
	s, w := officeWindow(t, func(w fyne.Window) *ui.SearchScreen { return ui.NewSearchScreen(w, svc, officeDisclosure) })
	if err := s.Show(secret.ID); err != nil {
		t.Fatal(err)
	}
	button := rqButton(t, w.Content(), "打印审查表")
	opened := make(chan *url.URL, 1)
	s.Doc().OpenURL = func(u *url.URL) error { opened <- u; return nil }
	done := make(chan struct{}, 1)
	s.OnChanged = func() { done <- struct{}{} }
	test.Tap(button)
	rqWait(t, done)
	var u *url.URL
	select {
	case u = <-opened:
	default:
		t.Fatalf("the sheet was not opened; window shows %v", rqTexts(w.Canvas().Overlays().Top()))
	}
	data, err := os.ReadFile(u.Path)
	if err != nil || !strings.HasPrefix(string(data), "%PDF-") {
		t.Fatalf("%s: %v %.8q", u.Path, err, data)
	}
	if fi, _ := os.Stat(filepath.Dir(u.Path)); fi.Mode().Perm()&0o077 != 0 {
		t.Errorf("the sheet's folder is readable by others: %v", fi.Mode())
	}
	code, _ := svc.Archive.SheetCode(rqCtx, secret.ID)
	if text := sheetText(t, u.Path); text != "" && (!strings.Contains(text, code) || !strings.Contains(text, "同意不予公开") || !strings.Contains(text, "确属国家秘密")) {
		t.Errorf("sheet text lacks the code %s or the opinions: %s", code, text)
	}
	if res, err := svc.Archive.VerifyCode(rqCtx, code); err != nil || !res.OK {
		t.Fatalf("%v %+v", err, res)
	}
}

// TestQueueScreen_PrintSheet ensures a reviewer prints the sheet of the draft in front of them, marked unfinished,
// and that without a font the paperwork package's Chinese message is shown and nothing opens.
func TestQueueScreen_PrintSheet(t *testing.T) {
	sheetFonts(t)
	svc := rqServices(t)
	secret := rqSubmitSecret(t, svc)
	s, w := rqQueue(t, svc, rqSecrecy)
	if !s.Select(secret.ID) {
		t.Fatal("draft not in the queue")
	}
	opened := 0
	s.Doc().OpenURL = func(*url.URL) error { opened++; return nil }
	path, err := s.PrintSheet()
	if err != nil || opened != 1 {
		t.Fatalf("%v, opened %d", err, opened)
	}
	if text := sheetText(t, path); text != "" && !strings.Contains(text, paperwork.Unfinished) {
		t.Errorf("an undecided draft's sheet not marked %s: %s", paperwork.Unfinished, text)
	}

	t.Setenv(paperwork.FontEnv, filepath.Join(t.TempDir(), "no-such-font.ttf"))
	done := make(chan struct{}, 1)
	s.OnChanged = func() { done <- struct{}{} }
	test.Tap(rqButton(t, w.Content(), "打印审查表"))
	rqWait(t, done)
	if opened != 1 || !rqDialogShows(w, "无法打印审查表") || !rqDialogShows(w, paperwork.FontEnv) {
		t.Fatalf("no font: opened %d, dialog %v", opened, rqTexts(w.Canvas().Overlays().Top()))
	}
}

// TestReReviewScreen_PrintSheet ensures the sheet of a decision due for re-review prints from the re-review screen.
func TestReReviewScreen_PrintSheet(t *testing.T) {
	sheetFonts(t)
	svc := rqServices(t)
	rqImportCorpus(t, svc, time.Now().Year()-2)
	s, w := officeWindow(t, func(w fyne.Window) *ui.ReReviewScreen { return ui.NewReReviewScreen(w, svc, officeDisclosure) })
	if err := s.Load(); err != nil || len(s.Due()) == 0 {
		t.Fatalf("%v %v", err, s.Due())
	}
	var opened *url.URL
	s.Doc().OpenURL = func(u *url.URL) error { opened = u; return nil }
	rqButton(t, w.Content(), "打印审查表")
	path, err := s.PrintSheet()
	if err != nil || opened == nil || opened.Path != path {
		t.Fatalf("%v %v %q", err, opened, path)
	}
	onShow := s.Due()[0] // the first due decision is on show
	if text := sheetText(t, path); text != "" && (!strings.Contains(text, onShow.Reason) || !strings.Contains(text, fmt.Sprintf("第%d号", onShow.ID))) {
		t.Errorf("sheet is not of record %d: %s", onShow.ID, text)
	}
}
