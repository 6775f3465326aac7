package server

import (
	"net/http"
	"strconv"

	"prepub/index"
	"prepub/review"
)

// The endpoints below serve the disclosure office's paperwork: the sign-off
// sheet's record and code, the public catalogue, validity marks and the
// annual report's typed items. Who may act is decided by index.Desk.

// SheetResponse is what a client prints a sign-off sheet from: the record as
// it is now and the verification code of exactly that state.
type SheetResponse struct {
	Record *index.Record `json:"record"`
	Code   string        `json:"code"`
}

// sheet returns a draft's record with its verification code.
func (s *Server) sheet(w http.ResponseWriter, r *http.Request, u index.User) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	rec, code, err := s.Desk.Sheet(r.Context(), actorOf(u), id)
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, 200, SheetResponse{Record: rec, Code: code})
}

// yearParam reads the year= parameter, or answers 400; the desk decides which years there can be.
func yearParam(w http.ResponseWriter, r *http.Request) (int, bool) {
	year, err := strconv.Atoi(r.URL.Query().Get("year"))
	if err != nil {
		refuse(w, review.ErrInvalid, "请给出年度，如 year=2026")
		return 0, false
	}
	return year, true
}

// catalogue lists a year's catalogue entries.
func (s *Server) catalogue(w http.ResponseWriter, r *http.Request, u index.User) {
	year, ok := yearParam(w, r)
	if !ok {
		return
	}
	entries, err := s.Desk.CatalogueEntries(r.Context(), actorOf(u), year)
	writeList(w, entries, err)
}

// correctCatalogue corrects one field of a record's catalogue entry.
func (s *Server) correctCatalogue(w http.ResponseWriter, r *http.Request, u index.User) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	var in struct {
		Field string `json:"field"`
		Value string `json:"value"`
		Note  string `json:"note"`
	}
	if !decodeJSON(w, r, &in) {
		return
	}
	e, err := s.Desk.CorrectCatalogue(r.Context(), actorOf(u), id, in.Field, in.Value, in.Note)
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, 200, e)
}

// validity marks a decided document repealed, expired or in force again.
func (s *Server) validity(w http.ResponseWriter, r *http.Request, u index.User) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	var in struct {
		Status string `json:"status"`
		Since  string `json:"since"`
		Note   string `json:"note"`
	}
	if !decodeJSON(w, r, &in) {
		return
	}
	m, err := s.Desk.SetValidity(r.Context(), actorOf(u), id, in.Status, in.Since, in.Note)
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, 200, m)
}

// ReportValuesResponse is a year's typed-in report items, by key.
type ReportValuesResponse struct {
	Year   int                `json:"year"`
	Values index.ReportValues `json:"values"`
}

// reportValues returns the items typed in for a year.
func (s *Server) reportValues(w http.ResponseWriter, r *http.Request, u index.User) {
	year, ok := yearParam(w, r)
	if !ok {
		return
	}
	vals, err := s.Desk.ReportValues(r.Context(), actorOf(u), year)
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, 200, ReportValuesResponse{Year: year, Values: vals})
}

// setReportValues keeps items typed in for a year: empty clears one, those not sent stay.
func (s *Server) setReportValues(w http.ResponseWriter, r *http.Request, u index.User) {
	year, ok := yearParam(w, r)
	if !ok {
		return
	}
	var in struct {
		Values map[string]string `json:"values"`
	}
	if !decodeJSON(w, r, &in) {
		return
	}
	vals, err := s.Desk.SetReportValues(r.Context(), actorOf(u), year, in.Values)
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, 200, ReportValuesResponse{Year: year, Values: vals})
}

// latestYear returns the year of the archive's latest decision, 0 when none.
func (s *Server) latestYear(w http.ResponseWriter, r *http.Request, u index.User) {
	year, err := s.Desk.LatestDecisionYear(r.Context(), actorOf(u))
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, 200, map[string]int{"year": year})
}
