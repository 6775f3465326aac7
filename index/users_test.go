package index_test

import (
	"testing"

	"prepub/index"
	"prepub/review"
)

// TestUsers ensures accounts: the first is an administrator, passwords are checked against a salted hash, and wrong logins say nothing more.
func TestUsers(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		s := a.Store
		if err := s.AddUser(ctx, index.User{Name: "张起草", Role: review.RoleClerk}, "clerk-pass-0", "setup"); review.ErrorCode(err) != review.ErrInvalid {
			t.Fatalf("first account not admin: %v", err)
		}
		if err := s.AddUser(ctx, index.User{Name: "管理员", Role: index.RoleAdmin}, "short", "setup"); review.ErrorCode(err) != review.ErrInvalid {
			t.Fatalf("short password: %v", err)
		}
		if err := s.AddUser(ctx, index.User{Name: "管理员", Role: index.RoleAdmin, Department: "办公室"}, "correct horse", "setup"); err != nil {
			t.Fatal(err)
		}
		if err := s.AddUser(ctx, index.User{Name: "张起草", Role: review.RoleClerk, Department: "县政府办"}, "clerk-pass-1", "管理员"); err != nil {
			t.Fatal(err)
		}
		if err := s.AddUser(ctx, index.User{Name: "张起草", Role: review.RoleClerk}, "another-pass", "管理员"); review.ErrorCode(err) != review.ErrConflict {
			t.Fatalf("duplicate: %v", err)
		}
		u, err := s.Authenticate(ctx, "张起草", "clerk-pass-1")
		if err != nil || u.Role != review.RoleClerk || u.Department != "县政府办" {
			t.Fatalf("%v %+v", err, u)
		}
		_, wrongPass := s.Authenticate(ctx, "张起草", "clerk-pass-2")
		_, noUser := s.Authenticate(ctx, "无此人", "clerk-pass-1")
		if wrongPass == nil || noUser == nil || review.ErrorMessage(wrongPass) != review.ErrorMessage(noUser) {
			t.Fatalf("%v / %v", wrongPass, noUser)
		}
		if v, _ := a.Verify(ctx); !v.OK || v.Entries != 2 {
			t.Fatalf("account creation not audited: %+v", v)
		}
	})
}
