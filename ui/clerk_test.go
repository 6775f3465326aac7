package ui_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/review"
	"prepub/review/scan"
	"prepub/ui"
)

const (
	clerkMarked = "机密★1年\n关于防汛物资储备的通知\n各乡镇人民政府：\n现将防汛物资储备库的位置和数量通知如下。\n"
	clerkPlain  = "关于做好汛期值班工作的通知\n各乡镇人民政府：\n请做好汛期值班工作，联系人手机13812345678。\n"
	clerkReason = "载明储备库位置和数量，经定密属于国家秘密事项"
	clerkSecret = "属于国家秘密（第十四条）"
)

var (
	clerkSecrecy = review.Actor{User: "李保密", Role: review.SecrecyOfficer}
	clerkUser    = &ui.Session{User: index.User{Name: "张起草", Role: review.RoleClerk, Department: "县政府办"}}
)

// clerkServices opens a fresh archive and wires the real core; deskRules, when not nil, are the desk's own.
func clerkServices(t *testing.T, deskRules *review.Rules) *ui.Services {
	t.Helper()
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
	if deskRules == nil {
		deskRules = rules
	}
	return &ui.Services{Desk: &index.Desk{Archive: a, Rules: deskRules, Scanner: sc}, Archive: a, Scanner: sc, Rules: rules}
}

// clerkNewScreen shows a clerk screen in a test window.
func clerkNewScreen(t *testing.T, svc *ui.Services) (*ui.ClerkScreen, fyne.Window) {
	t.Helper()
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	s := ui.NewClerkScreen(w, svc, clerkUser)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1200, 800))
	return s, w
}

// clerkWrite writes a draft into a temporary folder and returns its path.
func clerkWrite(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// clerkFind returns every object of type T in the window, shown or not.
func clerkFind[T any](w fyne.Window) []T {
	var out []T
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if x, ok := o.(T); ok {
			out = append(out, x)
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case *container.AppTabs: // its renderer holds the selected tab only
			for _, it := range x.Items {
				walk(it.Content)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(w.Content())
	return out
}

// clerkOne returns the only object of type T in the window.
func clerkOne[T any](t *testing.T, w fyne.Window) T {
	t.Helper()
	all := clerkFind[T](w)
	if len(all) != 1 {
		t.Fatalf("%d objects of type %T in the window, want 1", len(all), *new(T))
	}
	return all[0]
}

// clerkAttributeRadio returns the clerk's 公开属性 choice in a window that may
// also hold other choices (the shell's 设置 has the theme's).
func clerkAttributeRadio(t *testing.T, w fyne.Window) *widget.RadioGroup {
	t.Helper()
	for _, r := range clerkFind[*widget.RadioGroup](w) {
		if slices.Contains(r.Options, "主动公开") {
			return r
		}
	}
	t.Fatal("no 公开属性 choice in the window")
	return nil
}

// clerkField is the clerk screen's entry, as tests type into it.
type clerkField interface {
	fyne.Focusable
	fyne.Shortcutable
	Base() *widget.Entry
}

// clerkEntries returns the title and reason entries.
func clerkEntries(t *testing.T, w fyne.Window) (title, reason clerkField) {
	t.Helper()
	for _, e := range clerkFind[clerkField](w) {
		if e.Base().MultiLine {
			reason = e
		} else {
			title = e
		}
	}
	if title == nil || reason == nil {
		t.Fatal("title or reason entry missing")
	}
	return title, reason
}

// clerkButton returns the button with this text.
func clerkButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	for _, b := range clerkFind[*widget.Button](w) {
		if b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// clerkWithhold fills the form as a withholding on the state-secret basis with a real reason.
func clerkWithhold(t *testing.T, w fyne.Window) {
	t.Helper()
	clerkOne[*widget.RadioGroup](t, w).SetSelected("不予公开")
	clerkSelect(t, w, clerkSecret).SetSelected(clerkSecret)
	_, reason := clerkEntries(t, w)
	test.Type(reason.Base(), clerkReason)
}

// clerkHasReturn reports whether the screen lists a return with this code.
func clerkHasReturn(s *ui.ClerkScreen, code string) bool {
	for _, r := range s.Returns() {
		if r.Code == code {
			return true
		}
	}
	return false
}

// TestClerkScreen_MarkedPublic ensures a draft marked 机密★1年 chosen as 主动公开 shows the marked-secret
// return, with the marking highlighted in the text and the submit button disabled saying why.
func TestClerkScreen_MarkedPublic(t *testing.T) {
	test.NewTempApp(t)
	svc := clerkServices(t, nil)
	s, w := clerkNewScreen(t, svc)
	s.Load(clerkWrite(t, "draft.txt", clerkMarked))

	radio := clerkOne[*widget.RadioGroup](t, w)
	if radio.Selected != "" {
		t.Fatalf("attribute %q preselected", radio.Selected)
	}
	if !clerkHasReturn(s, review.RetNoAttribute) || s.CanSubmit() {
		t.Fatalf("no attribute chosen: returns %v, can submit %v", s.Returns(), s.CanSubmit())
	}
	if title, _ := clerkEntries(t, w); title.Base().Text != "关于防汛物资储备的通知" {
		t.Errorf("title %q, want the one guessed from the text", title.Base().Text)
	}
	if m := s.MarkedText(); len(m) == 0 || !strings.Contains(m[0], "机密★1年") {
		t.Errorf("marked in the text: %q, want the marking", m)
	}

	radio.SetSelected("主动公开")
	if !clerkHasReturn(s, review.RetMarkedSecret) {
		t.Fatalf("returns %v, want %s", s.Returns(), review.RetMarkedSecret)
	}
	if s.CanSubmit() || !clerkButton(t, w, "提交").Disabled() {
		t.Error("submit enabled with a return reason")
	}
	if why := s.Why(); why != s.Returns()[0].Message || !strings.Contains(why, "机密★1年") {
		t.Errorf("why %q, want the marked-secret message", why)
	}
	s.Submit() // as a disabled button: nothing happens
	if q := clerkSecretQueue(t, svc); len(q) != 0 || s.Result() != "" {
		t.Errorf("a draft with return reasons was submitted: %v %q", q, s.Result())
	}
}

// clerkSecretQueue returns the drafts waiting for the secrecy officer.
func clerkSecretQueue(t *testing.T, svc *ui.Services) []index.Record {
	t.Helper()
	q, err := svc.Desk.Queue(context.Background(), clerkSecrecy)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// clerkCheck returns the check box with this text.
func clerkCheck(t *testing.T, w fyne.Window, text string) *widget.Check {
	t.Helper()
	for _, c := range clerkFind[*widget.Check](w) {
		if c.Text == text {
			return c
		}
	}
	t.Fatalf("no check box %q", text)
	return nil
}

// TestClerkScreen_WithheldRouted ensures 不予公开 on the state-secret basis with a real reason enables
// submit, and submitting shows the route with the secrecy officer first.
func TestClerkScreen_WithheldRouted(t *testing.T) {
	test.NewTempApp(t)
	svc := clerkServices(t, nil)
	s, w := clerkNewScreen(t, svc)
	s.Load(clerkWrite(t, "draft.txt", clerkMarked))
	clerkWithhold(t, w)
	if len(s.Returns()) != 0 || !s.CanSubmit() || s.Why() != "" {
		t.Fatalf("returns %v, can submit %v, why %q", s.Returns(), s.CanSubmit(), s.Why())
	}
	if d := s.Decision(); d.Attribute != review.Withheld || d.Basis != "state-secret" || d.Reason != clerkReason {
		t.Fatalf("decision %+v", d)
	}
	s.Submit()
	if r := s.Result(); !strings.Contains(r, "1. 保密员：") || !strings.Contains(r, "2. 法制机构") || !strings.Contains(r, "3. 主要负责人") {
		t.Errorf("result %q, want the route with 保密员 first", r)
	}
	q := clerkSecretQueue(t, svc)
	if len(q) != 1 || q[0].Drafter != "张起草" || q[0].Department != "县政府办" || q[0].Reason != clerkReason {
		t.Fatalf("secrecy queue %v", q)
	}
	if s.CanSubmit() || !strings.Contains(s.Why(), "已提交") {
		t.Errorf("a routed draft may be submitted again: why %q", s.Why())
	}
}

// TestClerkScreen_Refusal ensures nothing typed is lost when the desk returns a draft or cannot take it,
// and that the next submission of a returned draft is a resubmission.
func TestClerkScreen_Refusal(t *testing.T) {
	t.Run("DeskReturns", func(t *testing.T) {
		test.NewTempApp(t)
		strict := review.DefaultRules() // an office whose desk asks more than the clerk's copy of the rules
		strict.Settings.MinReasonChars = 30
		svc := clerkServices(t, strict)
		s, w := clerkNewScreen(t, svc)
		s.Load(clerkWrite(t, "plain.txt", clerkPlain))
		clerkOne[*widget.RadioGroup](t, w).SetSelected("依申请公开")
		_, reason := clerkEntries(t, w)
		typed := "含值班人员个人手机号码，依申请公开"
		test.Type(reason.Base(), typed)
		if !s.CanSubmit() {
			t.Fatalf("cannot submit: %v", s.Returns())
		}
		s.Submit()
		if !strings.Contains(s.Result(), "被退回") || !strings.Contains(s.Result(), "理由") {
			t.Errorf("result %q, want the desk's return reason", s.Result())
		}
		if reason.Base().Text != typed || s.Decision().Attribute != review.OnRequest {
			t.Errorf("form lost what was typed: reason %q, decision %+v", reason.Base().Text, s.Decision())
		}
		q, _ := svc.Desk.Queue(context.Background(), clerkUser.Actor())
		if len(q) != 1 || clerkReturnedList(t, w).Length() != 1 {
			t.Fatalf("returned drafts %d, list %d", len(q), clerkReturnedList(t, w).Length())
		}
		test.Type(reason.Base(), "，经征求意见，值班表载有个人信息，不宜主动公开全文")
		s.Submit()
		rec, err := svc.Archive.Store.Get(context.Background(), q[0].ID)
		if err != nil || rec.State != review.StateDeputySignOff && rec.State != review.StateSecrecyReview {
			t.Fatalf("after resubmission: %v %+v", err, rec)
		}
		if last := rec.History[len(rec.History)-1]; last.Action != review.ActionResubmit {
			t.Errorf("last action %q, want resubmit", last.Action)
		}
		if n, _ := svc.Archive.Store.Count(context.Background()); n != 1 {
			t.Errorf("%d records, want the one draft resubmitted", n)
		}
	})

	t.Run("DeskRefuses", func(t *testing.T) {
		test.NewTempApp(t)
		svc := clerkServices(t, nil)
		id := clerkReturned(t, svc)
		s, w := clerkNewScreen(t, svc)
		s.LoadQueue()
		clerkReturnedList(t, w).Select(0)
		_, reason := clerkEntries(t, w)
		test.Type(reason.Base(), "（已补充定密依据）")
		typed := reason.Base().Text

		other, ow := clerkNewScreen(t, svc) // the same clerk resubmits it from another window first
		other.LoadQueue()
		clerkReturnedList(t, ow).Select(0)
		other.Submit()
		if rec, _ := svc.Archive.Store.Get(context.Background(), id); rec.State == review.StateReturned {
			t.Fatal("other window did not resubmit")
		}

		s.Submit()
		if w.Canvas().Overlays().Top() == nil {
			t.Error("no error dialog for the desk's refusal")
		}
		if reason.Base().Text != typed {
			t.Errorf("reason %q after a refusal, want %q kept", reason.Base().Text, typed)
		}
		if d := s.Decision(); d.Attribute != review.Withheld || d.Basis != "state-secret" || !s.CanSubmit() {
			t.Errorf("after a refusal: decision %+v, can submit %v", d, s.CanSubmit())
		}
	})
}

// clerkReturned submits the marked draft as withheld straight to the desk and has the secrecy officer
// return it with a note; it returns the draft's id.
func clerkReturned(t *testing.T, svc *ui.Services) int64 {
	t.Helper()
	ctx := context.Background()
	rec, err := svc.Desk.Submit(ctx, clerkUser.Actor(), clerkUser.User.Department, "draft.txt", []byte(clerkMarked),
		review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: clerkReason})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Desk.Act(ctx, rec.ID, clerkSecrecy, review.ActionReturn, -1, "请补充定密依据"); err != nil {
		t.Fatal(err)
	}
	return rec.ID
}

// TestClerkScreen_ReturnedReloads ensures a draft returned by a reviewer is listed with the reviewer's note,
// and selecting it brings back the clerk's decision and the findings; submitting resubmits it.
func TestClerkScreen_ReturnedReloads(t *testing.T) {
	test.NewTempApp(t)
	svc := clerkServices(t, nil)
	s, w := clerkNewScreen(t, svc)
	s.Load(clerkWrite(t, "draft.txt", clerkMarked))
	clerkWithhold(t, w)
	clerkCheck(t, w, "重要信息").SetChecked(true)
	s.Submit()
	ctx := context.Background()
	q := clerkSecretQueue(t, svc)
	if len(q) != 1 {
		t.Fatalf("secrecy queue %v", q)
	}
	note := "请补充定密依据和定密时间"
	if _, err := svc.Desk.Act(ctx, q[0].ID, clerkSecrecy, review.ActionReturn, -1, note); err != nil {
		t.Fatal(err)
	}

	s2, w2 := clerkNewScreen(t, svc) // the next day, a fresh screen
	if err := s2.LoadQueue(); err != nil {
		t.Fatal(err)
	}
	list := clerkReturnedList(t, w2)
	if list.Length() != 1 {
		t.Fatalf("%d returned drafts listed, want 1", list.Length())
	}
	list.Select(0)
	if r := s2.Result(); !strings.Contains(r, note) || !strings.Contains(r, "李保密") {
		t.Errorf("result %q, want the reviewer's note", r)
	}
	if got := clerkOne[*widget.RadioGroup](t, w2).Selected; got != "不予公开" {
		t.Errorf("attribute %q", got)
	}
	if got := clerkSelect(t, w2, clerkSecret).Selected; got != clerkSecret {
		t.Errorf("basis %q", got)
	}
	if _, reason := clerkEntries(t, w2); reason.Base().Text != clerkReason {
		t.Errorf("reason %q", reason.Base().Text)
	}
	if !clerkCheck(t, w2, "重要信息").Checked {
		t.Error("important not checked")
	}
	if d := s2.Decision(); d.Attribute != review.Withheld || d.Basis != "state-secret" || d.Reason != clerkReason || !d.Important {
		t.Errorf("decision %+v", d)
	}
	if m := s2.MarkedText(); len(m) == 0 || !strings.Contains(m[0], "机密★1年") {
		t.Errorf("findings not reloaded: %q", m)
	}
	if !s2.CanSubmit() {
		t.Fatalf("cannot resubmit: %v %q", s2.Returns(), s2.Why())
	}
	s2.Submit()
	rec, err := svc.Archive.Store.Get(ctx, q[0].ID)
	if err != nil || rec.State != review.StateSecrecyReview || rec.History[len(rec.History)-1].Action != review.ActionResubmit {
		t.Fatalf("after resubmission: %v %+v", err, rec)
	}
	if list.Length() != 0 {
		t.Errorf("%d returned drafts still listed after resubmission", list.Length())
	}
}

// TestClerkScreen_NextFinding ensures Ctrl+N walks the findings, strongest first, also while the clerk types in an entry.
func TestClerkScreen_NextFinding(t *testing.T) {
	test.NewTempApp(t)
	s, w := clerkNewScreen(t, clerkServices(t, nil))
	s.Load(clerkWrite(t, "draft.txt", clerkMarked+strings.Repeat("正文段落。\n", 80)+"内部资料 注意保存\n"))
	ctrlN := &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}

	w.Canvas().(fyne.Shortcutable).TypedShortcut(ctrlN)
	f, ok := s.SelectedFinding()
	if !ok || f.Severity != scan.Critical || !strings.Contains(f.Text, "机密") {
		t.Fatalf("first finding %+v %v, want the marking", f, ok)
	}
	_, reason := clerkEntries(t, w)
	w.Canvas().Focus(reason)
	reason.TypedShortcut(ctrlN)
	f2, _ := s.SelectedFinding()
	if f2 == f || reason.Base().Text != "" {
		t.Errorf("Ctrl+N in the reason entry: finding %+v, reason %q", f2, reason.Base().Text)
	}
	if !strings.Contains(f2.Text, "内部资料") {
		t.Fatalf("second finding %q, want the internal-only label", f2.Text)
	}
	scrolled := false
	for _, sc := range clerkFind[*container.Scroll](w) {
		scrolled = scrolled || sc.Offset.Y > 0
	}
	if !scrolled {
		t.Error("the text did not scroll to the finding at its end")
	}
}

// TestClerkScreen_Policy ensures a policy document needs readable interpretation material, and gets it from a file.
func TestClerkScreen_Policy(t *testing.T) {
	test.NewTempApp(t)
	s, w := clerkNewScreen(t, clerkServices(t, nil))
	s.Load(clerkWrite(t, "plain.txt", clerkPlain))
	clerkOne[*widget.RadioGroup](t, w).SetSelected("主动公开")
	if !s.CanSubmit() {
		t.Fatalf("plain public draft: %v", s.Returns())
	}
	clerkCheck(t, w, "政策性文件").SetChecked(true)
	if !clerkHasReturn(s, review.RetNoInterpretation) || s.CanSubmit() {
		t.Fatalf("policy document without interpretation: %v", s.Returns())
	}
	s.AttachNow(clerkWrite(t, "解读.txt", ""))
	if !clerkHasReturn(s, review.RetNoInterpretation) || !strings.Contains(s.Why(), "解读.txt") {
		t.Errorf("unreadable interpretation: %v, why %q", s.Returns(), s.Why())
	}
	s.AttachNow(clerkWrite(t, "解读.txt", "关于做好汛期值班工作的政策解读\n一、背景\n"))
	if len(s.Returns()) != 0 || !s.CanSubmit() {
		t.Errorf("readable interpretation: %v", s.Returns())
	}
	if in := s.Decision().Interpretation; in == nil || in.File != "解读.txt" || !in.Readable {
		t.Errorf("interpretation %+v", in)
	}
}

// clerkReturnedList returns the list of returned drafts, the first of the screen's lists (我的草稿 is the other).
func clerkReturnedList(t *testing.T, w fyne.Window) *widget.List {
	t.Helper()
	lists := clerkFind[interface{ Base() *widget.List }](w)
	if len(lists) != 2 {
		t.Fatalf("%d lists in the window, want the returned drafts and 我的草稿", len(lists))
	}
	return lists[0].Base()
}
