package ui

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"prepub/client"
	"prepub/index"
	"prepub/internal/docxfixture"
	"prepub/review"
	"prepub/server"
)

// relDisclosure is the disclosure office's session.
var relDisclosure = &Session{User: index.User{Name: "周公开", Role: index.RoleDisclosureOffice}}

// relDecided submits a draft as the clerk 张起草 and acts on it along its route until it is decided.
func relDecided(t *testing.T, d *index.Desk, name string, data []byte, dec review.Decision) int64 {
	t.Helper()
	ctx := context.Background()
	rec, err := d.Submit(ctx, review.Actor{User: "张起草", Role: review.RoleClerk}, "县政府办", name, data, dec)
	if err != nil {
		t.Fatal(err)
	}
	for !rec.State.Decided() {
		step, action := rec.Route[rec.Current], review.ActionSign
		if step.Role == review.SecrecyOfficer || step.Role == review.LegalOffice {
			action = review.ActionApprove
		}
		if rec, err = d.Act(ctx, rec.ID, review.Actor{User: "审查人" + string(step.Role), Role: step.Role}, action, -1, "同意"); err != nil {
			t.Fatalf("%v (%+v)", err, rec)
		}
	}
	return rec.ID
}

// relWait waits for a screen's OnChanged.
func relWait(t *testing.T, done chan struct{}) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the screen did not finish in 20 s")
	}
}

// relDialogText returns the texts of the window's top dialog.
func relDialogText(w fyne.Window) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		if s, ok := LabelText(o); ok {
			b.WriteString(s + "\n")
			return
		}
		switch x := o.(type) {
		case *widget.RichText:
			b.WriteString(x.String() + "\n")
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(w.Canvas().Overlays().Top())
	return b.String()
}

// TestSearchScreen_ExportRelease ensures 导出发布稿 saves the copy kept at the
// signature, byte for byte, and for a withheld decision says why there is none.
func TestSearchScreen_ExportRelease(t *testing.T) {
	test.NewTempApp(t)
	svc := docTestServices(t)
	draft := docxfixture.Doc{Body: []string{"关于做好秋季防火工作的通知", "请做好准备。联系人张某某住址为城关镇幸福路12号。"}, Comments: []string{"请核实"}}.Build()
	pub := relDecided(t, svc.Desk, "防火通知.docx", draft, review.Decision{Attribute: review.Public,
		Redactions: []review.Redaction{{Text: "联系人张某某住址为城关镇幸福路12号", Basis: "third-party", Reason: "涉及个人住址"}}})
	withheld := relDecided(t, svc.Desk, "意见.docx", docxfixture.Doc{Body: []string{"关于调整内部机构的意见", "征求意见稿"}}.Build(),
		review.Decision{Attribute: review.Withheld, Basis: "process-info", Reason: "内部讨论中的过程性信息"})

	w := test.NewWindow(nil)
	defer w.Close()
	s := NewSearchScreen(w, svc, relDisclosure)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1100, 720))
	done := make(chan struct{}, 2)
	s.OnChanged = func() { done <- struct{}{} }
	path := filepath.Join(t.TempDir(), "发布稿.docx")
	var offered string
	s.saveRelease = func(c *index.ReleaseCopy) { // the save dialog, answered with path
		offered = c.Name
		wr, err := storage.Writer(storage.NewFileURI(path))
		s.onReleaseChosen(wr, err, c)
	}

	if err := s.Show(pub); err != nil {
		t.Fatal(err)
	}
	test.Tap(docButton(t, w, "导出发布稿"))
	relWait(t, done) // fetched
	relWait(t, done) // written
	kept, err := svc.Archive.StoredReleaseCopy(context.Background(), pub)
	if err != nil || kept == nil {
		t.Fatalf("no kept copy: %v", err)
	}
	got, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(got, kept.Data) || offered != "防火通知（发布稿）.docx" || !strings.Contains(s.Status(), "签发时存档的发布稿") {
		t.Fatalf("saved %d bytes (%v), offered %q, status %q", len(got), err, offered, s.Status())
	}

	if err := s.Show(withheld); err != nil {
		t.Fatal(err)
	}
	test.Tap(docButton(t, w, "导出发布稿"))
	relWait(t, done)
	if msg := relDialogText(w); !strings.Contains(msg, "无法导出发布稿") || !strings.Contains(msg, "不予公开") {
		t.Fatalf("no reason given: %q", msg)
	}
}

// TestOpenOriginal_Server ensures 打开原文件 works with the office server: the
// original is downloaded to a private temporary folder and opened from there.
func TestOpenOriginal_Server(t *testing.T) {
	test.NewTempApp(t)
	local := docTestServices(t)
	draft := docxfixture.Doc{Body: []string{"关于做好秋季防火工作的通知", "请做好准备。"}}.Build()
	id := relDecided(t, local.Desk, "防火通知.docx", draft, review.Decision{Attribute: review.Public})
	srv := httptest.NewTLSServer(server.New(local.Desk).Handler())
	defer srv.Close()
	for _, u := range []index.User{{Name: "管理员", Role: index.RoleAdmin}, {Name: "周公开", Role: index.RoleDisclosureOffice}} {
		if err := local.Desk.AddUser(context.Background(), u, "password-1", "管理员"); err != nil {
			t.Fatal(err)
		}
	}
	sum := sha256.Sum256(srv.Certificate().Raw)
	c := client.New(srv.URL, fmt.Sprintf("%X", sum[:]))
	if _, err := c.Authenticate(context.Background(), "周公开", "password-1"); err != nil {
		t.Fatal(err)
	}
	svc := &Services{Remote: c, Scanner: local.Scanner, Rules: local.Rules}

	w := test.NewWindow(nil)
	defer w.Close()
	s := NewSearchScreen(w, svc, relDisclosure)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1100, 720))
	if err := s.Show(id); err != nil {
		t.Fatal(err)
	}
	opened := make(chan *url.URL, 1)
	s.doc.OpenURL = func(u *url.URL) error { opened <- u; return nil }
	open := docButton(t, w, "打开原文件")
	if open.Disabled() {
		t.Fatal("打开原文件 disabled with the office server")
	}
	test.Tap(open)
	var u *url.URL
	select {
	case u = <-opened:
	case <-time.After(20 * time.Second):
		t.Fatalf("nothing opened: %q", relDialogText(w))
	}
	p := filepath.FromSlash(u.Path)
	got, err := os.ReadFile(p)
	dir, _ := os.Stat(filepath.Dir(p))
	if err != nil || !bytes.Equal(got, draft) || filepath.Base(p) != "防火通知.docx" || dir.Mode().Perm() != 0o700 {
		t.Fatalf("opened %s: %v, same bytes %v, folder %v", p, err, bytes.Equal(got, draft), dir.Mode())
	}
}
