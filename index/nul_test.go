package index_test

import (
	"strings"
	"testing"

	"prepub/index"
	"prepub/review"
)

// TestNULRefusedAlike ensures text a person types into the archive beside a
// decision (a validity note, a report section, an account's department) is
// refused alike on each backend when it holds a NUL, as invalid input with a
// Chinese message, and nothing is written.
func TestNULRefusedAlike(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		if err := a.Store.AddUser(ctx, index.User{Name: "管理员", Role: index.RoleAdmin}, "admin-password", "setup"); err != nil {
			t.Fatal(err)
		}
		id := mustImport(t, a, "a.txt", []byte("关于做好防汛工作的通知\n各乡镇：\n"), index.ImportMeta{Attribute: review.Public, Date: "2025-01-02"})
		_, vErr := a.SetValidity(ctx, id, "repealed", "", "已被\x00新文件替代", "周公开")
		_, rErr := a.SetReportValues(ctx, 2025, map[string]string{"problems": "人员\x00不足"}, "周公开")
		uErr := a.Store.AddUser(ctx, index.User{Name: "张起草", Role: review.RoleClerk, Department: "县\x00政府办"}, "password-1", "管理员")
		for name, err := range map[string]error{"validity note": vErr, "report text": rErr, "department": uErr} {
			if review.ErrorCode(err) != review.ErrInvalid || !strings.Contains(review.ErrorMessage(err), "空字符") {
				t.Errorf("%s: %v", name, err)
			}
		}
		if r, _ := a.Store.Get(ctx, id); len(r.History) != 1 {
			t.Errorf("the refused validity mark was written: %+v", r.History)
		}
	})
}
