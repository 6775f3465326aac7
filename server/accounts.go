package server

import (
	"net/http"

	"prepub/index"
	"prepub/review"
)

// Accounts: an administrator edits, disables and resets accounts, everyone
// changes their own password. Who may is the desk's to decide; the server
// ends the sessions a change makes stale.

// editUser changes an account's role, department or whether it is disabled
// (PATCH /users/{name} {role, department, disabled}). An account disabled or
// given another role is signed out at once.
func (s *Server) editUser(w http.ResponseWriter, r *http.Request, u index.User) {
	var in index.AccountChange
	if !decodeJSON(w, r, &in) {
		return
	}
	acc, err := s.Desk.EditUser(r.Context(), r.PathValue("name"), in, u.Name)
	if err != nil {
		fail(w, err)
		return
	}
	s.endSessions(acc.Name, func(sess session) bool { return acc.Disabled || sess.user.Role != acc.Role })
	writeJSON(w, 200, acc)
}

// resetPassword gives an account a new password (POST /users/{name}/password
// {password}, administrator only) and signs the account out everywhere.
func (s *Server) resetPassword(w http.ResponseWriter, r *http.Request, u index.User) {
	var in struct {
		Password string `json:"password"`
	}
	if !decodeJSON(w, r, &in) || !s.hashSlot(r) {
		return
	}
	err := s.Desk.ResetPassword(r.Context(), r.PathValue("name"), in.Password, u.Name)
	<-s.hashing
	if err != nil {
		fail(w, err)
		return
	}
	name := index.UserName(r.PathValue("name"))
	s.endSessions(name, func(session) bool { return true })
	writeJSON(w, 200, map[string]any{"user": name})
}

// changePassword changes the caller's own password (POST /password {old,
// new}). A wrong old password counts as a failed sign-in for the limiter, so
// a stolen session cannot guess at it faster than the sign-in screen.
func (s *Server) changePassword(w http.ResponseWriter, r *http.Request, u index.User) {
	var in struct {
		Old string `json:"old"`
		New string `json:"new"`
	}
	if !decodeJSON(w, r, &in) {
		return
	}
	now := s.Clock()
	name, addr := loginKeys(u.Name, r)
	if s.limited(w, now, name, addr) || !s.hashSlot(r) {
		return
	}
	err := s.Desk.ChangePassword(r.Context(), u.Name, in.Old, in.New)
	<-s.hashing
	if review.ErrorCode(err) == review.ErrForbidden {
		s.byName.failed(now, name)
		s.byAddr.failed(now, addr)
	}
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, 200, map[string]any{"user": u.Name})
}

// hashSlot waits for a password-hashing slot; false when the client gave up.
// The caller frees the slot with <-s.hashing.
func (s *Server) hashSlot(r *http.Request) bool {
	select {
	case s.hashing <- struct{}{}:
		return true
	case <-r.Context().Done():
		return false
	}
}

// endSessions drops the sessions of an account for which end says so.
func (s *Server) endSessions(name string, end func(session) bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for tok, sess := range s.sessions {
		if sess.user.Name == name && end(sess) {
			delete(s.sessions, tok)
		}
	}
}
