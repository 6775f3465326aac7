package server

import (
	"net/http"
	"strconv"
	"time"

	"prepub/index"
	"prepub/review"
)

// The endpoints below serve the desktop app when it works against the
// office server: everything its screens read beside the queue.

// record returns one full record to someone the desk lets read it.
func (s *Server) record(w http.ResponseWriter, r *http.Request, u index.User) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	rec, err := s.Desk.Get(r.Context(), actorOf(u), id)
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, 200, rec)
}

// rules returns the rules file in force, so a client checks drafts as the
// server will, and the version of the whole policy (GET /policy has the rest).
func (s *Server) rules(w http.ResponseWriter, r *http.Request) {
	p := s.Desk.Policy()
	writeJSON(w, 200, map[string]string{"source": p.Rules.Source, "raw": string(p.Rules.Raw), "version": p.Version})
}

// similar returns the decided records closest to one draft (GET /similar?id=&n=).
func (s *Server) similar(w http.ResponseWriter, r *http.Request, u index.User) {
	id, err := strconv.ParseInt(r.URL.Query().Get("id"), 10, 64)
	if err != nil {
		refuse(w, review.ErrInvalid, "请给出草稿编号 id")
		return
	}
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	hits, err := s.Desk.Similar(r.Context(), actorOf(u), id, n)
	writeList(w, hits, err)
}

// rereview lists the decisions due for their re-review after days=
// (fractions allowed; the desk's default period when not given).
func (s *Server) rereview(w http.ResponseWriter, r *http.Request, u index.User) {
	days, _ := strconv.ParseFloat(r.URL.Query().Get("days"), 64)
	due, err := s.Desk.ReviewDue(r.Context(), actorOf(u), time.Duration(days*float64(24*time.Hour)))
	writeList(w, due, err)
}

// rereviewAct keeps a decision or converts it to public.
func (s *Server) rereviewAct(w http.ResponseWriter, r *http.Request, u index.User) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	var in struct {
		Action string `json:"action"`
		Note   string `json:"note"`
	}
	if !decodeJSON(w, r, &in) {
		return
	}
	switch in.Action {
	case "keep":
		if err := s.Desk.Keep(r.Context(), actorOf(u), id, in.Note); err != nil {
			fail(w, err)
			return
		}
		writeJSON(w, 200, map[string]any{"id": id})
	case "convert":
		newID, out, err := s.Desk.Convert(r.Context(), actorOf(u), id, in.Note)
		if err != nil {
			fail(w, err)
			return
		}
		writeJSON(w, 200, map[string]any{"id": newID, "outcome": out})
	default:
		refuse(w, review.ErrInvalid, "action 应为 keep 或 convert")
	}
}

// expired lists markings whose secrecy period has run out.
func (s *Server) expired(w http.ResponseWriter, r *http.Request, u index.User) {
	exp, err := s.Desk.ExpiredMarkings(r.Context(), actorOf(u))
	writeList(w, exp, err)
}

// users lists the accounts, for the administrator.
func (s *Server) users(w http.ResponseWriter, r *http.Request, u index.User) {
	users, err := s.Desk.Users(r.Context(), u.Name)
	writeList(w, users, err)
}

// writeList answers with a list, [] rather than null when empty, or with the error.
func writeList[T any](w http.ResponseWriter, list []T, err error) {
	if err != nil {
		fail(w, err)
		return
	}
	if list == nil {
		list = []T{}
	}
	writeJSON(w, 200, list)
}
