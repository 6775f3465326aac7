package index

import (
	"context"

	"prepub/review"
)

// The desk decides who may change accounts: an enabled administrator, as the
// archive has them now (not as they were at sign-in), changes anyone's role,
// department, password or whether they may sign in; everyone changes their own password.

// errNotAdmin is the answer to anyone but an enabled administrator changing accounts.
var errNotAdmin = review.Errorf(review.ErrForbidden, "只有管理员可以管理账号")

// mayManage refuses unless by is an enabled administrator's account.
func (d *Desk) mayManage(ctx context.Context, by string) error {
	u, err := d.Archive.Store.Account(ctx, by)
	if review.ErrorCode(err) == review.ErrNotFound || err == nil && (u.Disabled || u.Role != RoleAdmin) {
		return errNotAdmin
	}
	return err
}

// AddUser creates an account: the first of an archive by anyone (it must be
// an administrator), every later one by an administrator.
func (d *Desk) AddUser(ctx context.Context, u User, password, by string) error {
	n, err := d.Archive.Store.UserCount(ctx)
	if err != nil {
		return err
	}
	if n > 0 {
		if err := d.mayManage(ctx, by); err != nil {
			return err
		}
	}
	return d.Archive.Store.AddUser(ctx, u, password, by)
}

// EditUser changes an account's role, department or whether it is disabled (administrator only).
func (d *Desk) EditUser(ctx context.Context, name string, ch AccountChange, by string) (*User, error) {
	if err := d.mayManage(ctx, by); err != nil {
		return nil, err
	}
	return d.Archive.Store.EditUser(ctx, name, ch, by)
}

// ResetPassword gives an account a new password (administrator only).
func (d *Desk) ResetPassword(ctx context.Context, name, password, by string) error {
	if err := d.mayManage(ctx, by); err != nil {
		return err
	}
	return d.Archive.Store.SetPassword(ctx, name, password, by, "reset")
}

// ChangePassword changes a person's own password, given the old one.
func (d *Desk) ChangePassword(ctx context.Context, name, old, new string) error {
	return d.Archive.Store.ChangePassword(ctx, name, old, new)
}
