package review

import "time"

// PolicyDoc is a policy as the office server sends it (GET /api/v1/policy):
// every file's text, the version and when the server read the files.
type PolicyDoc struct {
	Version  string       `json:"version"`
	Loaded   time.Time    `json:"loaded"`
	Rules    PolicyFile   `json:"rules"`
	Builtin  PolicyFile   `json:"builtin_keywords"`
	Keywords []PolicyFile `json:"keywords"`
	Allow    *PolicyFile  `json:"allow"`
}

// Doc returns the policy as the server sends it.
func (p *Policy) Doc() PolicyDoc {
	kw := p.Keywords
	if kw == nil {
		kw = []PolicyFile{}
	}
	return PolicyDoc{Version: p.Version, Loaded: p.Loaded, Rules: PolicyFile{Name: p.Rules.Source, Text: string(p.Rules.Raw)},
		Builtin: p.Builtin, Keywords: kw, Allow: p.Allow}
}

// Policy rebuilds the policy a document carries, and refuses one whose
// content does not give the version it names (cut short or altered on the way).
func (d PolicyDoc) Policy() (*Policy, error) {
	p, err := NewPolicy(d.Rules, d.Builtin, d.Keywords, d.Allow, d.Loaded)
	if err != nil {
		return nil, err
	}
	if p.Version != d.Version {
		return nil, Errorf(ErrInternal, "服务器发来的审查政策与其版本号不符，请稍后重试；如仍出现，请联系管理员")
	}
	return p, nil
}
