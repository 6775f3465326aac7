package ui_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/internal/docxfixture"
	"prepub/review"
	"prepub/ui"
)

// wordsCheck fails for a forbidden word shown under o.
func wordsCheck(t *testing.T, where string, o fyne.CanvasObject) {
	t.Helper()
	if word, in := ui.ForbiddenWord(o); word != "" {
		t.Errorf("%s shows %q in %q", where, word, in)
	}
}

// TestScreensInWords ensures no main screen of any role, nor the sign-in, the file dialog or a
// refusal, shows Fyne's English defaults or the app's internals, with real drafts on them, and
// that every role's screens fit a window of 1024×700, in the light look or the dark.
func TestScreensInWords(t *testing.T) {
	w, shell, svc := fitShell(t)
	wordsCheck(t, "first start", w.Content())

	ctx := context.Background()
	users := []index.User{{Name: "管理员", Role: index.RoleAdmin}, {Name: "张起草", Role: review.RoleClerk},
		{Name: "李保密", Role: review.SecrecyOfficer}, {Name: "王法制", Role: review.LegalOffice},
		{Name: "赵分管", Role: review.DeputyHead}, {Name: "钱主要", Role: review.PrincipalHead},
		{Name: "周公开", Role: index.RoleDisclosureOffice}}
	for _, u := range users {
		if err := svc.Archive.Store.AddUser(ctx, u, "password-1", "管理员"); err != nil {
			t.Fatal(err)
		}
	}
	shell.SignedIn(users[1])
	clerk := shell.Screen("起草与提交").(*ui.ClerkScreen)
	dir := t.TempDir()
	draft := filepath.Join(dir, "关于做好防汛工作的通知.docx")
	doc := docxfixture.Doc{Body: []string{"关于做好防汛工作的通知", "各单位：本通知属内部资料，请联系13800138000。"},
		Header: []string{"机密★1年"}, Deleted: []string{"绝密文件"}}
	if err := os.WriteFile(draft, doc.Build(), 0o600); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "损坏.docx")
	if err := os.WriteFile(broken, []byte("PK\x03\x04 not a zip"), 0o600); err != nil {
		t.Fatal(err)
	}
	clerk.Load(broken)
	wordsCheck(t, "clerk, broken draft", w.Content())
	clerk.Load(draft)
	clerk.NextFinding()
	wordsCheck(t, "clerk, draft with findings", w.Content())
	test.Tap(wordsButton(t, w.Content(), "打开草稿…"))
	wordsCheck(t, "file dialog", w.Canvas().Overlays().Top())
	w.Canvas().Overlays().Top().Hide()
	rqFind(w.Content(), func(*widget.RadioGroup) bool { return true }).SetSelected(review.Withheld.Chinese())
	rqFind(w.Content(), func(s *widget.Select) bool { return s.PlaceHolder == "不予公开时选择法律依据" }).SetSelected("属于国家秘密（第十四条）")
	test.Type(rqFind(w.Content(), func(e rqField) bool { return e.Base().MultiLine }).Base(), "正文含国家秘密事项，依法不予公开")
	wordsCheck(t, "clerk, form filled", w.Content())
	clerk.Submit()
	if q, _ := svc.Desk.Queue(ctx, review.Actor{User: users[2].Name, Role: users[2].Role}); len(q) != 1 {
		t.Fatalf("the draft did not reach the secrecy officer: %v; %v", clerk.Result(), clerk.Returns())
	}

	for i, u := range users {
		// Words and sizes are the same in both looks, and a change of look costs seconds in the
		// test driver (every font measured again): each role is drawn in one, the roles alternating.
		look := []string{ui.ThemeLight, ui.ThemeDark}[i%2]
		ui.ChooseTheme(look)
		shell.SignedIn(u)
		for _, tab := range shell.Tabs() {
			shell.Select(tab)
			ui.WaitBackground()
			if q, ok := shell.Screen(tab).(*ui.QueueScreen); ok {
				if err := q.Load(); err != nil {
					t.Fatal(err)
				}
			}
			where := index.RoleName(u.Role) + "：" + tab + "（" + look + "）"
			wordsCheck(t, where, w.Content())
			fitCheck(t, where, w)
		}
	}
	shell.SignedIn(users[0])
	shell.Select("账号")
	test.Tap(wordsButton(t, w.Content(), "添加账号"))
	for _, o := range w.Canvas().Overlays().List() {
		wordsCheck(t, "a refused account", o)
		o.Hide()
	}
	shell.ChangePassword()
	wordsCheck(t, "the password dialog", w.Canvas().Overlays().Top())
	w.Canvas().Overlays().Top().Hide()
	test.Tap(wordsButton(t, w.Content(), "切换用户"))
	wordsCheck(t, "sign-in", w.Content())
}

// wordsButton returns the visible button with this text under o.
func wordsButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	if b := rqFind(o, func(b *widget.Button) bool { return b.Text == text }); b != nil {
		return b
	}
	t.Fatalf("no button %q", text)
	return nil
}
