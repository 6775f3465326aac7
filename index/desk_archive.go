package index

import (
	"context"
	"time"

	"prepub/review"
)

// The desk also answers, for the screens, what they read and do beside the
// workflow, so the desktop app can use one desk locally or the office
// server's client in its place. Each method takes the caller and decides here
// whether they may: the disclosure office and the administrator keep the
// archive (re-review, report); reviewers and the archive's keepers search it.

// UserCount returns the number of accounts: none means the archive's first
// administrator is still to be made.
func (d *Desk) UserCount(ctx context.Context) (int, error) { return d.Archive.Store.UserCount(ctx) }

// Users lists the accounts to an enabled administrator.
func (d *Desk) Users(ctx context.Context, by string) ([]User, error) {
	if err := d.mayManage(ctx, by); err != nil {
		return nil, err
	}
	return d.Archive.Store.Users(ctx)
}

// Similar returns the decided records closest to a draft's text, the draft
// itself left out, to whoever may search the archive and read that draft.
func (d *Desk) Similar(ctx context.Context, a review.Actor, id int64, n int) ([]Hit, error) {
	if !MaySearch(a.Role) {
		return nil, review.Errorf(review.ErrForbidden, "起草人不能检索档案库")
	}
	if n <= 0 || n > maxSimilar {
		n = defaultSimilar
	}
	r, err := d.Get(ctx, a, id)
	if err != nil {
		return nil, err
	}
	return d.Archive.Similar(ctx, r.Text(), id, n)
}

// How many similar decisions Similar returns when the caller asks for none or too many.
const (
	defaultSimilar = 5
	maxSimilar     = 50
)

// ReviewDue returns the decisions due at the archive's clock for their
// re-review after period (DefaultReviewPeriod when not positive).
func (d *Desk) ReviewDue(ctx context.Context, a review.Actor, period time.Duration) ([]Record, error) {
	if err := mayKeep(a, "办理年度复查"); err != nil {
		return nil, err
	}
	if period <= 0 {
		period = DefaultReviewPeriod
	}
	return d.Archive.ReviewDue(ctx, d.Archive.Store.now(), period)
}

// Keep records a re-review that keeps a decision.
func (d *Desk) Keep(ctx context.Context, a review.Actor, id int64, note string) error {
	if err := mayKeep(a, "办理年度复查"); err != nil {
		return err
	}
	return d.Archive.Keep(ctx, id, a, note)
}

// Convert starts turning a withheld or on-request decision public, on the desk's rules.
func (d *Desk) Convert(ctx context.Context, a review.Actor, id int64, note string) (int64, review.Outcome, error) {
	if err := mayKeep(a, "办理年度复查"); err != nil {
		return 0, review.Outcome{}, err
	}
	return d.Archive.Convert(ctx, d.rules(), id, a, note)
}

// ExpiredMarkings lists the markings whose period has run out by the archive's clock.
func (d *Desk) ExpiredMarkings(ctx context.Context, a review.Actor) ([]Expiry, error) {
	if err := mayKeep(a, "查看保密期限已满的标志"); err != nil {
		return nil, err
	}
	return d.Archive.ExpiredMarkings(ctx, d.Archive.Store.now())
}

// Report builds a year's annual report.
func (d *Desk) Report(ctx context.Context, a review.Actor, year int) (*Report, error) {
	if err := mayKeep(a, "查看年度报告"); err != nil {
		return nil, err
	}
	if err := checkYear(year); err != nil {
		return nil, err
	}
	return d.Archive.Report(ctx, year)
}

// checkYear refuses a year no report or catalogue can be of.
func checkYear(year int) error {
	if year < 2000 || year > 2200 {
		return review.Errorf(review.ErrInvalid, "年度 %d 无效：应在 2000 至 2200 年之间", year)
	}
	return nil
}

// Verify walks the audit chain against the stored rows, for those who keep the archive.
func (d *Desk) Verify(ctx context.Context, a review.Actor) (*Verification, error) {
	if err := mayKeep(a, "核对审计链"); err != nil {
		return nil, err
	}
	return d.Archive.Verify(ctx)
}
