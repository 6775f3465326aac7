package backendtest

import (
	"slices"
	"testing"
	"time"

	"prepub/index"
	"prepub/review"
)

// paperwork: the disclosure office (and the administrator) keep the
// catalogue, validity marks and the annual report; nobody else does.
func (o *office) paperwork(t *testing.T, d *drafts) {
	off := o.disclosure
	year, err := off.b.LatestDecisionYear(ctx, off.a)
	if err != nil || year != time.Now().Year() {
		t.Errorf("latest decision year %d %v", year, err)
	}
	_, err = o.clerk.b.LatestDecisionYear(ctx, o.clerk.a)
	refused(t, "a clerk asks the report's year", err, review.ErrForbidden)

	entries, err := off.b.CatalogueEntries(ctx, off.a, year)
	if err != nil || len(entries) != 1 || entries[0].ID != d.pub || entries[0].Title != "盱眙县政务公开工作动态" || entries[0].IndexNo == "" {
		t.Errorf("the catalogue: %+v %v", entries, err)
	}
	_, err = o.deputy.b.CatalogueEntries(ctx, o.deputy.a, year)
	refused(t, "a deputy head reads the catalogue", err, review.ErrForbidden)
	_, err = off.b.CatalogueEntries(ctx, off.a, 1999)
	refused(t, "the catalogue of a year out of range", err, review.ErrInvalid)

	e, err := off.b.CorrectCatalogue(ctx, off.a, d.pub, index.FieldTitle, "盱眙县多措并举推进政务公开", "标题与正文一致")
	if err != nil || e.ID != d.pub || e.Title != "盱眙县多措并举推进政务公开" {
		t.Errorf("correct the title: %+v %v", e, err)
	}
	_, err = off.b.CorrectCatalogue(ctx, off.a, d.pub, "index_no", "X-1", "")
	refused(t, "correct the index number", err, review.ErrInvalid)
	_, err = off.b.CorrectCatalogue(ctx, off.a, d.sec, index.FieldTitle, "标题", "")
	refused(t, "correct a withheld decision's entry", err, review.ErrNotFound)
	_, err = o.clerk.b.CorrectCatalogue(ctx, o.clerk.a, d.pub, index.FieldTitle, "标题", "")
	refused(t, "a clerk corrects the catalogue", err, review.ErrForbidden)

	today := time.Now().Format("2006-01-02")
	m, err := o.admin.b.SetValidity(ctx, o.admin.a, d.pub, index.Repealed, today, "已被新文件替代")
	if err != nil || m.ID != d.pub || m.Status != index.Repealed || m.Since != today {
		t.Errorf("mark repealed: %+v %v", m, err)
	}
	_, err = off.b.SetValidity(ctx, off.a, d.pub, "bogus", today, "")
	refused(t, "an unknown validity", err, review.ErrInvalid)
	_, err = off.b.SetValidity(ctx, off.a, d.open, index.Repealed, today, "")
	refused(t, "mark a draft under review", err, review.ErrConflict)
	_, err = o.legal.b.SetValidity(ctx, o.legal.a, d.pub, index.Repealed, today, "")
	refused(t, "the legal office marks validity", err, review.ErrForbidden)

	vals, err := off.b.SetReportValues(ctx, off.a, year, map[string]string{"penalty": "7"})
	if err != nil || vals["penalty"] != "7" {
		t.Errorf("type a report item: %v %v", vals, err)
	}
	if vals, err := off.b.ReportValues(ctx, off.a, year); err != nil || vals["penalty"] != "7" {
		t.Errorf("read the typed items: %v %v", vals, err)
	}
	_, err = off.b.SetReportValues(ctx, off.a, year, map[string]string{"penalty": "七"})
	refused(t, "a count that is not a number", err, review.ErrInvalid)
	_, err = off.b.SetReportValues(ctx, off.a, year, map[string]string{"no-such-item": "1"})
	refused(t, "an item the report does not have", err, review.ErrInvalid)
	_, err = o.clerk.b.ReportValues(ctx, o.clerk.a, year)
	refused(t, "a clerk reads the typed items", err, review.ErrForbidden)
	_, err = o.clerk.b.SetReportValues(ctx, o.clerk.a, year, map[string]string{"penalty": "1"})
	refused(t, "a clerk types report items", err, review.ErrForbidden)

	rep, err := off.b.Report(ctx, off.a, year)
	if err != nil || rep.Year != year || rep.Total != 3 || rep.ByAttribute[string(review.Public)] != 1 ||
		rep.ByAttribute[string(review.OnRequest)] != 1 || rep.ByAttribute[string(review.Withheld)] != 1 || rep.ByBasis["state-secret"] != 1 {
		t.Errorf("the annual report: %+v %v", rep, err)
	}
	_, err = o.principal.b.Report(ctx, o.principal.a, year)
	refused(t, "a principal head reads the report", err, review.ErrForbidden)
	_, err = off.b.Report(ctx, off.a, 1999)
	refused(t, "the report of a year out of range", err, review.ErrInvalid)
}

// rereview: the yearly re-review keeps a decision with a reason, or turns it
// public as a new draft on its route, once; only the archive's keepers do it.
func (o *office) rereview(t *testing.T, d *drafts) {
	off := o.disclosure
	due, err := off.b.ReviewDue(ctx, off.a, index.DefaultReviewPeriod)
	if err != nil || len(due) != 0 {
		t.Errorf("due a year after decisions made today: %v %v", ids(due), err)
	}
	due, err = off.b.ReviewDue(ctx, off.a, time.Millisecond)
	if err != nil || !slices.Equal(ids(due), []int64{d.sec, d.req}) {
		t.Errorf("due a moment after their decisions: %v %v, want %v", ids(due), err, []int64{d.sec, d.req})
	}
	_, err = o.clerk.b.ReviewDue(ctx, o.clerk.a, index.DefaultReviewPeriod)
	refused(t, "a clerk lists the re-review", err, review.ErrForbidden)
	exp, err := off.b.ExpiredMarkings(ctx, off.a)
	if err != nil || len(exp) != 0 {
		t.Errorf("expired markings of a one-year marking made today: %+v %v", exp, err)
	}
	_, err = o.secrecy.b.ExpiredMarkings(ctx, o.secrecy.a)
	refused(t, "a secrecy officer lists expired markings", err, review.ErrForbidden)

	refused(t, "keep without a reason", off.b.Keep(ctx, off.a, d.sec, ""), review.ErrInvalid)
	refused(t, "keep a public decision", off.b.Keep(ctx, off.a, d.pub, "维持"), review.ErrConflict)
	refused(t, "keep no decision", off.b.Keep(ctx, off.a, missing, "维持"), review.ErrNotFound)
	refused(t, "a clerk keeps a decision", o.clerk.b.Keep(ctx, o.clerk.a, d.sec, "维持"), review.ErrForbidden)
	if err := off.b.Keep(ctx, off.a, d.sec, "储备库位置仍属国家秘密，维持不予公开"); err != nil {
		t.Errorf("keep: %v", err)
	}
	if rec, err := off.b.Get(ctx, off.a, d.sec); err != nil || rec.History[len(rec.History)-1].Action != index.ActionKeep {
		t.Errorf("the kept decision's history: %v", err)
	}

	_, _, err = o.deputy.b.Convert(ctx, o.deputy.a, d.req, "情形已消失")
	refused(t, "a deputy head converts", err, review.ErrForbidden)
	_, _, err = off.b.Convert(ctx, off.a, d.pub, "已公开")
	refused(t, "convert a public decision", err, review.ErrConflict)
	id, out, err := off.b.Convert(ctx, off.a, d.req, "原依申请公开的情形已消失，转为主动公开")
	if err != nil || id != idConverted || out.Result != "routed" || !slices.Equal(stepRoles(out.Route), []review.Role{review.DeputyHead}) {
		t.Fatalf("convert: %d %+v %v", id, out, err)
	}
	_, _, err = off.b.Convert(ctx, off.a, d.req, "再次转换")
	refused(t, "convert twice", err, review.ErrConflict)
	if q, err := o.deputy.b.Queue(ctx, o.deputy.a); err != nil || !slices.Equal(ids(q), []int64{id}) {
		t.Errorf("the converted draft waits for the deputy head: %v %v", ids(q), err)
	}
	o.act(t, o.deputy, id, review.ActionSign, "同意转为主动公开", review.StatePublished)
}

// stepRoles returns a route's roles.
func stepRoles(route []review.Step) []review.Role {
	var out []review.Role
	for _, s := range route {
		out = append(out, s.Role)
	}
	return out
}

// mine: a clerk's own drafts and the drafts a reviewer acted on, newest
// first; roles that neither draft nor review have none to ask for.
func (o *office) mine(t *testing.T, d *drafts) {
	for _, m := range []struct {
		who  *person
		want []int64
	}{
		{o.clerk, []int64{d.open, d.broken, d.ret, d.sec, d.pub}},
		{o.clerk2, []int64{d.req}},
		{o.secrecy, []int64{d.sec}},
		{o.legal, []int64{d.sec}},
		{o.deputy, []int64{idConverted, d.req, d.pub}},
		{o.principal, []int64{d.sec}},
	} {
		got, err := m.who.b.Mine(ctx, m.who.a)
		if err != nil || !slices.Equal(ids(got), m.want) {
			t.Errorf("%s's drafts %v (%v), want %v", m.who.a.User, ids(got), err, m.want)
		}
	}
	for _, p := range []*person{o.admin, o.disclosure} {
		_, err := p.b.Mine(ctx, p.a)
		refused(t, p.a.User+" asks for their drafts", err, review.ErrForbidden)
	}
}
