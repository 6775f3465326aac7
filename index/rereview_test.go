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
				_, _, errs[i] = a.Convert(ctx, review.DefaultRules(), id, "复查人", "招标已结束，可以公开")
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
