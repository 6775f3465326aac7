package backendtest

import (
	"bytes"
	"fmt"
	"slices"
	"testing"

	"prepub/index"
	"prepub/review"
)

// needToKnow: a clerk reads their own drafts, a reviewer the drafts whose
// route has their step and decided records, the disclosure office and the
// administrator decided records; to anyone else a record does not exist,
// whether they ask for it, its original or its sign-off sheet.
func (o *office) needToKnow(t *testing.T, d *drafts) {
	reads := []struct {
		who  *person
		id   int64
		code string
	}{
		{o.clerk, d.pub, ""},
		{o.clerk, d.open, ""},
		{o.clerk2, d.pub, review.ErrNotFound},
		{o.clerk2, d.req, ""},
		{o.clerk, d.req, review.ErrNotFound},
		{o.legal, d.open, ""},
		{o.principal, d.open, ""},
		{o.deputy, d.open, review.ErrNotFound},
		{o.deputy, d.sec, ""},
		{o.admin, d.open, review.ErrNotFound},
		{o.admin, d.pub, ""},
		{o.disclosure, d.open, review.ErrNotFound},
		{o.disclosure, d.sec, ""},
		{o.secrecy, d.ret, review.ErrNotFound},
		{o.secrecy, missing, review.ErrNotFound},
	}
	for _, r := range reads {
		rec, err := r.who.b.Get(ctx, r.who.a, r.id)
		_, code, serr := r.who.b.Sheet(ctx, r.who.a, r.id)
		if r.code != "" {
			refused(t, fmt.Sprintf("%s reads %d", r.who.a.User, r.id), err, r.code)
			refused(t, fmt.Sprintf("%s prints the sheet of %d", r.who.a.User, r.id), serr, r.code)
			continue
		}
		if err != nil || rec.ID != r.id {
			t.Errorf("%s reads %d: %v", r.who.a.User, r.id, err)
		}
		if serr != nil || code == "" {
			t.Errorf("%s prints the sheet of %d: %q %v", r.who.a.User, r.id, code, serr)
		}
	}
	data, err := o.clerk.b.Original(ctx, d.pub, o.clerk.a)
	if err != nil || !bytes.Equal(data, d.pubData) {
		t.Errorf("the clerk's own original: %d bytes, %v", len(data), err)
	}
	_, err = o.clerk2.b.Original(ctx, d.pub, o.clerk2.a)
	refused(t, "another clerk's original", err, review.ErrNotFound)
	_, err = o.deputy.b.Original(ctx, d.open, o.deputy.a)
	refused(t, "an original off the reviewer's route", err, review.ErrNotFound)
	if data, err := o.legal.b.Original(ctx, d.open, o.legal.a); err != nil || len(data) == 0 {
		t.Errorf("an original on the reviewer's route: %v", err)
	}
}

// search: everyone but a clerk searches decided records, and drafts under
// review only as far as they may read them; similar decisions likewise.
func (o *office) search(t *testing.T, d *drafts) {
	_, err := o.clerk.b.Search(ctx, o.clerk.a, index.Query{Text: "政务公开"})
	refused(t, "a clerk searches", err, review.ErrForbidden)
	for _, p := range []*person{o.disclosure, o.admin, o.deputy, o.secrecy} {
		hits, err := p.b.Search(ctx, p.a, index.Query{Text: "政务公开"})
		if err != nil || !slices.Contains(hitIDs(hits), d.pub) || slices.Contains(hitIDs(hits), d.open) {
			t.Errorf("%s searches 政务公开: %v %v", p.a.User, hitIDs(hits), err)
		}
	}
	hits, err := o.disclosure.b.Search(ctx, o.disclosure.a, index.Query{Attribute: string(review.Withheld)})
	if err != nil || !slices.Equal(hitIDs(hits), []int64{d.sec}) {
		t.Errorf("withheld decisions: %v %v", hitIDs(hits), err)
	}
	under := index.Query{State: string(review.StateSecrecyReview)}
	if hits, err := o.secrecy.b.Search(ctx, o.secrecy.a, under); err != nil || !slices.Equal(hitIDs(hits), []int64{d.open}) {
		t.Errorf("the secrecy officer's drafts under review: %v %v", hitIDs(hits), err)
	}
	if hits, err := o.deputy.b.Search(ctx, o.deputy.a, under); err != nil || len(hits) != 0 {
		t.Errorf("drafts under review off the deputy's route: %v %v", hitIDs(hits), err)
	}

	_, err = o.clerk.b.Similar(ctx, o.clerk.a, d.open, 5)
	refused(t, "a clerk asks for similar decisions", err, review.ErrForbidden)
	_, err = o.deputy.b.Similar(ctx, o.deputy.a, d.open, 5)
	refused(t, "similar decisions to a draft off the route", err, review.ErrNotFound)
	_, err = o.legal.b.Similar(ctx, o.legal.a, missing, 5)
	refused(t, "similar decisions to no draft", err, review.ErrNotFound)
	sim, err := o.legal.b.Similar(ctx, o.legal.a, d.open, 5)
	if err != nil || !slices.Contains(hitIDs(sim), d.sec) || slices.Contains(hitIDs(sim), d.open) {
		t.Errorf("similar to the open draft: %v %v", hitIDs(sim), err)
	}
	if one, err := o.legal.b.Similar(ctx, o.legal.a, d.open, 1); err != nil || len(one) != 1 || one[0].ID != sim[0].ID {
		t.Errorf("the one most similar: %v %v", hitIDs(one), err)
	}
}

// files: the release copy is for whoever may search the archive, never a
// drafting clerk; the public decision's is the copy kept at its signature.
func (o *office) files(t *testing.T, d *drafts) {
	_, err := o.clerk.b.ReleaseCopy(ctx, d.pub, o.clerk.a)
	refused(t, "a clerk exports a release copy", err, review.ErrForbidden)
	c, err := o.disclosure.b.ReleaseCopy(ctx, d.pub, o.disclosure.a)
	if err != nil || c.DraftID != d.pub || !c.Stored || len(c.Data) == 0 || c.Hash == "" || c.Name == "" {
		t.Fatalf("the release copy: %+v %v", c, err)
	}
	_, err = o.disclosure.b.ReleaseCopy(ctx, missing, o.disclosure.a)
	refused(t, "the release copy of no draft", err, review.ErrNotFound)
	_, err = o.disclosure.b.ReleaseCopy(ctx, d.sec, o.disclosure.a)
	refused(t, "the release copy of a withheld decision", err, review.ErrConflict)
}
