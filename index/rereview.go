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
	err := a.Store.Each(ctx, "state IN ($1, $2)", []any{string(review.StateWithheldFinal), string(review.StateOnRequest)}, func(r *Record) error {
		if !r.lastReviewed().Add(period).After(now) {
			r.Parts = nil // the queue shows titles, not texts
			due = append(due, *r)
		}
		return nil
	})
	return due, err
}

// Keep records a re-review that keeps the decision, with the reviewer's note.
func (a *Archive) Keep(ctx context.Context, id int64, actor, note string) error {
	if note == "" {
		return review.Errorf(review.ErrInvalid, "维持原决定须写明理由")
	}
	r, err := a.reviewable(ctx, id)
	if err != nil {
		return err
	}
	now := a.Store.now()
	r.ReviewedAt = now
	r.History = append(r.History, review.Action{Action: ActionKeep, User: actor, Role: "disclosure-office", Step: -1, Note: note, At: now, State: r.State})
	_, err = a.Put(ctx, r, nil, actor, ActionKeep)
	return err
}

// Convert starts the conversion of a withheld or on-request record to public:
// a new record with a public decision, checked by the rules and waiting at the
// first step of its new route (or returned, with reasons). It returns the new
// record's ID and the check's outcome.
func (a *Archive) Convert(ctx context.Context, rules *review.Rules, id int64, actor, note string) (int64, review.Outcome, error) {
	r, err := a.reviewable(ctx, id)
	if err != nil {
		return 0, review.Outcome{}, err
	}
	file, err := a.Store.File(ctx, id)
	if err != nil {
		return 0, review.Outcome{}, err
	}
	dec := review.Decision{Attribute: review.Public, Title: r.Title, Reason: note, DocType: r.Decision.Kind(), ValidUntil: r.Decision.ValidUntil}
	w := review.NewWorkflow(rules, actor, review.Draft{Report: toWorkflow(r, rules).Draft.Report}, dec)
	w.Clock = a.Store.now
	now := a.Store.now()
	next := &Record{
		Title: r.Title, Department: r.Department, File: r.File, FileHash: r.FileHash, IssueDate: r.IssueDate, Drafter: actor,
		Findings: r.Findings, Statements: r.Statements, Coverage: r.Coverage, Parts: r.Parts, Unreadable: r.Unreadable,
	}
	fromWorkflow(next, w)
	next.History = append([]review.Action{{Action: ActionConvert, User: actor, Role: "disclosure-office", Step: -1,
		Note: fmt.Sprintf("由第 %d 号记录年度复查转为主动公开：%s", id, note), At: now, State: w.State}}, next.History...)
	newID, err := a.Put(ctx, next, file, actor, ActionConvert)
	if err != nil {
		return 0, review.Outcome{}, err
	}
	r.ReviewedAt = now
	r.History = append(r.History, review.Action{Action: ActionConvert, User: actor, Role: "disclosure-office", Step: -1,
		Note: fmt.Sprintf("年度复查决定转为主动公开，新记录第 %d 号：%s", newID, note), At: now, State: r.State})
	if _, err := a.Put(ctx, r, nil, actor, ActionConvert); err != nil {
		return newID, w.Outcome, err
	}
	return newID, w.Outcome, nil
}

func (a *Archive) reviewable(ctx context.Context, id int64) (*Record, error) {
	r, err := a.Store.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if r.State != review.StateWithheldFinal && r.State != review.StateOnRequest {
		return nil, review.Errorf(review.ErrConflict, "第 %d 号记录不是不予公开或依申请公开的决定，无需年度复查", id)
	}
	return r, nil
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
	err := a.Store.Each(ctx, "body LIKE $1", []any{`%"category":"marking"%`}, func(r *Record) error {
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
