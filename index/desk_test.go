package index_test

import (
	"sync"
	"testing"

	"prepub/index"
	"prepub/review"
)

var (
	clerk     = review.Actor{User: "张起草", Role: review.RoleClerk}
	secrecy   = review.Actor{User: "李保密", Role: review.SecrecyOfficer}
	legal     = review.Actor{User: "王法制", Role: review.LegalOffice}
	principal = review.Actor{User: "钱主要", Role: review.PrincipalHead}
)

func desk(t *testing.T, a *index.Archive) *index.Desk {
	return &index.Desk{Archive: a, Rules: review.DefaultRules(), Scanner: scanner(t)}
}

// TestDeskWithheld ensures a draft goes from submission through each queue to its decision, every step stored and audited.
func TestDeskWithheld(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		d := desk(t, a)
		rec, err := d.Submit(ctx, clerk, "县政府办", "d.txt", []byte("机密★1年\n关于防汛物资储备的通知\n"),
			review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: "载明储备库位置和数量，经定密属于国家秘密事项"})
		if err != nil || rec.State != review.StateSecrecyReview {
			t.Fatalf("%v %+v", err, rec)
		}
		if q, _ := d.Queue(ctx, secrecy); len(q) != 1 || q[0].ID != rec.ID {
			t.Fatalf("secrecy queue %v", q)
		}
		steps := []struct {
			a      review.Actor
			action string
			f      int
			note   string
		}{
			{secrecy, review.ActionConfirm, 0, "确属国家秘密"},
			{secrecy, review.ActionApprove, -1, ""},
			{legal, review.ActionApprove, -1, "依据适当"},
			{principal, review.ActionSign, -1, "同意"},
		}
		for _, s := range steps {
			if rec, err = d.Act(ctx, rec.ID, s.a, s.action, s.f, s.note); err != nil {
				t.Fatalf("%s by %s: %v", s.action, s.a.User, err)
			}
		}
		stored, _ := d.Archive.Store.Get(ctx, rec.ID)
		if stored.State != review.StateWithheldFinal || stored.DecidedAt.IsZero() || len(stored.History) != 5 {
			t.Fatalf("%+v", stored)
		}
		if audit, _ := d.Archive.Store.Audit(ctx, rec.ID); len(audit) != 5 {
			t.Fatalf("%d audit entries, want one per action", len(audit))
		}
		if v, _ := d.Archive.Verify(ctx); !v.OK {
			t.Fatalf("%+v", v)
		}
		if h, _ := d.Archive.Search(ctx, index.Query{Text: "防汛物资", State: string(review.StateWithheldFinal)}); len(h) != 1 {
			t.Fatalf("decided draft not searchable as decided: %v", h)
		}
	})
}

// TestDeskRefusalChangesNothing ensures a refused action leaves the stored draft and the audit chain as they were.
func TestDeskRefusalChangesNothing(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		d := desk(t, a)
		rec, _ := d.Submit(ctx, clerk, "", "d.txt", []byte("关于做好防汛工作的通知\n各单位：\n"), review.Decision{Attribute: review.Public})
		before, _ := d.Archive.Store.Audit(ctx, 0)
		for _, r := range []struct {
			a    review.Actor
			code string
		}{
			{principal, review.ErrNotFound}, // off the draft's route: not there for them
			{review.Actor{User: clerk.User, Role: review.DeputyHead}, review.ErrForbidden},
		} {
			if _, err := d.Act(ctx, rec.ID, r.a, review.ActionSign, -1, ""); review.ErrorCode(err) != r.code {
				t.Fatalf("%s: %v, want %s", r.a.User, err, r.code)
			}
		}
		after, _ := d.Archive.Store.Audit(ctx, 0)
		stored, _ := d.Archive.Store.Get(ctx, rec.ID)
		if len(after) != len(before) || stored.State != review.StateDeputySignOff {
			t.Fatalf("refusal changed the archive: %d→%d entries, state %s", len(before), len(after), stored.State)
		}
	})
}

// TestDeskUnreadableKept ensures a draft that cannot be read is kept as returned, with the reason.
func TestDeskUnreadableKept(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		d := desk(t, a)
		rec, err := d.Submit(ctx, clerk, "", "scan.pdf", []byte("%PDF-1.4 nothing"), review.Decision{Attribute: review.Public})
		if err != nil || rec.State != review.StateReturned || rec.Unreadable == "" || rec.Outcome.Returns[0].Code != review.RetUnreadable {
			t.Fatalf("%v %+v", err, rec)
		}
		if q, _ := d.Queue(ctx, clerk); len(q) != 1 {
			t.Fatalf("clerk's returned queue: %v", q)
		}
		rec, err = d.Resubmit(ctx, rec.ID, clerk, review.Decision{Attribute: review.Public})
		if err != nil || rec.State != review.StateReturned {
			t.Fatalf("an unreadable draft must stay returned: %v %s", err, rec.State)
		}
	})
}

// TestDeskConcurrentSignOff ensures that when two people sign the same step at once, one wins and the other is told plainly.
func TestDeskConcurrentSignOff(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		d := desk(t, a)
		for round := 0; round < 10; round++ {
			rec, _ := d.Submit(ctx, clerk, "", "d.txt", []byte("关于做好防汛工作的通知\n第"+string(rune('0'+round))+"号\n"), review.Decision{Attribute: review.Public})
			var wg sync.WaitGroup
			errs := make([]error, 2)
			for i, who := range []string{"赵分管", "孙分管"} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, errs[i] = d.Act(ctx, rec.ID, review.Actor{User: who, Role: review.DeputyHead}, review.ActionSign, -1, "同意")
				}()
			}
			wg.Wait()
			if (errs[0] == nil) == (errs[1] == nil) {
				t.Fatalf("round %d: both or neither signed: %v", round, errs)
			}
			for _, err := range errs {
				if err != nil && review.ErrorCode(err) != review.ErrConflict {
					t.Fatalf("loser not told plainly: %v", err)
				}
			}
			stored, _ := d.Archive.Store.Get(ctx, rec.ID)
			signs := 0
			for _, h := range stored.History {
				if h.Action == review.ActionSign {
					signs++
				}
			}
			if signs != 1 || stored.State != review.StatePublished {
				t.Fatalf("round %d: %d sign-offs, state %s", round, signs, stored.State)
			}
		}
		if v, _ := d.Archive.Verify(ctx); !v.OK {
			t.Fatalf("%+v", v)
		}
	})
}
