package client

import (
	"context"
	"encoding/json"

	"prepub/review"
)

// policyHeader is server.PolicyHeader: the version of the office policy, on
// the server's answers and on a submission.
const policyHeader = "Prepub-Policy-Version"

// Policy downloads the office's policy (signed in): its rules, keyword files
// and allow list with their version. have is the version the workstation
// holds: when the server's is the same, Policy returns nil and nothing is sent.
// The policy returned is the one the client names on its next submissions.
func (c *Client) Policy(ctx context.Context, have string) (*review.Policy, error) {
	var header map[string]string
	if have != "" {
		header = map[string]string{"If-None-Match": `"` + have + `"`}
	}
	data, _, err := c.send(ctx, "GET", "/policy", "", nil, header)
	if err != nil {
		return nil, err
	}
	if data == nil { // 304: the version the workstation holds is in force
		return nil, nil
	}
	var doc review.PolicyDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, review.Wrap(err, review.ErrInternal, "服务器应答格式错误：服务器的版本可能与本程序不符")
	}
	p, err := doc.Policy()
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.using = p.Version
	c.mu.Unlock()
	return p, nil
}

// PolicyStale reports whether the server has named, on any answer since the
// workstation downloaded its policy, a version other than that one.
func (c *Client) PolicyStale() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.using != "" && c.latest != "" && c.latest != c.using
}

// notePolicy keeps the version of the policy a server's answer names.
func (c *Client) notePolicy(v string) {
	if v == "" {
		return
	}
	c.mu.Lock()
	c.latest = v
	c.mu.Unlock()
}

// withPolicy adds to a submission's headers the version the workstation's live check used.
func (c *Client) withPolicy(h map[string]string) map[string]string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.using != "" {
		h[policyHeader] = c.using
	}
	return h
}
