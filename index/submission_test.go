package index_test

import (
	"strings"
	"sync"
	"testing"

	"prepub/index"
	"prepub/review"
)

// TestSubmitOnce ensures a key makes one draft: the same clerk's retries,
// one after the other or racing, get that draft back; another clerk's use of
// the key is refused; no key makes a draft each time; on each backend.
func TestSubmitOnce(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		sc := scanner(t)
		d := &index.Desk{Archive: a, Rules: review.DefaultRules(), Scanner: sc}
		clerk := review.Actor{User: "张起草", Role: review.RoleClerk}
		data := []byte("关于做好防汛工作的通知\n各乡镇：\n")
		dec := review.Decision{Attribute: review.Public}
		first, again, err := d.SubmitOnce(ctx, "k-1", clerk, "县政府办", "a.txt", data, dec)
		if err != nil || again {
			t.Fatalf("first: again=%v %v", again, err)
		}
		ids := make([]int64, 4)
		agains := make([]bool, 4)
		var wg sync.WaitGroup
		for i := range ids {
			wg.Add(1)
			go func() {
				defer wg.Done()
				rec, ag, err := d.SubmitOnce(ctx, "k-1", clerk, "县政府办", "a.txt", data, dec)
				if err != nil {
					t.Error(err)
					return
				}
				ids[i], agains[i] = rec.ID, ag
			}()
		}
		wg.Wait()
		for i := range ids {
			if ids[i] != first.ID || !agains[i] {
				t.Errorf("retry %d: id %d again=%v, want %d again", i, ids[i], agains[i], first.ID)
			}
		}
		_, _, err = d.SubmitOnce(ctx, "k-1", review.Actor{User: "刘起草", Role: review.RoleClerk}, "县政府办", "a.txt", data, dec)
		if review.ErrorCode(err) != review.ErrConflict || !strings.Contains(review.ErrorMessage(err), "其他用户") {
			t.Errorf("another clerk's key: %v", err)
		}
		if _, _, err := d.SubmitOnce(ctx, "k\x00", clerk, "县政府办", "a.txt", data, dec); review.ErrorCode(err) != review.ErrInvalid {
			t.Errorf("key with NUL: %v", err)
		}
		for i := 0; i < 2; i++ {
			if _, again, err := d.SubmitOnce(ctx, "", clerk, "县政府办", "a.txt", data, dec); err != nil || again {
				t.Fatalf("no key: again=%v %v", again, err)
			}
		}
		if n, _ := a.Store.Count(ctx); n != 3 {
			t.Errorf("%d drafts, want 3 (one keyed, two without a key)", n)
		}
		if v, err := a.Verify(ctx); err != nil || !v.OK {
			t.Errorf("verify: %+v %v", v, err)
		}
	})
}
