package server_test

import (
	"strings"
	"testing"
)

// TestAccounts ensures an administrator edits, disables and resets accounts
// over the API, each change ending the sessions it makes stale at once, that
// everyone changes their own password given the old one, and that others are refused.
func TestAccounts(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			o := startOffice(t, b, t.TempDir())
			tok := o.setUp()
			admin := tok["管理员"]
			// Only an administrator manages accounts.
			o.do(tok["张起草"], "PATCH", "/users/李保密", map[string]any{"disabled": true}, 403)
			o.do(tok["张起草"], "POST", "/users/李保密/password", map[string]any{"password": "taken-over-now"}, 403)
			o.do(admin, "PATCH", "/users/无此人", map[string]any{"disabled": true}, 404)
			o.do(admin, "PATCH", "/users/管理员", map[string]any{"disabled": true}, 409)
			// A new role ends the session; the next sign-in has the new role.
			var acc struct {
				User, Role, Department string
				Disabled               bool
			}
			o.decode(o.do(admin, "PATCH", "/users/李保密", map[string]any{"role": "legal-office", "department": "法制办"}, 200), &acc)
			if acc.Role != "legal-office" || acc.Department != "法制办" {
				t.Fatalf("edited %+v", acc)
			}
			o.do(tok["李保密"], "GET", "/queue", nil, 401)
			var login struct{ Role string }
			o.decode(o.do("", "POST", "/login", map[string]string{"user": "李保密", "password": passwordOf("李保密")}, 200), &login)
			if login.Role != "legal-office" {
				t.Fatalf("signed in as %s", login.Role)
			}
			// A department alone leaves the session alone.
			o.do(admin, "PATCH", "/users/王法制", map[string]any{"department": "司法局"}, 200)
			o.do(tok["王法制"], "GET", "/queue", nil, 200)
			// Disabling ends the session; the right password then hears why, a wrong one does not.
			o.do(admin, "PATCH", "/users/张起草", map[string]any{"disabled": true}, 200)
			o.do(tok["张起草"], "GET", "/queue", nil, 401)
			if got := string(o.do("", "POST", "/login", map[string]string{"user": "张起草", "password": passwordOf("张起草")}, 401)); !strings.Contains(got, "账号已停用，请联系管理员") {
				t.Fatalf("disabled sign-in: %s", got)
			}
			if got := string(o.do("", "POST", "/login", map[string]string{"user": "张起草", "password": "not-the-password"}, 401)); !strings.Contains(got, "用户名或密码错误") {
				t.Fatalf("disabled, wrong password: %s", got)
			}
			o.do(admin, "PATCH", "/users/张起草", map[string]any{"disabled": false}, 200)
			o.login("张起草", passwordOf("张起草"))
			// A reset ends the sessions and replaces the password; a weak one is refused.
			o.do(admin, "POST", "/users/钱主要/password", map[string]any{"password": "qwertyuiop"}, 400)
			o.do(admin, "POST", "/users/钱主要/password", map[string]any{"password": "reset-by-admin-7"}, 200)
			o.do(tok["钱主要"], "GET", "/queue", nil, 401)
			o.do("", "POST", "/login", map[string]string{"user": "钱主要", "password": passwordOf("钱主要")}, 401)
			qian := o.login("钱主要", "reset-by-admin-7")
			// Everyone changes their own password, given the old one.
			o.do(qian, "POST", "/password", map[string]any{"old": "wrong-old-pass", "new": "qian-chose-this"}, 403)
			o.do(qian, "POST", "/password", map[string]any{"old": "reset-by-admin-7", "new": "short"}, 400)
			o.do(qian, "POST", "/password", map[string]any{"old": "reset-by-admin-7", "new": "qian-chose-this"}, 200)
			o.login("钱主要", "qian-chose-this")
			var v struct{ OK bool }
			o.decode(o.do(admin, "GET", "/verify", nil, 200), &v)
			if !v.OK {
				t.Fatal("chain does not verify after account changes")
			}
		})
	}
}

// TestSignInsAudited ensures sign-ins, failures and the limiter's locks over the API are in the audit chain.
func TestSignInsAudited(t *testing.T) {
	o := startOffice(t, backends(t)[0], t.TempDir())
	o.setUp()
	for range 5 {
		o.do("", "POST", "/login", map[string]string{"user": "赵分管", "password": "wrong-password"}, 401)
	}
	o.do("", "POST", "/login", map[string]string{"user": strings.Repeat("长", 1<<18), "password": "wrong-password"}, 401)
	entries, err := o.desk.Archive.Store.Audit(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, e := range entries {
		if kind, ok := strings.CutPrefix(e.Action, "sign-in:"); ok {
			kind, _, _ = strings.Cut(kind, ":")
			count[e.Actor[:min(len(e.Actor), 9)]+" "+kind]++
			if len(e.Actor) > 200 {
				t.Fatalf("a sign-in entry keeps %d bytes of name", len(e.Actor))
			}
		}
	}
	if count["管理员 ok"] != 1 || count["赵分管 ok"] != 1 || count["赵分管 failed"] != 5 || count["赵分管 locked"] != 1 || count["长长长 failed"] != 1 {
		t.Fatalf("sign-in entries %v", count)
	}
}
