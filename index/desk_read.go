package index

import (
	"context"
	"slices"

	"prepub/review"
)

// Who may read which record is decided here, for the desktop app and the
// office server alike: a clerk reads their own drafts; a reviewer the drafts
// whose route has their step, and decided records; the disclosure office and
// the administrator decided records. A record someone may not read is, to
// them, a record that does not exist.

// mayRead reports whether an account may read a record.
func mayRead(r *Record, a review.Actor) bool {
	switch {
	case a.Role == review.RoleClerk:
		return r.Drafter == a.User
	case !validAccountRole(a.Role):
		return false
	case r.State.Decided():
		return true
	}
	return slices.ContainsFunc(r.Route, func(s review.Step) bool { return s.Role == a.Role })
}

// notFound is the refusal of a record that does not exist or that the caller may not read.
func notFound(id int64) error {
	return review.Errorf(review.ErrNotFound, "档案库中没有编号为 %d 的记录", id)
}

// Get returns one record to an account that may read it; to anyone else it is not found.
func (d *Desk) Get(ctx context.Context, a review.Actor, id int64) (*Record, error) {
	r, err := d.Archive.Store.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if !mayRead(r, a) {
		return nil, notFound(id)
	}
	return r, nil
}

// Search searches the archive for an account that may: decided records, and
// drafts still under review (asked for by state) only those it may read. A
// drafting clerk is refused.
func (d *Desk) Search(ctx context.Context, a review.Actor, q Query) ([]Hit, error) {
	if !MaySearch(a.Role) {
		return nil, review.Errorf(review.ErrForbidden, "起草人不能检索档案库")
	}
	hits, err := d.Archive.Search(ctx, q)
	if err != nil || q.State == "" || review.State(q.State).Decided() {
		return hits, err
	}
	out := hits[:0]
	for _, h := range hits {
		r, err := d.Archive.Store.Get(ctx, h.ID)
		if err != nil {
			return nil, err
		}
		if mayRead(r, a) {
			out = append(out, h)
		}
	}
	return out, nil
}
