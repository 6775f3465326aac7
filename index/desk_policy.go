package index

import (
	"prepub/review"
	"prepub/review/scan"
)

// UsePolicy puts an office's policy in force on the desk: its rules and
// scanner take the place of Rules and Scanner, and every draft scanned from
// now on notes its version. Safe while drafts are being submitted: a
// submission uses the policy in force when it started.
func (d *Desk) UsePolicy(p *review.Policy) { d.policy.Store(p) }

// Policy returns the policy UsePolicy put in force, or nil when the desk uses Rules and Scanner.
func (d *Desk) Policy() *review.Policy { return d.policy.Load() }

// inForce returns the rules, the scanner and the policy version a check uses now.
func (d *Desk) inForce() (*review.Rules, *scan.Scanner, string) {
	if p := d.policy.Load(); p != nil {
		return p.Rules, p.Scanner, p.Version
	}
	return d.Rules, d.Scanner, ""
}

// rules returns the rules in force.
func (d *Desk) rules() *review.Rules {
	r, _, _ := d.inForce()
	return r
}
