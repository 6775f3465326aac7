package index_test

import (
	"strings"
	"sync"
	"testing"

	"prepub/index"
	"prepub/review"
)

// TestConvertOnce ensures a withheld record is converted to public once: a
// second conversion, one after the other or racing, is a conflict that names
// the first, makes no second public draft, and the audit chain still verifies.
func TestConvertOnce(t *testing.T) {
	for _, racing := range []bool{false, true} {
		a, _ := mustOpen(t)
		id := mustImport(t, a, "w.txt", []byte("关于某工程招标工作的通知\n各单位：\n招标方案已确定，现予印发。\n"),
			index.ImportMeta{Attribute: review.Withheld, Basis: "process-info", Reason: "招标方案尚在讨论，属于过程性信息", Date: "2024-02-01"})
		errs := make([]error, 3)
		var wg sync.WaitGroup
		for i := range errs {
			convert := func() {
				_, _, errs[i] = a.Convert(ctx, review.DefaultRules(), id, reReviewer, "招标已结束，可以公开")
			}
			if racing {
				wg.Add(1)
				go func() { defer wg.Done(); convert() }()
			} else {
				convert()
			}
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			switch {
			case err == nil:
				ok++
			case review.ErrorCode(err) != review.ErrConflict || !strings.Contains(review.ErrorMessage(err), "不能重复转换"):
				t.Errorf("racing=%v: second conversion: %v", racing, err)
			}
		}
		if ok != 1 {
			t.Errorf("racing=%v: %d conversions succeeded, want 1", racing, ok)
		}
		if n, _ := a.Store.Count(ctx); n != 2 {
			t.Errorf("racing=%v: %d records, want the original and one public draft", racing, n)
		}
		if v, err := a.Verify(ctx); err != nil || !v.OK {
			t.Errorf("racing=%v: verify %+v %v", racing, v, err)
		}
	}
}

// reReviewer is the disclosure office's reviewer who re-reviews in these tests.
var reReviewer = review.Actor{User: "复查人", Role: index.RoleDisclosureOffice}

// TestReReviewWhoMayAct ensures only those who keep the archive list, keep,
// convert and report at the re-review, the refused leave no trace, and a
// kept decision's history names the caller's own role (an administrator is
// not recorded as the disclosure office).
func TestReReviewWhoMayAct(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		d := desk(t, a)
		id := mustImport(t, a, "w.txt", []byte("关于某工程招标工作的通知\n各单位：\n招标方案已确定，现予印发。\n"),
			index.ImportMeta{Attribute: review.Withheld, Basis: "process-info", Reason: "招标方案尚在讨论，属于过程性信息", Date: "2020-02-01"})
		for _, who := range []review.Actor{clerk, deputy, {User: "无名", Role: "nobody"}} {
			for what, err := range map[string]error{
				"due":     second(d.ReviewDue(ctx, who, index.DefaultReviewPeriod)),
				"keep":    d.Keep(ctx, who, id, "仍需保密"),
				"convert": third(d.Convert(ctx, who, id, "可以公开")),
				"expired": second(d.ExpiredMarkings(ctx, who)),
				"report":  second(d.Report(ctx, who, 2020)),
			} {
				if review.ErrorCode(err) != review.ErrForbidden || review.ErrorMessage(err) == "" {
					t.Errorf("%s %s: %v", who.Role, what, err)
				}
			}
		}
		if n, _ := a.Store.Count(ctx); n != 1 {
			t.Fatalf("a refused conversion made a draft: %d records", n)
		}
		due, err := d.ReviewDue(ctx, office, index.DefaultReviewPeriod)
		if err != nil || len(due) != 1 || due[0].ID != id {
			t.Fatalf("due: %v %+v", err, due)
		}
		root := review.Actor{User: "管理员", Role: index.RoleAdmin}
		if err := d.Keep(ctx, root, id, "仍属过程性信息"); err != nil {
			t.Fatal(err)
		}
		rec, err := a.Store.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		last := rec.History[len(rec.History)-1]
		if last.Action != index.ActionKeep || last.User != root.User || last.Role != index.RoleAdmin {
			t.Errorf("kept by %+v, want the administrator in their own role", last)
		}
		if _, err := d.Report(ctx, office, 2020); err != nil {
			t.Errorf("office report: %v", err)
		}
	})
}

// second returns the error of a two-valued call.
func second[T any](_ T, err error) error { return err }

// third returns the error of a three-valued call.
func third[T, U any](_ T, _ U, err error) error { return err }
