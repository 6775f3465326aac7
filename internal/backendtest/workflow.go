package backendtest

import (
	"slices"
	"strings"
	"testing"

	"prepub/index"
	"prepub/review"
)

// drafts are the suite's drafts, by what becomes of them; the IDs are the
// order they are submitted in, the same on every backend.
type drafts struct {
	pub, sec, req, ret, broken, open int64
	pubData                          []byte
}

// The IDs every backend gives the suite's drafts, in a store of their own.
const (
	idPub int64 = iota + 1
	idSec
	idReq
	idRet
	idBroken
	idOpen
	idConverted
)

// missing is an ID no store under test has.
const missing int64 = 9999

// submit: clerks submit real files; a draft with no attribute and one that
// cannot be read come back at once; only clerks submit.
func (o *office) submit(t *testing.T, d *drafts) {
	clerk, clerk2 := o.clerk, o.clerk2
	d.pubData = corpusDocx(t, "xuyi-news.txt", 12)
	secret := corpusDocx(t, "county-summary.txt", 8, "机密★1年")
	withheld := review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: "载明防汛物资储备库位置和数量，经定密属于国家秘密事项", Title: "关于防汛物资储备的通知"}
	steps := []struct {
		id    *int64
		who   *person
		name  string
		data  []byte
		dec   review.Decision
		state review.State
		route []review.Role
	}{
		{&d.pub, clerk, "盱眙县政务公开工作动态.docx", d.pubData, review.Decision{Attribute: review.Public, Title: "盱眙县政务公开工作动态"},
			review.StateDeputySignOff, []review.Role{review.DeputyHead}},
		{&d.sec, clerk, "防汛物资储备.docx", secret, withheld,
			review.StateSecrecyReview, []review.Role{review.SecrecyOfficer, review.LegalOffice, review.PrincipalHead}},
		{&d.req, clerk2, "开阳县政务公开推进会讲话.txt", corpusText(t, "kaiyang-speech.txt"),
			review.Decision{Attribute: review.OnRequest, Reason: "讲话涉及尚在研究的工作安排，依申请提供"},
			review.StateDeputySignOff, []review.Role{review.DeputyHead}},
		{&d.ret, clerk, "實施意見.txt", corpusText(t, "opinion-traditional.txt"), review.Decision{},
			review.StateReturned, nil},
		{&d.broken, clerk, "损坏的文件.docx", []byte("PK\x03\x04 这不是一个完整的 docx"), review.Decision{Attribute: review.Public},
			review.StateReturned, nil},
		{&d.open, clerk, "防汛物资调度.docx", secret, withheld,
			review.StateSecrecyReview, []review.Role{review.SecrecyOfficer, review.LegalOffice, review.PrincipalHead}},
	}
	for i, s := range steps {
		rec, err := s.who.b.Submit(ctx, s.who.a, s.who.u.Department, s.name, s.data, s.dec)
		if err != nil {
			t.Fatalf("submit %s: %v", s.name, err)
		}
		*s.id = rec.ID
		if rec.ID != int64(i+1) || rec.State != s.state || !slices.Equal(stepRoles(rec.Route), s.route) {
			t.Errorf("%s: id %d state %s route %v, want %d %s %v", s.name, rec.ID, rec.State, stepRoles(rec.Route), i+1, s.state, s.route)
		}
		if rec.Drafter != s.who.a.User || rec.Department != s.who.u.Department || rec.File != s.name {
			t.Errorf("%s: drafter %q department %q file %q", s.name, rec.Drafter, rec.Department, rec.File)
		}
	}
	if ret, _ := clerk.b.Get(ctx, clerk.a, d.ret); ret == nil || !hasReturn(ret, "no-attribute") {
		t.Errorf("a draft without an attribute: %+v", ret)
	}
	if br, _ := clerk.b.Get(ctx, clerk.a, d.broken); br == nil || br.Unreadable == "" {
		t.Errorf("a broken file was not recorded as unreadable: %+v", br)
	}

	_, err := o.secrecy.b.Submit(ctx, o.secrecy.a, "", "a.txt", []byte("通知"), review.Decision{Attribute: review.Public})
	refused(t, "a secrecy officer submits", err, review.ErrForbidden)
	_, err = clerk.b.Submit(ctx, clerk.a, clerk.u.Department, "a.txt", []byte("通知"), review.Decision{Attribute: review.Public, Title: strings.Repeat("长", 10000)})
	refused(t, "a title over its limit", err, review.ErrInvalid)
}

// hasReturn reports whether a returned draft gives a reason with a code.
func hasReturn(r *index.Record, code string) bool {
	return slices.ContainsFunc(r.Outcome.Returns, func(x review.Return) bool { return x.Code == code })
}

// review: each queue holds what waits for its role; each step acts with its
// opinion; a return goes back to its clerk, who sends it again; nobody acts
// out of turn, on a decided draft, or on one that does not exist.
func (o *office) review(t *testing.T, d *drafts) {
	queue := func(p *person, want ...int64) {
		t.Helper()
		q, err := p.b.Queue(ctx, p.a)
		if err != nil || !slices.Equal(ids(q), want) {
			t.Errorf("%s's queue %v (%v), want %v", p.a.User, ids(q), err, want)
		}
	}
	queue(o.secrecy, d.sec, d.open)
	queue(o.legal)
	queue(o.deputy, d.pub, d.req)
	queue(o.principal)
	queue(o.clerk, d.ret, d.broken)
	queue(o.clerk2)
	queue(o.admin)
	queue(o.disclosure)

	_, err := o.deputy.b.Act(ctx, d.sec, o.deputy.a, review.ActionApprove, -1, "")
	refused(t, "a reviewer off the draft's route acts", err, review.ErrNotFound)
	_, err = o.legal.b.Act(ctx, d.sec, o.legal.a, review.ActionApprove, -1, "")
	refused(t, "the legal office acts before its step", err, review.ErrForbidden)
	_, err = o.secrecy.b.Act(ctx, d.sec, o.secrecy.a, review.ActionApprove, -1, "")
	refused(t, "approve with a finding unresolved", err, review.ErrConflict)
	_, err = o.secrecy.b.Act(ctx, missing, o.secrecy.a, review.ActionApprove, -1, "")
	refused(t, "act on a draft that does not exist", err, review.ErrNotFound)
	_, err = o.secrecy.b.Act(ctx, d.sec, o.secrecy.a, "publish", -1, "")
	refused(t, "an unknown action", err, review.ErrInvalid)
	_, err = o.secrecy.b.Act(ctx, d.sec, o.secrecy.a, review.ActionConfirm, 999, "")
	refused(t, "a finding that does not exist", err, review.ErrNotFound)

	rec := o.resolve(t, o.secrecy, d.sec)
	rec = o.act(t, o.secrecy, rec.ID, review.ActionApprove, "", review.StateLegalReview)
	rec = o.act(t, o.legal, rec.ID, review.ActionApprove, "依据适当，同意不予公开", review.StatePrincipalSign)
	rec = o.act(t, o.principal, rec.ID, review.ActionSign, "同意", review.StateWithheldFinal)
	if n := len(rec.History); n < 5 || rec.History[n-1].Note != "同意" || rec.History[n-2].Note != "依据适当，同意不予公开" {
		t.Errorf("the opinions are not in the history: %+v", rec.History)
	}

	o.act(t, o.deputy, d.pub, review.ActionSign, "同意公开", review.StatePublished)
	_, err = o.deputy.b.Act(ctx, d.pub, o.deputy.a, review.ActionSign, -1, "")
	refused(t, "sign a decided draft", err, review.ErrConflict)

	o.act(t, o.deputy, d.req, review.ActionReturn, "请写明依申请公开的具体理由", review.StateReturned)
	queue(o.clerk2, d.req)
	queue(o.deputy)
	again := review.Decision{Attribute: review.OnRequest, Reason: "讲话涉及尚在研究、未经决定的工作安排，公开可能引起误解，依申请提供"}
	_, err = o.clerk.b.Resubmit(ctx, d.req, o.clerk.a, again)
	refused(t, "another clerk resubmits", err, review.ErrNotFound)
	rec, err = o.clerk2.b.Resubmit(ctx, d.req, o.clerk2.a, again)
	if err != nil || rec.State != review.StateDeputySignOff || rec.Decision.Reason != again.Reason {
		t.Fatalf("resubmit: %v %+v", err, rec)
	}
	_, err = o.clerk2.b.Resubmit(ctx, d.req, o.clerk2.a, again)
	refused(t, "resubmit a draft under review", err, review.ErrConflict)
	o.act(t, o.deputy, d.req, review.ActionSign, "同意依申请公开", review.StateOnRequest)

	queue(o.secrecy, d.open)
	queue(o.deputy)
	queue(o.principal)
}

// resolve has the secrecy officer confirm each marking and clear every other
// high or critical finding of a draft, and returns the draft as it is then.
func (o *office) resolve(t *testing.T, p *person, id int64) *index.Record {
	t.Helper()
	rec, err := p.b.Get(ctx, p.a, id)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range rec.Findings {
		if f.Severity != "high" && f.Severity != "critical" {
			continue
		}
		action, note := review.ActionClear, "属公开的工作表述，不涉密"
		if f.Category == "marking" {
			action, note = review.ActionConfirm, "确属国家秘密"
		}
		if rec, err = p.b.Act(ctx, id, p.a, action, i, note); err != nil {
			t.Fatalf("%s finding %d (%s %q): %v", action, i, f.Category, f.Text, err)
		}
	}
	return rec
}

// act applies one action with its opinion and checks the state it leads to.
func (o *office) act(t *testing.T, p *person, id int64, action, note string, want review.State) *index.Record {
	t.Helper()
	rec, err := p.b.Act(ctx, id, p.a, action, -1, note)
	if err != nil {
		t.Fatalf("%s %s on %d: %v", p.a.User, action, id, err)
	}
	if rec.ID != id || rec.State != want {
		t.Errorf("%s %s on %d: %d %s, want %s", p.a.User, action, id, rec.ID, rec.State, want)
	}
	return rec
}
