package index

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"time"

	"prepub/review"
	"prepub/review/scan"
)

// Re-review actions recorded in a record's history and the audit chain.
const (
	ActionKeep    = "rereview-keep"
	ActionConvert = "rereview-convert"
)

// DefaultReviewPeriod is how long a withheld or on-request decision stands before its yearly re-review (Art. 18).
const DefaultReviewPeriod = 365 * 24 * time.Hour

// lastReviewed is when a record was decided or last re-reviewed.
func (r *Record) lastReviewed() time.Time {
	if r.ReviewedAt.After(r.DecidedAt) {
		return r.ReviewedAt
	}
	return r.DecidedAt
}

// ReviewDue returns the withheld and on-request records whose re-review is due at now, oldest first.
func (a *Archive) ReviewDue(ctx context.Context, now time.Time, period time.Duration) ([]Record, error) {
	var due []Record
	err := a.Store.Each(ctx, Filter{States: []review.State{review.StateWithheldFinal, review.StateOnRequest}}, func(r *Record) error {
		if !r.lastReviewed().Add(period).After(now) {
			r.Parts = nil // the queue shows titles, not texts
			due = append(due, *r)
		}
		return nil
	})
	return due, err
}

// Keep records a re-review that keeps the decision, with the reviewer's note.
func (a *Archive) Keep(ctx context.Context, id int64, by review.Actor, note string) error {
	if note == "" {
		return review.Errorf(review.ErrInvalid, "维持原决定须写明理由")
	}
	if err := review.CheckText("理由", note, review.MaxReasonRunes); err != nil {
		return err
	}
	r, err := a.Store.Get(ctx, id)
	if err != nil {
		return err
	}
	if err := reviewable(r); err != nil {
		return err
	}
	now := a.Store.now()
	r.ReviewedAt = now
	r.History = append(r.History, review.Action{Action: ActionKeep, User: by.User, Role: by.Role, Step: -1, Note: note, At: now, State: r.State})
	_, err = a.Put(ctx, r, nil, by.User, ActionKeep)
	return err
}

// Convert starts the conversion of a withheld or on-request record to public:
// a new record with a public decision, checked by the rules and waiting at the
// first step of its new route (or returned, with reasons). It returns the new
// record's ID and the check's outcome. The new record and the note on the old
// one are written in one transaction, so a record is converted once: a second
// conversion, even one racing the first, is refused as a conflict.
func (a *Archive) Convert(ctx context.Context, rules *review.Rules, id int64, by review.Actor, note string) (int64, review.Outcome, error) {
	actor := by.User
	if err := review.CheckText("理由", note, review.MaxReasonRunes); err != nil {
		return 0, review.Outcome{}, err
	}
	file, err := a.Store.File(ctx, id)
	if err != nil {
		return 0, review.Outcome{}, err
	}
	var next *Record
	var out review.Outcome
	old, err := a.Store.update(ctx, id, actor, ActionConvert, func(ctx context.Context, tx *writeTx, r *Record) error {
		if err := reviewable(r); err != nil {
			return err
		}
		dec := review.Decision{Attribute: review.Public, Title: r.Title, Reason: note, DocType: r.Decision.Kind(), ValidUntil: r.Decision.ValidUntil}
		w := review.NewWorkflow(rules, actor, review.Draft{Report: toWorkflow(r, rules).Draft.Report}, dec)
		w.Clock = a.Store.now
		now := a.Store.now()
		next = &Record{
			Title: r.Title, Department: r.Department, File: r.File, FileHash: r.FileHash, IssueDate: r.IssueDate, Drafter: actor,
			Findings: r.Findings, Statements: r.Statements, Coverage: r.Coverage, Parts: r.Parts, Unreadable: r.Unreadable,
		}
		fromWorkflow(next, w)
		next.History = append([]review.Action{{Action: ActionConvert, User: actor, Role: by.Role, Step: -1,
			Note: fmt.Sprintf("由第 %d 号记录年度复查转为主动公开：%s", id, note), At: now, State: w.State}}, next.History...)
		if err := a.Store.put(ctx, tx, next, file, actor, ActionConvert); err != nil {
			return err
		}
		out = w.Outcome
		r.ReviewedAt = now
		r.History = append(r.History, review.Action{Action: ActionConvert, User: actor, Role: by.Role, Step: -1,
			Note: fmt.Sprintf("年度复查决定转为主动公开，新记录第 %d 号：%s", next.ID, note), At: now, State: r.State})
		return nil
	}, nil)
	if err != nil {
		return 0, review.Outcome{}, err
	}
	a.index(next, old)
	return next.ID, out, nil
}

// reviewable refuses a record that is not a withheld or on-request decision,
// or that a re-review has already converted to public.
func reviewable(r *Record) error {
	if r.State != review.StateWithheldFinal && r.State != review.StateOnRequest {
		return review.Errorf(review.ErrConflict, "第 %d 号记录不是不予公开或依申请公开的决定，无需年度复查", r.ID)
	}
	// A converted record's own history starts with its conversion; the record
	// it came from has the conversion entry after its first.
	for _, h := range r.History[min(1, len(r.History)):] {
		if h.Action == ActionConvert {
			return review.Errorf(review.ErrConflict, "第 %d 号记录已于 %s 由%s在年度复查中决定转为主动公开（%s），不能重复转换：请在新记录中继续办理",
				r.ID, h.At.Local().Format("2006-01-02 15:04"), h.User, h.Note)
		}
	}
	return nil
}

// Expiry is a classification marking whose secrecy period has run out.
type Expiry struct {
	ID      int64     `json:"id"`
	Title   string    `json:"title"`
	Marking string    `json:"marking"`
	From    string    `json:"from"` // the date the period runs from
	Expires time.Time `json:"expires"`
}

var periodPattern = regexp.MustCompile(`(\d{1,3})(年|个月)`)

// ExpiredMarkings lists the records whose marking's period (机密★1年), counted
// from the date of issue, has run out by now.
func (a *Archive) ExpiredMarkings(ctx context.Context, now time.Time) ([]Expiry, error) {
	var out []Expiry
	err := a.Store.Each(ctx, Filter{BodyContains: `"category":"marking"`}, func(r *Record) error {
		if !r.State.Decided() || r.Date().IsZero() {
			return nil // a period runs from the date of issue: only decided drafts have one
		}
		for _, f := range r.Findings {
			if f.Category != scan.CatMarking {
				continue
			}
			m := periodPattern.FindStringSubmatch(f.Normalized)
			if m == nil {
				continue
			}
			n, _ := strconv.Atoi(m[1])
			from := r.Date()
			exp := from.AddDate(n, 0, 0)
			if m[2] == "个月" {
				exp = from.AddDate(0, n, 0)
			}
			if !exp.After(now) {
				out = append(out, Expiry{ID: r.ID, Title: r.Title, Marking: f.Normalized, From: from.Format("2006-01-02"), Expires: exp})
			}
		}
		return nil
	})
	return out, err
}
