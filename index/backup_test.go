package index_test

import (
	"bytes"
	"testing"

	"prepub/index"
	"prepub/review"
)

// TestBackupRestore ensures a backup restores into an empty archive with every record, file, account and audit entry, and the chain still verifies.
func TestBackupRestore(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		ids := loadCorpus(t, a)
		if err := a.Store.AddUser(ctx, index.User{Name: "管理员", Role: index.RoleAdmin}, "admin-password", "setup"); err != nil {
			t.Fatal(err)
		}
		// A disabled account whose password was reset: both columns must come back for the chain to verify.
		yes := true
		if err := a.Store.AddUser(ctx, index.User{Name: "张起草", Role: review.RoleClerk}, clerkPass, "管理员"); err != nil {
			t.Fatal(err)
		}
		if err := a.Store.SetPassword(ctx, "张起草", "reset-before-backup", "管理员", "reset"); err != nil {
			t.Fatal(err)
		}
		if _, err := a.Store.EditUser(ctx, "张起草", index.AccountChange{Disabled: &yes}, "管理员"); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := a.Store.Backup(ctx, &buf); err != nil {
			t.Fatal(err)
		}
		b, _ := mustOpen(t)
		if err := b.Store.Restore(ctx, bytes.NewReader(buf.Bytes())); err != nil {
			t.Fatal(err)
		}
		v, err := b.Store.Verify(ctx)
		if err != nil || !v.OK || v.Records != 5 || v.Entries != 9 {
			t.Fatalf("%+v %v", v, err)
		}
		orig, _ := a.Store.Verify(ctx)
		if v.Head != orig.Head {
			t.Fatal("restored chain ends elsewhere")
		}
		id := ids["opinion-traditional.txt"]
		r, _ := b.Store.Get(ctx, id)
		f1, _ := a.Store.File(ctx, id)
		f2, _ := b.Store.File(ctx, id)
		if r.Basis != "process-info" || !bytes.Equal(f1, f2) {
			t.Fatalf("%+v", r)
		}
		if _, err := b.Store.Authenticate(ctx, "管理员", "admin-password"); err != nil {
			t.Fatal(err)
		}
		if _, err := b.Store.Authenticate(ctx, "张起草", "reset-before-backup"); review.ErrorMessage(err) != "账号已停用，请联系管理员" {
			t.Fatalf("restored account not disabled: %v", err)
		}
		if err := b.Store.Restore(ctx, bytes.NewReader(buf.Bytes())); review.ErrorCode(err) != review.ErrConflict {
			t.Fatalf("restore over a full archive: %v", err)
		}
		if err := b.Store.Restore(ctx, bytes.NewReader([]byte("{}\n"))); err == nil {
			t.Fatal("garbage restored")
		}
		// New records continue after the restored ones.
		n, _, err := b.Import(ctx, scanner(t), "new.txt", []byte("关于新事项的通知\n"), index.ImportMeta{Attribute: review.Public})
		if err != nil || n <= 5 {
			t.Fatalf("id %d after restore: %v", n, err)
		}
	})
}
