package index

import (
	"context"
	"fmt"
	"sync/atomic"

	"prepub/review"
	"prepub/review/extract"
	"prepub/review/scan"
)

// Desk is where drafts move through their review: submitted by a clerk,
// acted on by each step of their route, kept in the archive at every step.
// The desktop app and the office server both use it; every rule it applies
// comes from review.
type Desk struct {
	Archive *Archive
	Rules   *review.Rules
	Scanner *scan.Scanner
	// Catalogue numbers the drafts decided public; nil: the archive's scheme
	// in force (its folder's catalogue.toml, else the default).
	Catalogue *CatalogueScheme
	policy    atomic.Pointer[review.Policy] // set by UsePolicy (desk_policy.go)
}

// Submit scans a draft, checks the clerk's decision and records it: returned
// with reasons, or waiting at the first step of its route. A draft that
// cannot be read is recorded as returned, so nothing the clerk did is lost.
// Only a drafting clerk submits; a decision with a field over its limit, or
// one a store cannot keep, is refused before the file is read.
func (d *Desk) Submit(ctx context.Context, clerk review.Actor, department, name string, data []byte, dec review.Decision) (*Record, error) {
	rec, err := d.prepare(clerk, department, name, data, dec)
	if err != nil {
		return nil, err
	}
	if _, err := d.Archive.Put(ctx, rec, data, clerk.User, review.ActionSubmit); err != nil {
		return nil, err
	}
	return rec, nil
}

// MaySubmit refuses anyone but a drafting clerk: the office server asks it
// before reading an upload, Submit again before keeping one.
func MaySubmit(a review.Actor) error {
	if a.Role != review.RoleClerk {
		return review.Errorf(review.ErrForbidden, "只有起草人可以提交草稿")
	}
	return nil
}

// prepare checks a submission's typed fields, scans its file and checks the
// decision: the record Submit writes, not yet written.
func (d *Desk) prepare(clerk review.Actor, department, name string, data []byte, dec review.Decision) (*Record, error) {
	if err := MaySubmit(clerk); err != nil {
		return nil, err
	}
	if err := review.CheckText("文件名", name, review.MaxFileRunes); err != nil {
		return nil, err
	}
	if err := dec.CheckLimits(); err != nil {
		return nil, err
	}
	dec.Interpretation = attachment(nil, dec.Interpretation)
	rules, sc, version := d.inForce()
	rep := sc.ScanBytes(name, data, extract.DefaultLimits(), scan.Options{Attr: string(dec.Attribute)})
	w := review.NewWorkflow(rules, clerk.User, review.Draft{Report: rep}, dec)
	w.Clock = d.Archive.Store.now
	rec := scannedRecord(name, data, rep, dec.Title)
	rec.Department, rec.Drafter, rec.PolicyVersion = department, clerk.User, version
	fromWorkflow(rec, w)
	return rec, nil
}

// Act applies one person's action to a draft under review, or refuses it with
// a Chinese message and changes nothing.
func (d *Desk) Act(ctx context.Context, id int64, a review.Actor, action string, finding int, note string) (*Record, error) {
	return d.update(ctx, id, a, action, func(w *review.Workflow) error {
		return w.Act(a, action, finding, note)
	})
}

// Resubmit sends a returned draft again with the clerk's new decision.
func (d *Desk) Resubmit(ctx context.Context, id int64, a review.Actor, dec review.Decision) (*Record, error) {
	return d.update(ctx, id, a, review.ActionResubmit, func(w *review.Workflow) error {
		dec.Interpretation = attachment(w.Decision.Interpretation, dec.Interpretation)
		return w.Resubmit(a, dec)
	})
}

// update applies an action to a draft; to someone who may not read it
// (desk_read.go), it is not found. The signature that decides it public
// or on request also keeps its release copy (release_copy.go), and one that
// decides it public enters it in the catalogue, in the same transaction; its
// history says so.
func (d *Desk) update(ctx context.Context, id int64, a review.Actor, action string, act func(*review.Workflow) error) (*Record, error) {
	rec, err := d.Archive.Store.update(ctx, id, a.User, action, func(ctx context.Context, tx *writeTx, r *Record) error {
		if !mayRead(r, a) {
			return notFound(id) // a draft the caller may not read is not there to act on
		}
		was := r.State
		w := toWorkflow(r, d.rules())
		w.Clock = d.Archive.Store.now
		if err := act(w); err != nil {
			return err
		}
		fromWorkflow(r, w)
		if was.Decided() || !r.State.Decided() || r.State == review.StateWithheldFinal {
			return nil
		}
		if err := d.Archive.Store.keepReleaseCopy(ctx, tx, r, a); err != nil {
			return err
		}
		if r.State != review.StatePublished {
			return nil
		}
		return d.enterCatalogue(ctx, tx, r, a)
	}, nil)
	if err != nil {
		return nil, err
	}
	d.Archive.index(rec)
	return rec, nil
}

// enterCatalogue gives a draft just decided public its catalogue entry, on the
// desk's scheme, and notes the index number in its history.
func (d *Desk) enterCatalogue(ctx context.Context, tx *writeTx, r *Record, a review.Actor) error {
	sch := d.Catalogue
	if sch == nil {
		var err error
		if sch, err = d.Archive.CatalogueScheme(); err != nil {
			return err
		}
	}
	e, err := d.Archive.Store.addCatalogue(ctx, tx, r, sch, a.User)
	if err != nil || e == nil {
		return err
	}
	r.History = append(r.History, review.Action{Action: ActionCatalogue, User: a.User, Role: a.Role, Step: -1,
		Note: fmt.Sprintf("签发后自动编入政府信息公开目录：索引号 %s，主题分类 %s", e.IndexNo, e.Category), At: r.DecidedAt, State: r.State})
	return nil
}

// Queue returns the drafts waiting for a role, oldest first; for a clerk, their own returned drafts.
func (d *Desk) Queue(ctx context.Context, a review.Actor) ([]Record, error) {
	var f Filter
	switch a.Role {
	case review.RoleClerk:
		f = Filter{States: []review.State{review.StateReturned}, Drafter: a.User}
	default:
		st, ok := review.StepState(a.Role)
		if !ok {
			return nil, nil
		}
		f = Filter{States: []review.State{st}}
	}
	var out []Record
	err := d.Archive.Store.Each(ctx, f, func(r *Record) error {
		out = append(out, *r)
		return nil
	})
	return out, err
}

// toWorkflow rebuilds a draft's workflow from its record.
func toWorkflow(r *Record, rules *review.Rules) *review.Workflow {
	rep := r.Report()
	res := r.Resolutions
	if res == nil {
		res = map[int]review.Resolution{}
	}
	return &review.Workflow{Drafter: r.Drafter, Draft: review.Draft{Report: rep, Resolutions: res},
		Decision: r.Decision, Outcome: r.Outcome, State: r.State, Current: r.Current, History: r.History, Rules: rules}
}

// fromWorkflow copies a workflow's state into its record.
func fromWorkflow(r *Record, w *review.Workflow) {
	r.Decision, r.Outcome, r.Route, r.State, r.Current, r.History = w.Decision, w.Outcome, w.Outcome.Route, w.State, w.Current, w.History
	r.Resolutions = w.Draft.Resolutions
	r.Attribute, r.Basis, r.Reason = w.Decision.Attribute, w.Decision.Basis, w.Decision.Reason
	if w.State.Decided() && len(w.History) > 0 {
		r.DecidedAt = w.History[len(w.History)-1].At
	}
}
