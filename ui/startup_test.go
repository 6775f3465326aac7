package ui_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"prepub/index"
	"prepub/review"
	"prepub/ui"
)

// TestOpenWhenSignedIn ensures a file named on the command line is opened in the
// clerk's screen once a clerk signs in, and not for another role.
func TestOpenWhenSignedIn(t *testing.T) {
	test.NewTempApp(t)
	svc := shellServices(t)
	w := test.NewWindow(nil)
	defer w.Close()
	draft := filepath.Join(t.TempDir(), "关于防汛物资储备的通知.txt")
	if err := os.WriteFile(draft, []byte("机密★1年\n关于防汛物资储备的通知\n各乡镇人民政府：\n现将储备库的位置通知如下。\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, u := range []index.User{{Name: "管理员", Role: index.RoleAdmin}, {Name: "张起草", Role: review.RoleClerk}, {Name: "李保密", Role: review.SecrecyOfficer}} {
		if err := svc.Archive.Store.AddUser(ctx, u, "password-1", "管理员"); err != nil {
			t.Fatal(err)
		}
	}
	shell := ui.NewShell(w, svc)
	shell.OpenWhenSignedIn(draft)
	officer, err := svc.Archive.Store.Authenticate(ctx, "李保密", "password-1")
	if err != nil {
		t.Fatal(err)
	}
	shell.SignedIn(*officer) // no clerk's screen: the file waits
	clerk, err := svc.Archive.Store.Authenticate(ctx, "张起草", "password-1")
	if err != nil {
		t.Fatal(err)
	}
	shell.SignedIn(*clerk)
	c := shell.Screen("起草与提交").(*ui.ClerkScreen)
	for deadline := time.Now().Add(10 * time.Second); len(c.MarkedText()) == 0; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the file named on the command line was not opened in the clerk's screen")
		}
	}
}
