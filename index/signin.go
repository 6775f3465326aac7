package index

import (
	"context"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"
)

// Sign-ins are in the audit chain: each success, each failure and each lock
// the office server's limiter puts on a name is an entry whose actor is the
// name as typed (normalised and cut to a sane length) and whose action says
// what happened and from where: "sign-in:" + outcome + ":" + from, where from
// is "desktop" or the client's address. They describe no row, so verify only
// checks that they are chained.
const (
	signInOK       = "ok"
	signInFailed   = "failed"
	signInDisabled = "disabled"
	signInLocked   = "locked"
)

// maxSignInName is how much of a typed name a sign-in entry keeps.
const maxSignInName = 64

// signInName is the name a sign-in entry records: as sign-in normalises it,
// cut to maxSignInName characters so a megabyte of name costs the chain nothing.
func signInName(name string) string {
	name = UserName(name)
	if utf8.RuneCountInString(name) <= maxSignInName {
		return name
	}
	return string([]rune(name)[:maxSignInName]) + "…"
}

// SignIn checks a name and password, as Authenticate does, and records the
// outcome in the audit chain; from says where the attempt came from. A
// success that cannot be recorded is refused.
func (d *Desk) SignIn(ctx context.Context, name, password, from string) (*User, error) {
	u, err := d.Archive.Store.Authenticate(ctx, name, password)
	outcome := signInOK
	switch {
	case errors.Is(err, errDisabled):
		outcome = signInDisabled
	case errors.Is(err, errLogin):
		outcome = signInFailed
	case err != nil:
		return nil, err
	}
	if rerr := d.Archive.Store.recordSignIn(ctx, name, outcome, from, ""); rerr != nil && err == nil {
		return nil, rerr
	}
	return u, err
}

// Authenticate signs in at the desktop: SignIn from "desktop".
func (d *Desk) Authenticate(ctx context.Context, name, password string) (*User, error) {
	return d.SignIn(ctx, name, password, "desktop")
}

// SignInLocked records that sign-ins for a name are held back for a while
// after repeated failures (the office server's limiter).
func (d *Desk) SignInLocked(ctx context.Context, name, from string, wait time.Duration) error {
	return d.Archive.Store.recordSignIn(ctx, name, signInLocked, from, fmt.Sprintf("%ds", int(wait.Seconds()+0.999)))
}

// recordSignIn appends a sign-in entry; note, when given, is kept as its content.
func (s *Store) recordSignIn(ctx context.Context, name, outcome, from, note string) error {
	tx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := s.appendAudit(ctx, tx, signInName(name), "sign-in:"+outcome+":"+from, 0, note); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return storeErr("无法记录登录", err)
	}
	return nil
}
