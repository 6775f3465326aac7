package server_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"testing"

	"prepub/review"
)

// TestNeedToKnow ensures, over the API, that a 机密 draft still in secrecy
// review is read by its clerk and the reviewers of its route only: anyone
// else, another clerk included, gets 404 by id and nothing by search; once
// decided the disclosure office reads it.
func TestNeedToKnow(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			o := startOffice(t, b, t.TempDir())
			tok := o.setUp()
			o.do(tok["管理员"], "POST", "/users", map[string]any{"user": "吴起草", "password": passwordOf("吴起草"), "role": review.RoleClerk, "department": "县财政局"}, 201)
			tok["吴起草"] = o.login("吴起草", passwordOf("吴起草"))
			out := o.submit(tok["张起草"], "d.txt", "机密★1年\n关于防汛物资储备的通知\n",
				review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: "载明储备库位置和数量，经定密属于国家秘密事项"}, 201)
			id := int64(out["id"].(float64))
			search := "/search?" + url.Values{"q": {"机密"}, "state": {string(review.StateSecrecyReview)}}.Encode()
			for _, tc := range []struct {
				who  string
				read int // status of GET /records/ID and /drafts/ID
				hits int // -1: search refused
			}{
				{"张起草", 200, -1}, {"李保密", 200, 1}, {"王法制", 200, 1},
				{"吴起草", 404, -1}, {"赵分管", 404, 0}, {"周公开", 404, 0}, {"管理员", 404, 0},
			} {
				t.Run(tc.who, func(t *testing.T) {
					for _, path := range []string{fmt.Sprintf("/records/%d", id), fmt.Sprintf("/drafts/%d", id), fmt.Sprintf("/drafts/%d/original", id)} {
						o.do(tok[tc.who], "GET", path, nil, tc.read)
					}
					if tc.hits < 0 {
						o.do(tok[tc.who], "GET", search, nil, 403)
						return
					}
					var hits []json.RawMessage
					o.decode(o.do(tok[tc.who], "GET", search, nil, 200), &hits)
					if len(hits) != tc.hits {
						t.Fatalf("%d hits, want %d", len(hits), tc.hits)
					}
				})
			}
			o.act(tok["李保密"], id, review.ActionConfirm, 0, "", 200)
			o.act(tok["李保密"], id, review.ActionApprove, -1, "", 200)
			o.act(tok["王法制"], id, review.ActionApprove, -1, "", 200)
			o.act(tok["钱主要"], id, review.ActionSign, -1, "同意", 200)
			o.do(tok["周公开"], "GET", fmt.Sprintf("/records/%d", id), nil, 200)
			o.do(tok["赵分管"], "GET", fmt.Sprintf("/records/%d", id), nil, 200)
			o.do(tok["吴起草"], "GET", fmt.Sprintf("/records/%d", id), nil, 404)
		})
	}
}
