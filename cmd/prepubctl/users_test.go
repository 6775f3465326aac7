package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestUsersSetPasswd ensures an administrator lists accounts, changes a role
// and department, disables and re-enables an account and resets a password
// from the command line, with the archive's rules and the chain intact.
func TestUsersSetPasswd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	users := func(stdin string, args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := run(append([]string{"users"}, append(args, "--db", db)...), strings.NewReader(stdin), &out, &errb)
		return code, out.String(), errb.String()
	}
	for _, u := range []struct{ name, role string }{{"管理员", "admin"}, {"张起草", "clerk"}} {
		if code, _, errs := users(u.role+"-口令是这一句话\n", "add", "--user", u.name, "--role", u.role); code != 0 {
			t.Fatalf("add %s: %s", u.name, errs)
		}
	}
	if code, out, errs := users("", "set", "--user", "张起草", "--role", "secrecy-officer", "--department", "保密办", "--disable"); code != 0 || !strings.Contains(out, "保密办，已停用") {
		t.Fatalf("set: %d %s %s", code, out, errs)
	}
	if code, out, _ := users("", "list", "--json"); code != 0 || !strings.Contains(out, `"user":"张起草","role":"secrecy-officer","department":"保密办","disabled":true`) {
		t.Fatalf("list: %s", out)
	}
	if code, _, errs := users("", "set", "--user", "管理员", "--disable"); code != 1 || !strings.Contains(errs, "最后一个") {
		t.Fatalf("last admin disabled: %d %s", code, errs)
	}
	if code, _, errs := users("", "set", "--user", "无此人", "--enable"); code != 1 || !strings.Contains(errs, "没有名为 无此人 的账号") {
		t.Fatalf("no such account: %d %s", code, errs)
	}
	for _, bad := range [][]string{{"set", "--user", "张起草"}, {"set", "--user", "张起草", "--disable", "--enable"}, {"frobnicate"}} {
		if code, _, _ := users("", bad...); code != 64 {
			t.Fatalf("%v: exit %d, want 64", bad, code)
		}
	}
	if code, _, errs := users("qwertyuiop\n", "passwd", "--user", "张起草"); code != 64 || !strings.Contains(errs, "太常见") {
		t.Fatalf("common password: %d %s", code, errs)
	}
	if code, _, errs := users("a-new-one-for-zhang\n", "passwd", "--user", "张起草"); code != 0 {
		t.Fatalf("passwd: %s", errs)
	}
	if code, _, errs := users("", "set", "--user", "张起草", "--enable"); code != 0 {
		t.Fatalf("enable: %s", errs)
	}
	if code, out, errs := runCLI("verify", "--db", db); code != 0 {
		t.Fatalf("verify after account changes: %s %s", out, errs)
	}
}
