package index

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"prepub/review"
)

// addLegacyUser writes an account as the program did before accounts could
// change: the row without disabled or password_changed_at set, and an
// add-user entry covering name, role, department and creation time only.
func addLegacyUser(t *testing.T, s *Store, name string, role review.Role, password string) {
	t.Helper()
	ctx := context.Background()
	salt := []byte("0123456789abcdef")
	a := account{name: name, role: string(role), department: "县政府办", salt: salt, hash: passwordHash(password, salt), createdAt: timeText(s.now())}
	tx, err := s.begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if err := tx.exec(`INSERT INTO users (name, role, department, salt, hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
		a.name, a.role, a.department, a.salt, a.hash, a.createdAt); err != nil {
		t.Fatal(err)
	}
	if err := s.appendAudit(ctx, tx, "setup", legacyAddUser+name, 0, a.legacyHash()); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// TestVerifyLegacyAccounts ensures accounts made before accounts could change
// verify against what their add-user entry covered, that a change outside the
// program to what it covered (or to disabled) is found, and that once such an
// account changes in the program its whole row, password hash included, is covered.
func TestVerifyLegacyAccounts(t *testing.T) {
	ctx := context.Background()
	open := func(t *testing.T) (*Store, string) {
		dir := t.TempDir()
		s, err := OpenStore(filepath.Join(dir, "archive.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		addLegacyUser(t, s, "老管理员", RoleAdmin, "old-admin-password")
		addLegacyUser(t, s, "老起草", review.RoleClerk, "old-clerk-password")
		return s, dir
	}
	verify := func(t *testing.T, s *Store) *Verification {
		v, err := s.Verify(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	t.Run("OK", func(t *testing.T) {
		s, _ := open(t)
		if v := verify(t, s); !v.OK {
			t.Fatalf("old-style accounts: %+v", v)
		}
	})
	for _, tc := range []struct{ name, sql, want string }{
		{"ErrRole", `UPDATE users SET role='admin' WHERE name='老起草'`, "账号 老起草 与审计链"},
		{"ErrDisabled", `UPDATE users SET disabled=1 WHERE name='老起草'`, "账号 老起草 与审计链"},
		{"ErrDeleted", `DELETE FROM users WHERE name='老起草'`, "账号 老起草 已被删除"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := open(t)
			if _, err := s.db.Exec(tc.sql); err != nil {
				t.Fatal(err)
			}
			if v := verify(t, s); v.OK || !strings.Contains(v.Problem, tc.want) {
				t.Fatalf("%+v, want %q", v, tc.want)
			}
		})
	}
	t.Run("CopiedHashCoveredAfterChange", func(t *testing.T) {
		s, _ := open(t)
		copyHash := `UPDATE users SET salt=(SELECT salt FROM users WHERE name='老管理员'), hash=(SELECT hash FROM users WHERE name='老管理员') WHERE name='老起草'`
		dept := "办公室"
		if _, err := s.EditUser(ctx, "老起草", AccountChange{Department: &dept}, "老管理员"); err != nil {
			t.Fatal(err)
		}
		if v := verify(t, s); !v.OK {
			t.Fatalf("after a change in the program: %+v", v)
		}
		if _, err := s.db.Exec(copyHash); err != nil {
			t.Fatal(err)
		}
		if v := verify(t, s); v.OK || !strings.Contains(v.Problem, "账号 老起草 与审计链") {
			t.Fatalf("copied password hash not found: %+v", v)
		}
	})
}
