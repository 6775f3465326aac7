package client_test

import (
	"strings"
	"testing"

	"prepub/client"
	"prepub/index"
	"prepub/review"
)

// TestClientAccounts ensures the administrator's client edits, disables and
// resets accounts on the server, and a person changes their own password.
func TestClientAccounts(t *testing.T) {
	url, fp, _ := office(t)
	fp = strings.ReplaceAll(fp, " ", ":")
	adminC, _ := signIn(t, url, fp, "管理员")
	clerkC, clerk := signIn(t, url, fp, "张起草")
	if _, err := clerkC.EditUser(ctx, "李保密", index.AccountChange{}, "张起草"); review.ErrorCode(err) != review.ErrForbidden {
		t.Fatalf("clerk edits an account: %v", err)
	}
	dept, yes := "档案室", true
	u, err := adminC.EditUser(ctx, "张起草", index.AccountChange{Department: &dept, Disabled: &yes}, "管理员")
	if err != nil || u.Department != "档案室" || !u.Disabled {
		t.Fatalf("%v %+v", err, u)
	}
	if _, err := clerkC.Queue(ctx, clerk); err == nil {
		t.Fatal("a disabled account's session still works")
	}
	if _, err := client.New(url, fp).Authenticate(ctx, "张起草", "password-1"); review.ErrorMessage(err) != "账号已停用，请联系管理员" {
		t.Fatalf("disabled sign-in: %v", err)
	}
	if err := adminC.ResetPassword(ctx, "李保密", "li-gets-a-new-one", "管理员"); err != nil {
		t.Fatal(err)
	}
	secC := client.New(url, fp)
	if _, err := secC.Authenticate(ctx, "李保密", "li-gets-a-new-one"); err != nil {
		t.Fatal(err)
	}
	if err := secC.ChangePassword(ctx, "李保密", "li-gets-a-new-one", "li-chose-his-own"); err != nil {
		t.Fatal(err)
	}
	if _, err := client.New(url, fp).Authenticate(ctx, "李保密", "li-chose-his-own"); err != nil {
		t.Fatal(err)
	}
}
