package index_test

import (
	"strings"
	"testing"

	"prepub/index"
	"prepub/review"
)

// Passwords the account tests use: long enough, not common, not the name.
const (
	adminPass = "铁打的营盘流水的兵"
	clerkPass = "clerk-sings-at-dawn"
)

// accounts makes an archive's administrator 管理员 and clerk 张起草, and returns its desk.
func accounts(t *testing.T, a *index.Archive) *index.Desk {
	t.Helper()
	d := &index.Desk{Archive: a}
	if err := d.AddUser(ctx, index.User{Name: "管理员", Role: index.RoleAdmin, Department: "办公室"}, adminPass+"！", "setup"); err != nil {
		t.Fatal(err)
	}
	if err := d.AddUser(ctx, index.User{Name: "张起草", Role: review.RoleClerk, Department: "县政府办"}, clerkPass, "管理员"); err != nil {
		t.Fatal(err)
	}
	return d
}

func mustVerify(t *testing.T, a *index.Archive) {
	t.Helper()
	if v, err := a.Verify(ctx); err != nil || !v.OK {
		t.Fatalf("verify: %+v %v", v, err)
	}
}

// TestEditUser ensures an administrator changes a role and department and
// disables and re-enables an account, each change audited, and that a
// disabled account is told so only after the right password.
func TestEditUser(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		d := accounts(t, a)
		role, dept := review.SecrecyOfficer, "保密办"
		u, err := d.EditUser(ctx, "张起草", index.AccountChange{Role: &role, Department: &dept}, "管理员")
		if err != nil || u.Role != review.SecrecyOfficer || u.Department != "保密办" {
			t.Fatalf("%v %+v", err, u)
		}
		if u, err := d.Authenticate(ctx, "张起草", clerkPass); err != nil || u.Role != review.SecrecyOfficer {
			t.Fatalf("signed in as %+v %v", u, err)
		}
		yes, no := true, false
		if _, err := d.EditUser(ctx, "张起草", index.AccountChange{Disabled: &yes}, "管理员"); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Authenticate(ctx, "张起草", clerkPass); review.ErrorMessage(err) != "账号已停用，请联系管理员" {
			t.Fatalf("disabled account, right password: %v", err)
		}
		if _, err := d.Authenticate(ctx, "张起草", "wrong-password-9"); review.ErrorMessage(err) != "用户名或密码错误" {
			t.Fatalf("disabled account, wrong password: %v", err)
		}
		if users, _ := d.Users(ctx, "管理员"); len(users) != 2 || users[0].Name != "张起草" || !users[0].Disabled || users[1].Disabled {
			t.Fatalf("users %+v, want 张起草 listed as disabled", users)
		}
		if _, err := d.EditUser(ctx, "张起草", index.AccountChange{Disabled: &no}, "管理员"); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Authenticate(ctx, "张起草", clerkPass); err != nil {
			t.Fatalf("re-enabled: %v", err)
		}
		bad := review.Role("boss")
		if _, err := d.EditUser(ctx, "张起草", index.AccountChange{Role: &bad}, "管理员"); review.ErrorCode(err) != review.ErrInvalid {
			t.Fatalf("bad role: %v", err)
		}
		if _, err := d.EditUser(ctx, "无此人", index.AccountChange{Disabled: &yes}, "管理员"); review.ErrorCode(err) != review.ErrNotFound {
			t.Fatalf("no such account: %v", err)
		}
		entries, _ := a.Store.Audit(ctx, 0)
		var actions []string
		for _, e := range entries {
			if strings.HasPrefix(e.Action, "account:") {
				actions = append(actions, e.Action)
			}
		}
		want := "account:add:管理员 account:add:张起草 account:role+department:张起草 account:disable:张起草 account:enable:张起草"
		if strings.Join(actions, " ") != want {
			t.Fatalf("account entries %v, want %s", actions, want)
		}
		mustVerify(t, a)
	})
}

// TestLastAdministrator ensures the last enabled administrator can be neither disabled nor demoted.
func TestLastAdministrator(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		d := accounts(t, a)
		yes, clerkRole, admin := true, review.RoleClerk, index.RoleAdmin
		for _, ch := range []index.AccountChange{{Disabled: &yes}, {Role: &clerkRole}} {
			if _, err := d.EditUser(ctx, "管理员", ch, "管理员"); review.ErrorCode(err) != review.ErrConflict || !strings.Contains(review.ErrorMessage(err), "最后一个") {
				t.Fatalf("last admin changed: %v", err)
			}
		}
		if _, err := d.EditUser(ctx, "张起草", index.AccountChange{Role: &admin}, "管理员"); err != nil {
			t.Fatal(err)
		}
		if _, err := d.EditUser(ctx, "管理员", index.AccountChange{Disabled: &yes}, "张起草"); err != nil {
			t.Fatalf("one of two admins disabled: %v", err)
		}
		if _, err := d.EditUser(ctx, "张起草", index.AccountChange{Role: &clerkRole}, "张起草"); review.ErrorCode(err) != review.ErrConflict {
			t.Fatalf("the remaining enabled admin demoted: %v", err)
		}
		mustVerify(t, a)
	})
}

// TestAccountsWhoMay ensures only an enabled administrator, as the archive has
// them now, adds, edits and resets accounts.
func TestAccountsWhoMay(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		d := accounts(t, a)
		dept, yes := "别处", true
		for _, by := range []string{"张起草", "无此人"} {
			if _, err := d.EditUser(ctx, "张起草", index.AccountChange{Department: &dept}, by); review.ErrorCode(err) != review.ErrForbidden {
				t.Fatalf("edit by %s: %v", by, err)
			}
			if err := d.ResetPassword(ctx, "管理员", "taken-over-by-"+by, by); review.ErrorCode(err) != review.ErrForbidden {
				t.Fatalf("reset by %s: %v", by, err)
			}
			if err := d.AddUser(ctx, index.User{Name: "新人", Role: index.RoleAdmin}, "a-new-admin-pass", by); review.ErrorCode(err) != review.ErrForbidden {
				t.Fatalf("add by %s: %v", by, err)
			}
			if _, err := d.Users(ctx, by); review.ErrorCode(err) != review.ErrForbidden {
				t.Fatalf("list by %s: %v", by, err)
			}
		}
		admin := index.RoleAdmin
		if _, err := d.EditUser(ctx, "张起草", index.AccountChange{Role: &admin}, "管理员"); err != nil {
			t.Fatal(err)
		}
		if _, err := d.EditUser(ctx, "管理员", index.AccountChange{Disabled: &yes}, "张起草"); err != nil {
			t.Fatal(err)
		}
		if _, err := d.EditUser(ctx, "张起草", index.AccountChange{Department: &dept}, "管理员"); review.ErrorCode(err) != review.ErrForbidden {
			t.Fatalf("a disabled administrator still manages accounts: %v", err)
		}
	})
}

// TestPasswordChanges ensures an administrator's reset and a person's own
// change follow the password rules, replace the old password, and are audited.
func TestPasswordChanges(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		d := accounts(t, a)
		if err := d.ResetPassword(ctx, "张起草", "1qaz2wsx3edc", "管理员"); !strings.Contains(review.ErrorMessage(err), "太常见") {
			t.Fatalf("common password accepted: %v", err)
		}
		if err := d.ResetPassword(ctx, "张起草", "reset-by-the-admin", "管理员"); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Authenticate(ctx, "张起草", clerkPass); err == nil {
			t.Fatal("old password still signs in after a reset")
		}
		if err := d.ChangePassword(ctx, "张起草", "not-my-password", "my-own-secret-now"); review.ErrorCode(err) != review.ErrForbidden || !strings.Contains(review.ErrorMessage(err), "旧密码") {
			t.Fatalf("wrong old password: %v", err)
		}
		if err := d.ChangePassword(ctx, "张起草", "reset-by-the-admin", "reset-by-the-admin"); review.ErrorCode(err) != review.ErrInvalid {
			t.Fatalf("same password: %v", err)
		}
		if err := d.ChangePassword(ctx, "张起草", "reset-by-the-admin", "张起草的新密码很长很长"); review.ErrorCode(err) != review.ErrInvalid {
			t.Fatalf("password containing the name: %v", err)
		}
		if err := d.ChangePassword(ctx, "张起草", "reset-by-the-admin", "my-own-secret-now"); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Authenticate(ctx, "张起草", "my-own-secret-now"); err != nil {
			t.Fatal(err)
		}
		entries, _ := a.Store.Audit(ctx, 0)
		var got []string
		for _, e := range entries {
			if strings.HasPrefix(e.Action, "account:reset:") || strings.HasPrefix(e.Action, "account:password:") {
				got = append(got, e.Actor+" "+e.Action)
			}
		}
		if strings.Join(got, "|") != "管理员 account:reset:张起草|张起草 account:password:张起草" {
			t.Fatalf("password entries %v", got)
		}
		mustVerify(t, a)
	})
}

// TestAddUserPasswordRules ensures the first administrator's password follows the rules too.
func TestAddUserPasswordRules(t *testing.T) {
	a, _ := mustOpen(t)
	for _, pw := range []string{"short", "password123", "管理员管理员的密码呀呀", "0000000000"} {
		if err := a.Store.AddUser(ctx, index.User{Name: "管理员", Role: index.RoleAdmin}, pw, "setup"); review.ErrorCode(err) != review.ErrInvalid {
			t.Fatalf("%q: %v", pw, err)
		}
	}
}

// TestVerifyAccounts ensures an account changed, deleted, inserted or given
// another's password hash outside the program is named by verify.
func TestVerifyAccounts(t *testing.T) {
	for _, tc := range []struct{ name, sql, want string }{
		{"Role", `UPDATE users SET role='admin' WHERE name='张起草'`, "账号 张起草 与审计链"},
		{"Department", `UPDATE users SET department='别处' WHERE name='张起草'`, "账号 张起草 与审计链"},
		{"Enable", `UPDATE users SET disabled=0 WHERE name='停用者'`, "账号 停用者 与审计链"},
		{"CopiedHash", `UPDATE users SET salt=(SELECT salt FROM users WHERE name='管理员'), hash=(SELECT hash FROM users WHERE name='管理员') WHERE name='张起草'`, "账号 张起草 与审计链"},
		{"Deleted", `DELETE FROM users WHERE name='张起草'`, "账号 张起草 已被删除"},
		{"Inserted", `INSERT INTO users (name, role, department, salt, hash, created_at) SELECT '后门', 'admin', '', salt, hash, created_at FROM users WHERE name='管理员'`, "账号 后门 没有对应的审计条目"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, dir := mustOpen(t)
			d := accounts(t, a)
			if err := d.AddUser(ctx, index.User{Name: "停用者", Role: review.LegalOffice}, "someone-who-left", "管理员"); err != nil {
				t.Fatal(err)
			}
			yes := true
			if _, err := d.EditUser(ctx, "停用者", index.AccountChange{Disabled: &yes}, "管理员"); err != nil {
				t.Fatal(err)
			}
			mustVerify(t, a)
			sqlExec(t, dir, tc.sql)
			v, err := a.Verify(ctx)
			if err != nil || v.OK || !strings.Contains(v.Problem, tc.want) {
				t.Fatalf("after %s: %+v %v, want %q", tc.sql, v, err, tc.want)
			}
		})
	}
}
