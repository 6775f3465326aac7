package server

import (
	"net/http"

	"prepub/index"
	"prepub/review"
)

// PolicyHeader is the header that names the version of the office policy:
// on every answer, the server's version now; on a submission, the version the
// workstation's live check used.
const PolicyHeader = "Prepub-Policy-Version"

// policy returns the office policy in force with its version as ETag; a
// workstation that names that version in If-None-Match gets 304 and no body,
// so it can ask often. Only a signed-in account may read it: an office's
// keyword list can itself name what must not be published.
func (s *Server) policy(w http.ResponseWriter, r *http.Request, _ index.User) {
	p := s.Desk.Policy()
	tag := `"` + p.Version + `"`
	w.Header().Set("ETag", tag)
	if r.Header.Get("If-None-Match") == tag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	writeJSON(w, 200, p.Doc())
}

// withPolicyVersion names the version of the policy in force on every
// answer, so a workstation learns of a new one from any request it makes.
func (s *Server) withPolicyVersion(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set(PolicyHeader, s.Desk.Policy().Version)
		h.ServeHTTP(w, r)
	})
}

// policyNote is what a submission's answer says of the policy: the version
// the server scanned with, and whether the workstation's live check used another.
type policyNote struct {
	PolicyVersion string `json:"policy_version"`
	PolicyChanged bool   `json:"policy_changed"`
}

// noteOf compares the version a workstation named with the one a draft was scanned with.
func noteOf(r *http.Request, scanned string) policyNote {
	have := r.Header.Get(PolicyHeader)
	return policyNote{PolicyVersion: scanned, PolicyChanged: have != "" && have != scanned}
}

// ensurePolicy puts the desk's rules, with the built-in keyword classes, in
// force as its policy when none was set, so every draft names a version.
func ensurePolicy(s *Server) {
	if s.Desk.Policy() == nil {
		s.Desk.UsePolicy(review.DefaultPolicy(s.Desk.Rules, s.Clock()))
	}
}
