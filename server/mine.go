package server

import (
	"net/http"

	"prepub/index"
)

// mine lists the drafts the caller had a hand in: a clerk's own, or those a
// reviewer acted on. Who may ask is decided by index.Desk.
func (s *Server) mine(w http.ResponseWriter, r *http.Request, u index.User) {
	recs, err := s.Desk.Mine(r.Context(), actorOf(u))
	writeList(w, recs, err)
}
