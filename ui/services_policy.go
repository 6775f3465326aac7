package ui

import (
	"context"

	"prepub/review"
	"prepub/review/scan"
)

// policySource is an office server that serves its review policy (client.Client).
type policySource interface {
	// Policy returns the server's policy, or nil when its version is have.
	Policy(ctx context.Context, have string) (*review.Policy, error)
	// PolicyStale reports whether the server has named a version other than the one downloaded.
	PolicyStale() bool
}

// OfficePolicy returns the office server's policy in force on this workstation,
// or nil when the app works on the local archive with its own files.
func (svc *Services) OfficePolicy() *review.Policy {
	svc.mu.RLock()
	defer svc.mu.RUnlock()
	return svc.office
}

// UsePolicy puts the office server's policy in force for the clerk's live
// check (scan and route), the batch check and the settings.
func (svc *Services) UsePolicy(p *review.Policy) {
	svc.mu.Lock()
	defer svc.mu.Unlock()
	svc.office, svc.Scanner, svc.Rules, svc.RulesPath, svc.Policy = p, p.Scanner, p.Rules, p.Rules.Source, p.Scan
}

// RefreshPolicy downloads the office server's policy when the workstation
// has none or another version is in force, and reports whether it changed.
// On the local archive it does nothing.
func (svc *Services) RefreshPolicy(ctx context.Context) (bool, error) {
	src, ok := svc.Remote.(policySource)
	if !ok {
		return false, nil
	}
	have := ""
	if p := svc.OfficePolicy(); p != nil {
		have = p.Version
	}
	p, err := src.Policy(ctx, have)
	if err != nil || p == nil {
		return false, err
	}
	svc.UsePolicy(p)
	return true, nil
}

// policyStale reports whether the office server has put another policy in force since it was downloaded.
func (svc *Services) policyStale() bool {
	src, ok := svc.Remote.(policySource)
	return ok && src.PolicyStale()
}

// scanner returns the scanner in force.
func (svc *Services) scanner() *scan.Scanner {
	svc.mu.RLock()
	defer svc.mu.RUnlock()
	return svc.Scanner
}

// scanning returns the scanner in force and the version of the office
// server's policy it comes from ("" on the local archive), read together.
func (svc *Services) scanning() (*scan.Scanner, string) {
	svc.mu.RLock()
	defer svc.mu.RUnlock()
	if svc.office != nil {
		return svc.Scanner, svc.office.Version
	}
	return svc.Scanner, ""
}

// rules returns the rules in force.
func (svc *Services) rules() *review.Rules {
	svc.mu.RLock()
	defer svc.mu.RUnlock()
	return svc.Rules
}
