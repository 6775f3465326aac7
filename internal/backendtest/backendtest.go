// Package backendtest is the one conformance suite of index.Backend: the
// same calls, by the same people, with the same refusals and codes, whether
// the screens talk to the local index.Desk or to the office server through
// package client. Tests of each backend call Run with a way to open it.
package backendtest

import (
	"context"
	"testing"

	"prepub/index"
	"prepub/review"
)

// The administrator every store handed to Run must already have, and the
// password the suite signs in with.
const (
	Admin         = "管理员"
	AdminPassword = "password-1"
)

// password is the password the suite gives the accounts it makes.
const password = "password-1"

// Open returns a backend over the store under test, not signed in: for the
// desk the desk itself, for the office server a new client connection.
type Open func(t *testing.T) index.Backend

// person is one signed-in account: a backend of their own and who they are.
type person struct {
	b index.Backend
	a review.Actor
	u index.User
}

// office is everyone the suite signs in, over one store.
type office struct {
	open                                                                Open
	admin, clerk, clerk2, secrecy, legal, deputy, principal, disclosure *person
}

// people are the accounts the administrator makes, in order.
var people = []index.User{
	{Name: "张起草", Role: review.RoleClerk, Department: "县政府办"},
	{Name: "赵起草", Role: review.RoleClerk, Department: "县发改委"},
	{Name: "李保密", Role: review.SecrecyOfficer},
	{Name: "王法制", Role: review.LegalOffice},
	{Name: "孙分管", Role: review.DeputyHead},
	{Name: "钱主要", Role: review.PrincipalHead},
	{Name: "周公开", Role: index.RoleDisclosureOffice},
}

var ctx = context.Background()

// Run drives every Backend method through a whole year of an office's work
// on a store with only the administrator Admin: accounts, drafts submitted,
// reviewed, returned, resubmitted and signed, need-to-know reads, search,
// files, the disclosure office's paperwork and the yearly re-review. Each
// refusal must carry the code every backend gives; each result the IDs,
// states and routes every backend gives.
func Run(t *testing.T, open Open) {
	o := &office{open: open}
	t.Run("Accounts", o.accounts)
	if t.Failed() {
		return
	}
	d := &drafts{}
	t.Run("Submit", func(t *testing.T) { o.submit(t, d) })
	if t.Failed() {
		return
	}
	t.Run("Review", func(t *testing.T) { o.review(t, d) })
	if t.Failed() {
		return
	}
	t.Run("NeedToKnow", func(t *testing.T) { o.needToKnow(t, d) })
	t.Run("Search", func(t *testing.T) { o.search(t, d) })
	t.Run("Files", func(t *testing.T) { o.files(t, d) })
	t.Run("Paperwork", func(t *testing.T) { o.paperwork(t, d) })
	t.Run("ReReview", func(t *testing.T) { o.rereview(t, d) })
	t.Run("Mine", func(t *testing.T) { o.mine(t, d) })
}

// signIn opens a backend and signs a person in on it.
func (o *office) signIn(t *testing.T, name, pw string) *person {
	t.Helper()
	b := o.open(t)
	u, err := b.Authenticate(ctx, name, pw)
	if err != nil {
		t.Fatalf("%s signs in: %v", name, err)
	}
	return &person{b: b, a: review.Actor{User: u.Name, Role: u.Role}, u: *u}
}

// refused fails unless err is a refusal with the given code and a Chinese message.
func refused(t *testing.T, what string, err error, code string) {
	t.Helper()
	if got := review.ErrorCode(err); got != code {
		t.Errorf("%s: code %q (%v), want %q", what, got, err, code)
		return
	}
	if msg := review.ErrorMessage(err); !hasHan(msg) {
		t.Errorf("%s: message %q is not Chinese", what, msg)
	}
}

// hasHan reports whether a message has a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

// ids returns the IDs of records, in order.
func ids(recs []index.Record) []int64 {
	out := make([]int64, len(recs))
	for i, r := range recs {
		out[i] = r.ID
	}
	return out
}

// hitIDs returns the IDs of hits, in order.
func hitIDs(hits []index.Hit) []int64 {
	out := make([]int64, len(hits))
	for i, h := range hits {
		out[i] = h.ID
	}
	return out
}
