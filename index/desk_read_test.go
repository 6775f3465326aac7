package index_test

import (
	"testing"

	"prepub/index"
	"prepub/review"
)

var (
	otherClerk = review.Actor{User: "赵起草", Role: review.RoleClerk}
	admin      = review.Actor{User: "管理员", Role: index.RoleAdmin}
)

// TestDeskNeedToKnow ensures a 机密 draft still in secrecy review is read only
// by its clerk and the reviewers of its route, by id, by search and as its
// original file; everyone else, another clerk included, is told it does not
// exist; once decided, every reviewer, the disclosure office and the
// administrator read it, and another clerk still does not.
func TestDeskNeedToKnow(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		d := desk(t, a)
		rec, err := d.Submit(ctx, clerk, "县政府办", "d.txt", []byte("机密★1年\n关于防汛物资储备的通知\n"),
			review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: "载明储备库位置和数量，经定密属于国家秘密事项"})
		if err != nil || rec.State != review.StateSecrecyReview {
			t.Fatalf("%v %+v", err, rec)
		}
		open := index.Query{Text: "机密", State: string(review.StateSecrecyReview)}
		for _, tc := range []struct {
			name string
			who  review.Actor
			read bool
		}{
			{"OKDrafter", clerk, true},
			{"OKOnRoute", secrecy, true},
			{"OKLaterOnRoute", legal, true},
			{"ErrOtherClerk", otherClerk, false},
			{"ErrNotOnRoute", deputy, false},
			{"ErrDisclosureOffice", disclosure, false},
			{"ErrAdmin", admin, false},
		} {
			t.Run(tc.name, func(t *testing.T) {
				got, err := d.Get(ctx, tc.who, rec.ID)
				if tc.read && (err != nil || got.ID != rec.ID) {
					t.Fatalf("Get: %v", err)
				}
				if !tc.read && (review.ErrorCode(err) != review.ErrNotFound || got != nil) {
					t.Fatalf("Get: %v (%s), want not found", err, review.ErrorCode(err))
				}
				if _, err := d.Original(ctx, rec.ID, tc.who); (err == nil) != tc.read {
					t.Fatalf("Original: %v", err)
				}
				hits, err := d.Search(ctx, tc.who, open)
				switch {
				case tc.who.Role == review.RoleClerk:
					if review.ErrorCode(err) != review.ErrForbidden {
						t.Fatalf("a clerk searched: %v", err)
					}
				case err != nil || (len(hits) == 1) != tc.read:
					t.Fatalf("Search: %v %v", hits, err)
				}
			})
		}
		for _, s := range []struct {
			a      review.Actor
			action string
			f      int
		}{{secrecy, review.ActionConfirm, 0}, {secrecy, review.ActionApprove, -1}, {legal, review.ActionApprove, -1}, {principal, review.ActionSign, -1}} {
			if _, err := d.Act(ctx, rec.ID, s.a, s.action, s.f, ""); err != nil {
				t.Fatalf("%s by %s: %v", s.action, s.a.User, err)
			}
		}
		for _, who := range []review.Actor{deputy, disclosure, admin, clerk} {
			if _, err := d.Get(ctx, who, rec.ID); err != nil {
				t.Errorf("%s cannot read the decided record: %v", who.User, err)
			}
		}
		if hits, err := d.Search(ctx, disclosure, index.Query{Text: "防汛物资"}); err != nil || len(hits) != 1 {
			t.Errorf("the disclosure office does not find the decided record: %v %v", hits, err)
		}
		if _, err := d.Get(ctx, otherClerk, rec.ID); review.ErrorCode(err) != review.ErrNotFound {
			t.Errorf("another clerk reads a decided draft: %v", err)
		}
	})
}
