package index

import (
	"context"
	"encoding/json"
	"slices"

	"prepub/review"
)

// Mine lists the drafts a person had a hand in, newest first: for a drafting
// clerk every draft they submitted, in whatever state; for a reviewer every
// draft they acted on (confirmed or cleared a finding, passed, signed or
// returned it), from the drafts' history. Other roles neither draft nor
// review, and are refused.
func (d *Desk) Mine(ctx context.Context, a review.Actor) ([]Record, error) {
	var f Filter
	if a.Role == review.RoleClerk {
		f = Filter{Drafter: a.User}
	} else {
		if _, ok := review.StepState(a.Role); !ok {
			return nil, review.Errorf(review.ErrForbidden, "您的角色（%s）不起草也不审核草稿，没有经办的草稿", RoleName(a.Role))
		}
		name, err := json.Marshal(a.User)
		if err != nil {
			return nil, review.Errorf(review.ErrInvalid, "用户名无效")
		}
		f = Filter{BodyContains: `"user":` + string(name)} // narrowed; actedOn decides
	}
	var out []Record
	err := d.Archive.Store.Each(ctx, f, func(r *Record) error {
		if a.Role == review.RoleClerk || actedOn(r, a.User) {
			out = append(out, *r)
		}
		return nil
	})
	slices.Reverse(out)
	return out, err
}

// reviewActions are the actions a reviewer takes on a draft.
var reviewActions = []string{review.ActionConfirm, review.ActionClear, review.ActionApprove, review.ActionSign, review.ActionReturn}

// actedOn reports whether user took a reviewer's action on the draft.
func actedOn(r *Record, user string) bool {
	for _, h := range r.History {
		if h.User == user && slices.Contains(reviewActions, h.Action) {
			return true
		}
	}
	return false
}
