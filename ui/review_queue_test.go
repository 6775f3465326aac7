package ui_test

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/review"
	"prepub/review/scan"
	"prepub/ui"
)

const rqCorpus = "../../shared/corpus"

var rqCtx = context.Background()

// The people of the tests: one drafting clerk and one person in each reviewer role.
var (
	rqClerk     = review.Actor{User: "张起草", Role: review.RoleClerk}
	rqSecrecy   = &ui.Session{User: index.User{Name: "李保密", Role: review.SecrecyOfficer}}
	rqLegal     = &ui.Session{User: index.User{Name: "王法制", Role: review.LegalOffice}}
	rqDeputy    = &ui.Session{User: index.User{Name: "赵分管", Role: review.DeputyHead}}
	rqPrincipal = &ui.Session{User: index.User{Name: "钱主要", Role: review.PrincipalHead}}
)

// rqSecretText is a classified draft that cites the disclosure regulations, so past decisions look like it.
const rqSecretText = "机密★1年\n关于防汛物资储备的通知\n各乡镇人民政府，县直各单位：\n" +
	"根据《中华人民共和国政府信息公开条例》和全县政务公开工作要求，结合防汛工作实际，" +
	"现将县级防汛物资储备库的位置、储备数量和调运方案通知如下，请严格控制知悉范围。\n"

// rqPublicText is an ordinary draft to be published.
const rqPublicText = "关于做好夏季防汛值班工作的通知\n各单位：\n请各单位安排好汛期值班人员，保持通讯畅通。\n"

// rqServices starts a test app and wires the real core to an archive in a new temporary folder.
func rqServices(t *testing.T) *ui.Services {
	t.Helper()
	test.NewTempApp(t)
	a, err := index.Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	sc, err := scan.Default()
	if err != nil {
		t.Fatal(err)
	}
	rules := review.DefaultRules()
	return &ui.Services{Desk: &index.Desk{Archive: a, Rules: rules, Scanner: sc}, Archive: a, Scanner: sc, Rules: rules}
}

// rqSubmitSecret submits the classified draft for withholding: it waits for the secrecy officer.
func rqSubmitSecret(t *testing.T, svc *ui.Services) *index.Record {
	t.Helper()
	rec, err := svc.Desk.Submit(rqCtx, rqClerk, "县应急管理局", "secret.txt", []byte(rqSecretText),
		review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: "载明储备库位置和数量，经定密属于国家秘密事项"})
	if err != nil || rec.State != review.StateSecrecyReview {
		t.Fatalf("submit: %v %+v", err, rec)
	}
	return rec
}

// rqSubmitPublic submits the ordinary public draft: it waits for the deputy head.
func rqSubmitPublic(t *testing.T, svc *ui.Services) *index.Record {
	t.Helper()
	rec, err := svc.Desk.Submit(rqCtx, rqClerk, "县应急管理局", "public.txt", []byte(rqPublicText), review.Decision{Attribute: review.Public})
	if err != nil || rec.State != review.StateDeputySignOff {
		t.Fatalf("submit: %v %+v", err, rec)
	}
	return rec
}

// rqImportCorpus imports the five corpus texts as decisions taken in year.
func rqImportCorpus(t *testing.T, svc *ui.Services, year int) map[string]int64 {
	t.Helper()
	ids := map[string]int64{}
	for _, f := range []struct {
		name string
		m    index.ImportMeta
	}{
		{"kaiyang-speech.txt", index.ImportMeta{Attribute: review.Public, Department: "县政府办", Date: "03-01"}},
		{"xuyi-news.txt", index.ImportMeta{Attribute: review.Public, Department: "县政务公开办", Date: "06-10"}},
		{"speech-traditional.txt", index.ImportMeta{Attribute: review.OnRequest, Reason: "讲话稿仅供内部学习", Department: "区政府办", Date: "05-20"}},
		{"opinion-traditional.txt", index.ImportMeta{Attribute: review.Withheld, Basis: "process-info", Reason: "意见尚在征求意见阶段，内容可能调整", Department: "县政府办", Date: "09-01"}},
		{"county-summary.txt", index.ImportMeta{Attribute: review.Public, Department: "县政务公开办", Date: "12-30"}},
	} {
		data, err := os.ReadFile(filepath.Join(rqCorpus, f.name))
		if err != nil {
			t.Fatal(err)
		}
		f.m.Date = fmt.Sprintf("%d-%s", year, f.m.Date)
		f.m.Actor = "政务公开办"
		id, status, err := svc.Archive.Import(rqCtx, svc.Scanner, f.name, data, f.m)
		if err != nil || status != index.Added {
			t.Fatalf("import %s: %s %v", f.name, status, err)
		}
		ids[f.name] = id
	}
	return ids
}

// rqQueue opens a queue screen for sess in a test window and loads it.
func rqQueue(t *testing.T, svc *ui.Services, sess *ui.Session) (*ui.QueueScreen, fyne.Window) {
	t.Helper()
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	s := ui.NewQueueScreen(w, svc, sess)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1100, 720))
	if err := s.Load(); err != nil {
		t.Fatal(err)
	}
	return s, w
}

// rqIDs returns the IDs of records.
func rqIDs(recs []index.Record) []int64 {
	ids := make([]int64, len(recs))
	for i, r := range recs {
		ids[i] = r.ID
	}
	return ids
}

// rqTexts returns the text of every visible label, rich text, button and entry under o.
func rqTexts(o fyne.CanvasObject) []string {
	if o == nil || !o.Visible() {
		return nil
	}
	if s, ok := ui.LabelText(o); ok {
		return []string{s}
	}
	var out []string
	switch x := o.(type) {
	case *widget.Button:
		return []string{x.Text}
	case *widget.RichText:
		return []string{x.String()}
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, rqTexts(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			out = append(out, rqTexts(c)...)
		}
	}
	return out
}

// rqShows reports whether some text shown in the window or its top dialog contains want.
func rqShows(w fyne.Window, want string) bool {
	texts := rqTexts(w.Content())
	if top := w.Canvas().Overlays().Top(); top != nil {
		texts = append(texts, rqTexts(top)...)
	}
	for _, t := range texts {
		if strings.Contains(t, want) {
			return true
		}
	}
	return false
}

// rqDialogShows reports whether the window's top dialog shows a text containing want.
func rqDialogShows(w fyne.Window, want string) bool {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return false
	}
	for _, t := range rqTexts(top) {
		if strings.Contains(t, want) {
			return true
		}
	}
	return false
}

// rqFind returns the first visible object under o that match accepts, or the zero T.
// rqField is an entry of a dialog, as tests type into it.
type rqField interface {
	fyne.CanvasObject
	Base() *widget.Entry
}

// rqNote returns the multi-line entry of the dialog o, nil when it has none.
func rqNote(o fyne.CanvasObject) *widget.Entry {
	if f := rqFind(o, func(e rqField) bool { return e.Base().MultiLine }); f != nil {
		return f.Base()
	}
	return nil
}

func rqFind[T fyne.CanvasObject](o fyne.CanvasObject, match func(T) bool) T {
	f, _ := rqSearch(o, match)
	return f
}

func rqSearch[T fyne.CanvasObject](o fyne.CanvasObject, match func(T) bool) (T, bool) {
	var zero T
	if o == nil || !o.Visible() {
		return zero, false
	}
	if x, ok := o.(T); ok && match(x) {
		return x, true
	}
	var kids []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		kids = x.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(x).Objects()
	}
	for _, k := range kids {
		if f, ok := rqSearch(k, match); ok {
			return f, true
		}
	}
	return zero, false
}

// rqButton returns the visible button with this text under o, failing the test when there is none.
func rqButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	b := rqFind(o, func(b *widget.Button) bool { return b.Text == text })
	if b == nil {
		t.Fatalf("no button %q", text)
	}
	return b
}

// rqSnapshot is what a refused action must leave as it was.
type rqSnapshot struct {
	state       review.State
	current     int
	history     int
	resolutions int
	audit       int
}

func rqSnap(t *testing.T, svc *ui.Services, id int64) rqSnapshot {
	t.Helper()
	r, err := svc.Archive.Store.Get(rqCtx, id)
	if err != nil {
		t.Fatal(err)
	}
	audit, err := svc.Archive.Store.Audit(rqCtx, id)
	if err != nil {
		t.Fatal(err)
	}
	return rqSnapshot{r.State, r.Current, len(r.History), len(r.Resolutions), len(audit)}
}

// rqWait waits for a screen's background work to be shown.
func rqWait(t *testing.T, done <-chan struct{}) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("background work not shown within 10s")
	}
}

// TestQueueScreen_EachRoleSeesItsDrafts ensures each reviewer's queue lists exactly the drafts waiting for their role.
func TestQueueScreen_EachRoleSeesItsDrafts(t *testing.T) {
	svc := rqServices(t)
	secret := rqSubmitSecret(t, svc)
	public := rqSubmitPublic(t, svc)
	for _, c := range []struct {
		sess *ui.Session
		want []int64
	}{
		{rqSecrecy, []int64{secret.ID}},
		{rqLegal, nil},
		{rqDeputy, []int64{public.ID}},
		{rqPrincipal, nil},
	} {
		t.Run(string(c.sess.User.Role), func(t *testing.T) {
			s, w := rqQueue(t, svc, c.sess)
			if got := rqIDs(s.Queue()); fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Fatalf("queue %v, want %v", got, c.want)
			}
			heading := fmt.Sprintf("待%s处理：%d 份", c.sess.User.Role.Chinese(), len(c.want))
			if !rqShows(w, heading) {
				t.Errorf("heading %q not shown", heading)
			}
			if len(c.want) == 0 {
				if s.Selected() != nil || !rqShows(w, "当前没有等待"+c.sess.User.Role.Chinese()+"处理的草稿") {
					t.Error("empty queue not said")
				}
				return
			}
			if sel := s.Selected(); sel == nil || sel.ID != c.want[0] {
				t.Fatalf("selected %v, want the first draft", sel)
			}
			for _, want := range []string{s.Selected().Title, "县应急管理局", rqClerk.User} {
				if !rqShows(w, want) {
					t.Errorf("window shows no %q", want)
				}
			}
		})
	}
}

// TestQueueScreen_SecrecyConfirmsAndPasses ensures the secrecy officer sees the draft's particulars and
// findings, confirms the marking through the dialog, passes it, and the draft moves to the legal queue.
func TestQueueScreen_SecrecyConfirmsAndPasses(t *testing.T) {
	svc := rqServices(t)
	secret := rqSubmitSecret(t, svc)
	s, w := rqQueue(t, svc, rqSecrecy)
	if !s.Select(secret.ID) {
		t.Fatal("draft not listed")
	}
	for _, want := range []string{"关于防汛物资储备的通知", "不予公开", "属于国家秘密（第十四条）", "载明储备库位置和数量",
		"【当前】1. 保密员", "【待办】2. 法制机构", "【待办】3. 主要负责人", "张起草（起草人）提交 → 待保密审查",
		"［严重］", "密级标志 · 正文 第1行 · 隐藏：否", "文字：机密★1年", "处理：尚未确认或排除"} {
		if !rqShows(w, want) {
			t.Errorf("window shows no %q", want)
		}
	}

	done := make(chan struct{}, 1)
	s.OnChanged = func() { done <- struct{}{} }
	test.Tap(rqButton(t, w.Content(), "确认"))
	top := w.Canvas().Overlays().Top()
	entry := rqNote(top)
	if entry == nil {
		t.Fatal("no note entry in the dialog")
	}
	test.Type(entry, "经核实确属国家秘密")
	test.Tap(rqButton(t, top, "确认"))
	rqWait(t, done)
	if !rqShows(w, "处理：已确认（李保密）：经核实确属国家秘密") {
		t.Error("resolution not shown")
	}
	if r, _ := svc.Archive.Store.Get(rqCtx, secret.ID); !r.Resolutions[0].Confirmed || r.State != review.StateSecrecyReview {
		t.Fatalf("stored %+v %s", r.Resolutions, r.State)
	}

	if err := s.Act(secret.ID, review.ActionApprove, -1, ""); err != nil {
		t.Fatal(err)
	}
	if len(s.Queue()) != 0 || !strings.Contains(s.Status(), "草稿现在待法制机构审查") {
		t.Fatalf("queue %v, status %q", rqIDs(s.Queue()), s.Status())
	}
	legal, _ := rqQueue(t, svc, rqLegal)
	if got := rqIDs(legal.Queue()); len(got) != 1 || got[0] != secret.ID {
		t.Fatalf("legal queue %v", got)
	}
}

// TestQueueScreen_LegalSeesSimilarDecisions ensures the legal office sees the past decisions closest to the draft, then passes it to the principal head.
func TestQueueScreen_LegalSeesSimilarDecisions(t *testing.T) {
	svc := rqServices(t)
	ids := rqImportCorpus(t, svc, 2025)
	secret := rqSubmitSecret(t, svc)
	rqPassSecrecy(t, svc, secret.ID)

	s, w := rqQueue(t, svc, rqLegal)
	if !s.Select(secret.ID) {
		t.Fatal("draft not in the legal queue")
	}
	sim := s.Similar()
	if len(sim) == 0 {
		t.Fatal("no similar decision shown")
	}
	known := map[int64]bool{}
	for _, id := range ids {
		known[id] = true
	}
	for _, h := range sim {
		if !known[h.ID] {
			t.Errorf("similar %d is not a past decision", h.ID)
		}
	}
	for _, want := range []string{"相似的既往决定（", sim[0].Title, "属于国家秘密（第十四条）", "处理：已确认（李保密）"} {
		if !rqShows(w, want) {
			t.Errorf("window shows no %q", want)
		}
	}
	if err := s.Act(secret.ID, review.ActionApprove, -1, "依据适当，理由合法"); err != nil {
		t.Fatal(err)
	}
	principal, _ := rqQueue(t, svc, rqPrincipal)
	if got := rqIDs(principal.Queue()); len(got) != 1 || got[0] != secret.ID {
		t.Fatalf("principal queue %v", got)
	}
}

// rqPassSecrecy confirms the draft's marking and passes its secrecy review through the desk.
func rqPassSecrecy(t *testing.T, svc *ui.Services, id int64) {
	t.Helper()
	a := rqSecrecy.Actor()
	if _, err := svc.Desk.Act(rqCtx, id, a, review.ActionConfirm, 0, "确属国家秘密"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Desk.Act(rqCtx, id, a, review.ActionApprove, -1, ""); err != nil {
		t.Fatal(err)
	}
}

// TestQueueScreen_PrincipalSigns ensures the principal head signs through the dialog and the draft leaves every queue, decided.
func TestQueueScreen_PrincipalSigns(t *testing.T) {
	svc := rqServices(t)
	secret := rqSubmitSecret(t, svc)
	rqPassSecrecy(t, svc, secret.ID)
	if _, err := svc.Desk.Act(rqCtx, secret.ID, rqLegal.Actor(), review.ActionApprove, -1, "依据适当"); err != nil {
		t.Fatal(err)
	}
	s, w := rqQueue(t, svc, rqPrincipal)
	if sel := s.Selected(); sel == nil || sel.ID != secret.ID || !rqShows(w, "【当前】3. 主要负责人") {
		t.Fatalf("selected %v", sel)
	}
	done := make(chan struct{}, 1)
	s.OnChanged = func() { done <- struct{}{} }
	test.Tap(rqButton(t, w.Content(), "签发"))
	top := w.Canvas().Overlays().Top()
	test.Type(rqNote(top), "同意")
	test.Tap(rqButton(t, top, "签发"))
	rqWait(t, done)

	r, err := svc.Archive.Store.Get(rqCtx, secret.ID)
	if err != nil || r.State != review.StateWithheldFinal || r.DecidedAt.IsZero() {
		t.Fatalf("stored %v %s", err, r.State)
	}
	if !strings.Contains(s.Status(), "草稿现在已决定不予公开") {
		t.Errorf("status %q", s.Status())
	}
	for _, sess := range []*ui.Session{rqSecrecy, rqLegal, rqDeputy, rqPrincipal} {
		q, _ := rqQueue(t, svc, sess)
		for _, r := range q.Queue() {
			if r.ID == secret.ID {
				t.Errorf("decided draft still in the %s queue", sess.User.Role)
			}
		}
	}
}

// TestQueueScreen_Refusals ensures a refused action shows the core's Chinese message and leaves the stored draft unchanged.
func TestQueueScreen_Refusals(t *testing.T) {
	cases := []struct {
		name    string
		sess    *ui.Session
		action  string
		finding int
		note    string
		code    string
		message string
	}{
		{"DrafterAsReviewer", &ui.Session{User: index.User{Name: rqClerk.User, Role: review.SecrecyOfficer}},
			review.ActionConfirm, 0, "确属国家秘密", review.ErrForbidden, "不能审核或签发自己起草的草稿（职责分离）"},
		{"LegalApprovesSecrecyStep", rqLegal, review.ActionApprove, -1, "", review.ErrForbidden, "该草稿正等待保密员处理，您的角色是法制机构"},
		{"DeputyOffTheRoute", rqDeputy, review.ActionApprove, -1, "", review.ErrNotFound, "档案库中没有编号为"},
		{"PassWithOpenFinding", rqSecrecy, review.ActionApprove, -1, "", review.ErrConflict, "还有 1 条高风险或严重的检查结果未确认或排除"},
		{"ClearWithoutNote", rqSecrecy, review.ActionClear, 0, "", review.ErrInvalid, "排除误报须写明理由"},
		{"ReturnWithoutNote", rqSecrecy, review.ActionReturn, -1, "", review.ErrInvalid, "退回须写明理由"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			svc := rqServices(t)
			secret := rqSubmitSecret(t, svc)
			s, w := rqQueue(t, svc, c.sess)
			before := rqSnap(t, svc, secret.ID)
			err := s.Act(secret.ID, c.action, c.finding, c.note)
			if review.ErrorCode(err) != c.code {
				t.Fatalf("error %v (%s), want code %s", err, review.ErrorCode(err), c.code)
			}
			if !rqDialogShows(w, c.message) || !rqDialogShows(w, "未能办理") {
				t.Errorf("dialog does not show %q: %q", c.message, rqTexts(w.Canvas().Overlays().Top()))
			}
			if !strings.Contains(s.Status(), c.message) {
				t.Errorf("status %q", s.Status())
			}
			if after := rqSnap(t, svc, secret.ID); after != before {
				t.Fatalf("refusal changed the draft: %+v → %+v", before, after)
			}
		})
	}
}

// TestQueueScreen_SomeoneActedFirst ensures a head whose list is stale is told plainly that another signed first, and the list is reloaded.
func TestQueueScreen_SomeoneActedFirst(t *testing.T) {
	svc := rqServices(t)
	public := rqSubmitPublic(t, svc)
	first, _ := rqQueue(t, svc, rqDeputy)
	second, w := rqQueue(t, svc, &ui.Session{User: index.User{Name: "孙分管", Role: review.DeputyHead}})
	if err := first.Act(public.ID, review.ActionSign, -1, "同意"); err != nil {
		t.Fatal(err)
	}
	before := rqSnap(t, svc, public.ID)
	err := second.Act(public.ID, review.ActionSign, -1, "同意")
	if review.ErrorCode(err) != review.ErrConflict {
		t.Fatalf("second signature: %v", err)
	}
	for _, want := range []string{"已有他人先办理", "赵分管（分管负责人）已签发该草稿，草稿现在已决定主动公开"} {
		if !rqDialogShows(w, want) {
			t.Errorf("dialog does not show %q: %q", want, rqTexts(w.Canvas().Overlays().Top()))
		}
	}
	if len(second.Queue()) != 0 {
		t.Error("stale list not reloaded")
	}
	if after := rqSnap(t, svc, public.ID); after != before {
		t.Fatalf("refusal changed the draft: %+v → %+v", before, after)
	}
}

// TestQueueScreen_ReloadAndNext ensures Reload shows drafts submitted since the last load, and Next walks the queue.
func TestQueueScreen_ReloadAndNext(t *testing.T) {
	svc := rqServices(t)
	a := rqSubmitPublic(t, svc)
	s, _ := rqQueue(t, svc, rqDeputy)
	b, err := svc.Desk.Submit(rqCtx, rqClerk, "县水利局", "b.txt", []byte("关于开展河道清淤的通知\n各乡镇：\n请按计划清淤。\n"), review.Decision{Attribute: review.Public})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{}, 1)
	s.OnChanged = func() { done <- struct{}{} }
	s.Reload()
	rqWait(t, done)
	if got := rqIDs(s.Queue()); fmt.Sprint(got) != fmt.Sprint([]int64{a.ID, b.ID}) {
		t.Fatalf("queue after reload %v", got)
	}
	if s.Selected().ID != a.ID {
		t.Fatalf("selection moved to %d", s.Selected().ID)
	}
	s.Next()
	if s.Selected().ID != b.ID {
		t.Fatalf("next: %d", s.Selected().ID)
	}
	s.Next()
	if s.Selected().ID != a.ID {
		t.Fatalf("next wraps: %d", s.Selected().ID)
	}
}

// rqScreenshot paints o with the app's real theme and Fyne's software painter into dir/name,
// as cmd/prepub does where the GL buffer cannot be read.
func rqScreenshot(t *testing.T, dir, name string, o fyne.CanvasObject) {
	t.Helper()
	fyne.CurrentApp().Settings().SetTheme(ui.NewTheme())
	c := software.NewCanvas()
	c.SetPadded(true)
	c.Resize(fyne.NewSize(1100, 720))
	c.SetContent(o)
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, c.Capture()); err != nil {
		t.Fatal(err)
	}
}

// TestQueueScreen_Screenshot saves the secrecy officer's queue with a draft on show as
// $PREPUB_SCREENSHOTS/queue-screen.png (for docs/); it is skipped when the variable is unset.
func TestQueueScreen_Screenshot(t *testing.T) {
	dir := os.Getenv("PREPUB_SCREENSHOTS")
	if dir == "" {
		t.Skip("PREPUB_SCREENSHOTS not set")
	}
	svc := rqServices(t)
	secret := rqSubmitSecret(t, svc)
	if _, err := svc.Desk.Submit(rqCtx, review.Actor{User: "刘文书", Role: review.RoleClerk}, "县教育局", "training.txt",
		[]byte("内部资料\n关于秋季学期教师培训安排的通知\n各中小学：\n现将培训安排通知如下。\n"), review.Decision{Attribute: review.Public}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Desk.Act(rqCtx, secret.ID, rqSecrecy.Actor(), review.ActionConfirm, 0, "经核实确属国家秘密"); err != nil {
		t.Fatal(err)
	}
	s, _ := rqQueue(t, svc, rqSecrecy)
	s.Select(secret.ID)
	rqScreenshot(t, dir, "queue-screen.png", s.Content())
}
