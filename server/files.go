package server

import (
	"mime"
	"net/http"
	"strconv"

	"prepub/index"
)

// Files the server hands out: a decision's release copy and a draft's
// original. Who may have them is decided by the desk (index/desk_files.go).

// docxType is the media type of a .docx file.
const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// Headers that describe a release copy sent as a download.
const (
	HeaderSHA256 = "X-Prepub-SHA256" // hex SHA-256 of the body
	HeaderStored = "X-Prepub-Stored" // "true": the copy kept at the last signature; "false": made now from the original
	HeaderMadeAt = "X-Prepub-Made-At"
)

// releaseCopy sends a decision's release copy as a .docx download.
func (s *Server) releaseCopy(w http.ResponseWriter, r *http.Request, u index.User) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	c, err := s.Desk.ReleaseCopy(r.Context(), id, actorOf(u))
	if err != nil {
		fail(w, err)
		return
	}
	w.Header().Set(HeaderSHA256, c.Hash)
	w.Header().Set(HeaderStored, strconv.FormatBool(c.Stored))
	w.Header().Set(HeaderMadeAt, c.MadeAt)
	sendFile(w, c.Name, docxType, c.Data)
}

// original sends a draft's original file, as submitted, as a download.
func (s *Server) original(w http.ResponseWriter, r *http.Request, u index.User) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	data, err := s.Desk.Original(r.Context(), id, actorOf(u))
	if err != nil {
		fail(w, err)
		return
	}
	rec, err := s.Desk.Get(r.Context(), actorOf(u), id)
	if err != nil {
		fail(w, err)
		return
	}
	sendFile(w, rec.File, "application/octet-stream", data)
}

// sendFile writes a file as an attachment under its name (RFC 2231 encoded when not ASCII).
func sendFile(w http.ResponseWriter, name, ctype string, data []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.WriteHeader(http.StatusOK)
	w.Write(data)
}
