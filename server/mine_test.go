package server_test

import (
	"testing"

	"prepub/review"
)

// TestMine ensures /mine gives a clerk every draft they submitted and a
// reviewer the drafts they acted on, newest first, and refuses a role that
// neither drafts nor reviews.
func TestMine(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			o := startOffice(t, b, t.TempDir())
			tok := o.setUp()
			mine := func(token string) []int64 {
				var recs []struct{ ID int64 }
				o.decode(o.do(token, "GET", "/mine", nil, 200), &recs)
				var ids []int64
				for _, r := range recs {
					ids = append(ids, r.ID)
				}
				return ids
			}
			first := int64(o.submit(tok["张起草"], "d.txt", markedDraft, withheld, 201)["id"].(float64))
			second := int64(o.submit(tok["张起草"], "e.txt", markedDraft, withheld, 201)["id"].(float64))
			o.act(tok["李保密"], first, "return", -1, "请补充定密依据", 200)
			if got := mine(tok["张起草"]); len(got) != 2 || got[0] != second || got[1] != first {
				t.Errorf("clerk's drafts %v, want [%d %d]", got, second, first)
			}
			if got := mine(tok["李保密"]); len(got) != 1 || got[0] != first {
				t.Errorf("secrecy officer's drafts %v, want [%d]", got, first)
			}
			if got := mine(tok["王法制"]); len(got) != 0 {
				t.Errorf("legal office acted on nothing, got %v", got)
			}
			var e struct{ Code, Message string }
			o.decode(o.do(tok["周公开"], "GET", "/mine", nil, 403), &e)
			if e.Code != review.ErrForbidden || e.Message == "" {
				t.Errorf("refusal %+v", e)
			}
		})
	}
}
