// Package server is the office server: several workstations share one queue
// and one archive through a JSON API over HTTPS. Every rule is enforced here
// by the same review code the desktop app uses (through index.Desk), whatever
// a client sends.
package server

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"prepub/index"
	"prepub/review"
)

// Limits on what a client may send.
const (
	MaxJSONBytes  = 1 << 20   // a JSON body
	MaxDraftBytes = 200 << 20 // a submitted draft, with its decision
)

// Server serves the API under /api/v1.
type Server struct {
	Desk       *index.Desk
	SessionTTL time.Duration
	Clock      func() time.Time

	mu       sync.Mutex
	sessions map[string]session
	byName   *loginLimiter // failed sign-ins per account name
	byAddr   *loginLimiter // failed sign-ins per client address, with more allowed (offices share addresses)
	known    *knownSignIns // addresses each account has signed in from
	hashing  chan struct{} // one slot per password hash allowed at once (64 MiB each)
	uploads  chan struct{} // one slot per draft upload read at once
}

type session struct {
	user    index.User
	expires time.Time
}

// New returns a server over a desk. The desk's policy (Desk.UsePolicy) is
// what the server scans with and serves; without one, its rules and the
// built-in keyword classes.
func New(d *index.Desk) *Server {
	s := &Server{Desk: d, SessionTTL: 8 * time.Hour, Clock: time.Now,
		sessions: map[string]session{}, byName: newLoginLimiter(5), byAddr: newLoginLimiter(30), known: newKnownSignIns(),
		hashing: make(chan struct{}, max(1, runtime.NumCPU())), uploads: make(chan struct{}, MaxUploads)}
	ensurePolicy(s)
	return s
}

// uploadWait is how long an upload waits for a slot before it is refused.
const uploadWait = 30 * time.Second

// MaxUploads is how many draft uploads the server reads at once; more wait for a slot or are refused.
const MaxUploads = 4

// Handler returns the HTTP handler of the API.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/v1/login", s.login)
	mux.HandleFunc("POST /api/v1/drafts", s.auth(s.submit))
	mux.HandleFunc("GET /api/v1/queue", s.auth(s.queue))
	mux.HandleFunc("GET /api/v1/mine", s.auth(s.mine))
	mux.HandleFunc("GET /api/v1/drafts/{id}", s.auth(s.draft))
	mux.HandleFunc("POST /api/v1/drafts/{id}/actions", s.auth(s.act))
	mux.HandleFunc("GET /api/v1/search", s.auth(s.search))
	mux.HandleFunc("GET /api/v1/report", s.auth(s.report))
	mux.HandleFunc("GET /api/v1/verify", s.auth(s.verify))
	mux.HandleFunc("POST /api/v1/users", s.auth(s.addUser))
	mux.HandleFunc("GET /api/v1/users", s.auth(s.users))
	mux.HandleFunc("PATCH /api/v1/users/{name}", s.auth(s.editUser))
	mux.HandleFunc("POST /api/v1/users/{name}/password", s.auth(s.resetPassword))
	mux.HandleFunc("POST /api/v1/password", s.auth(s.changePassword))
	mux.HandleFunc("GET /api/v1/rules", s.rules) // not secret: clients check drafts as the server will
	mux.HandleFunc("GET /api/v1/policy", s.auth(s.policy))
	mux.HandleFunc("GET /api/v1/records/{id}", s.auth(s.record))
	mux.HandleFunc("GET /api/v1/records/{id}/release", s.auth(s.releaseCopy))
	mux.HandleFunc("GET /api/v1/drafts/{id}/original", s.auth(s.original))
	mux.HandleFunc("GET /api/v1/similar", s.auth(s.similar))
	mux.HandleFunc("GET /api/v1/rereview", s.auth(s.rereview))
	mux.HandleFunc("POST /api/v1/rereview/{id}", s.auth(s.rereviewAct))
	mux.HandleFunc("GET /api/v1/markings/expired", s.auth(s.expired))
	mux.HandleFunc("GET /api/v1/records/{id}/sheet", s.auth(s.sheet))
	mux.HandleFunc("POST /api/v1/records/{id}/validity", s.auth(s.validity))
	mux.HandleFunc("GET /api/v1/catalogue", s.auth(s.catalogue))
	mux.HandleFunc("PATCH /api/v1/catalogue/{id}", s.auth(s.correctCatalogue))
	mux.HandleFunc("GET /api/v1/report/values", s.auth(s.reportValues))
	mux.HandleFunc("PUT /api/v1/report/values", s.auth(s.setReportValues))
	mux.HandleFunc("GET /api/v1/report/latest-year", s.auth(s.latestYear))
	return secureHeaders(s.withPolicyVersion(mux))
}

// secureHeaders adds to every answer the headers that keep a browser from
// caching, sniffing or framing it, and from speaking to the server without TLS.
func secureHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Strict-Transport-Security", "max-age=31536000")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Cache-Control", "no-store")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Content-Security-Policy", "default-src 'none'")
		h.ServeHTTP(w, r)
	})
}

// apiError is a refusal as the API sends it.
type apiError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// refuse answers a refusal: the code, its status from review's one table, and a Chinese message.
func refuse(w http.ResponseWriter, code, msg string) {
	writeJSON(w, review.HTTPStatus(code), apiError{Code: code, Message: msg})
}

// fail answers a core error with its code and message; an internal one's
// cause goes to the server's log, never to the client.
func fail(w http.ResponseWriter, err error) {
	code := review.ErrorCode(err)
	if code == review.ErrInternal {
		log.Printf("内部错误：%s", review.ErrorDetail(err))
	}
	refuse(w, code, review.ErrorMessage(err))
}

// decodeJSON reads a JSON body of at most MaxJSONBytes into v.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	r.Body = http.MaxBytesReader(w, r.Body, MaxJSONBytes)
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			refuse(w, review.ErrTooLarge, "请求过大")
			return false
		}
		refuse(w, review.ErrInvalid, "请求格式错误：应为 JSON，且只含本接口的字段")
		return false
	}
	return true
}

func newToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// login checks a password and opens a session. Failed sign-ins slow further
// attempts for the same account name and from the same address (limiter.go),
// and password hashing, which takes 64 MiB each, runs a few at a time.
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	var in struct {
		User     string `json:"user"`
		Password string `json:"password"`
	}
	if !decodeJSON(w, r, &in) {
		return
	}
	now := s.Clock()
	name, addr := loginKeys(in.User, r)
	account := name
	if s.known.has(now, account, addr) {
		name += "|" + addr // its owner's own address: only failures from there count against it
	}
	if !s.admit(w, now, name, addr) {
		return
	}
	if !s.hashSlot(r) {
		s.byName.forgive(name)
		s.byAddr.forgive(addr)
		return
	}
	u, err := s.Desk.SignIn(r.Context(), in.User, in.Password, addr)
	<-s.hashing
	if err != nil {
		if review.ErrorCode(err) != review.ErrUnauthorized {
			s.byName.forgive(name)
			s.byAddr.forgive(addr)
			fail(w, err)
			return
		}
		if wait := max(s.byName.wait(now, name), s.byAddr.wait(now, addr)); wait > 0 {
			if err := s.Desk.SignInLocked(r.Context(), in.User, addr, wait); err != nil {
				fail(w, err)
				return
			}
		}
		fail(w, err)
		return
	}
	s.byName.succeeded(name)
	s.byAddr.forgive(addr)
	s.known.add(now, account, addr)
	tok := newToken()
	exp := now.Add(s.SessionTTL)
	s.mu.Lock()
	s.sessions[tok] = session{user: *u, expires: exp}
	s.mu.Unlock()
	writeJSON(w, 200, map[string]any{"token": tok, "role": u.Role, "department": u.Department, "expires": exp})
}

// admit counts a sign-in attempt, before its password is checked, against its
// address and its name key (the account's name, or the name and the address
// when that address has signed in to the account before, so a stranger's
// failures elsewhere do not hold its owner back); an attempt that must still
// wait is refused with 429 and Retry-After and counts nothing.
func (s *Server) admit(w http.ResponseWriter, now time.Time, name, addr string) bool {
	wait := s.byAddr.take(now, addr)
	if wait <= 0 {
		if wait = s.byName.take(now, name); wait > 0 {
			s.byAddr.forgive(addr)
		}
	}
	if wait <= 0 {
		return true
	}
	s.tooMany(w, wait)
	return false
}

// limited refuses, with 429 and Retry-After, an attempt that must still wait
// after failed ones, counting nothing: for checks that count only failures.
func (s *Server) limited(w http.ResponseWriter, now time.Time, name, addr string) bool {
	wait := max(s.byName.wait(now, name), s.byAddr.wait(now, addr))
	if wait <= 0 {
		return false
	}
	s.tooMany(w, wait)
	return true
}

// tooMany answers 429 with Retry-After.
func (s *Server) tooMany(w http.ResponseWriter, wait time.Duration) {
	secs := int(wait.Seconds() + 0.999)
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	refuse(w, review.ErrRateLimited, fmt.Sprintf("登录失败次数过多，请 %d 秒后再试", secs))
}

// loginKeys are what failed sign-ins are counted by: the account name as
// sign-in normalises it (hashed, so a huge name costs no memory) and the client's address.
func loginKeys(user string, r *http.Request) (name, addr string) {
	sum := sha256.Sum256([]byte(index.UserName(user)))
	addr, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		addr = r.RemoteAddr
	}
	return hex.EncodeToString(sum[:]), addr
}

// auth requires a live session of an account still enabled and in the same
// role, and passes the account as it is now to the handler.
func (s *Server) auth(h func(http.ResponseWriter, *http.Request, index.User)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || tok == "" {
			refuse(w, review.ErrUnauthorized, "请先登录")
			return
		}
		s.mu.Lock()
		sess, found := s.sessions[tok]
		if found && !s.Clock().Before(sess.expires) {
			delete(s.sessions, tok)
			found = false
		}
		s.mu.Unlock()
		if !found {
			refuse(w, review.ErrUnauthorized, "登录已失效，请重新登录")
			return
		}
		acc, err := s.Desk.Archive.Store.Account(r.Context(), sess.user.Name)
		if review.ErrorCode(err) == review.ErrNotFound || err == nil && (acc.Disabled || acc.Role != sess.user.Role) {
			s.endSessions(sess.user.Name, func(session) bool { return true })
			refuse(w, review.ErrUnauthorized, "账号已停用或已变更，请重新登录")
			return
		}
		if err != nil {
			fail(w, err)
			return
		}
		h(w, r, *acc)
	}
}

func actorOf(u index.User) review.Actor { return review.Actor{User: u.Name, Role: u.Role} }

// draftResponse is the check JSON plus the draft's id and state.
type draftResponse struct {
	ID     int64        `json:"id"`
	State  review.State `json:"state"`
	File   string       `json:"file"`
	Status string       `json:"status"`
	review.Outcome
	Findings any `json:"findings"`
}

func responseOf(rec *index.Record) draftResponse {
	status := "checked"
	if rec.Unreadable != "" {
		status = "unreadable"
	}
	return draftResponse{ID: rec.ID, State: rec.State, File: rec.File, Status: status, Outcome: rec.Outcome, Findings: rec.Findings}
}

// interpretation is the policy interpretation uploaded with a draft (the
// multipart part "interpretation"), or nil: the desk reads it to know whether
// it can be read, whatever the decision's JSON says of it.
func interpretation(r *http.Request) (*review.Attachment, error) {
	f, hdr, err := r.FormFile("interpretation")
	if errors.Is(err, http.ErrMissingFile) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	return &review.Attachment{File: hdr.Filename, Data: data}, nil
}

// submit takes a draft (multipart: file, decision, and interpretation when
// there is one) from a clerk. With an Idempotency-Key header, a retry of the
// same upload returns the first draft.
func (s *Server) submit(w http.ResponseWriter, r *http.Request, u index.User) {
	if err := index.MaySubmit(actorOf(u)); err != nil {
		fail(w, err)
		return
	}
	select {
	case s.uploads <- struct{}{}:
		defer func() { <-s.uploads }()
	case <-time.After(uploadWait):
		w.Header().Set("Retry-After", "30")
		refuse(w, review.ErrBusy, "服务器正在接收其他草稿，请稍后再提交")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, MaxDraftBytes)
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			refuse(w, review.ErrTooLarge, fmt.Sprintf("草稿过大（上限 %d MB）", MaxDraftBytes>>20))
			return
		}
		refuse(w, review.ErrInvalid, "请以 multipart 表单提交 file 和 decision")
		return
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		refuse(w, review.ErrInvalid, "缺少草稿文件（file）")
		return
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		refuse(w, review.ErrInvalid, "无法读取上传的文件")
		return
	}
	var dec review.Decision
	if d := r.FormValue("decision"); d != "" {
		dd := json.NewDecoder(strings.NewReader(d))
		dd.DisallowUnknownFields()
		if err := dd.Decode(&dec); err != nil {
			refuse(w, review.ErrInvalid, "decision 格式错误：应为 JSON，且只含审查决定的字段")
			return
		}
	}
	if dec.Interpretation, err = interpretation(r); err != nil {
		refuse(w, review.ErrInvalid, "无法读取上传的政策解读材料")
		return
	}
	rec, again, err := s.Desk.SubmitOnce(r.Context(), r.Header.Get("Idempotency-Key"), actorOf(u), u.Department, hdr.Filename, data, dec)
	if err != nil {
		fail(w, err)
		return
	}
	status := 201
	if again {
		status = 200 // a retried upload: the draft its first attempt made
	}
	writeJSON(w, status, struct {
		draftResponse
		policyNote
	}{responseOf(rec), noteOf(r, rec.PolicyVersion)})
}

// queue lists the drafts waiting for the caller's role, as full records.
func (s *Server) queue(w http.ResponseWriter, r *http.Request, u index.User) {
	recs, err := s.Desk.Queue(r.Context(), actorOf(u))
	writeList(w, recs, err)
}

func pathID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		refuse(w, review.ErrInvalid, "草稿编号无效")
		return 0, false
	}
	return id, true
}

// draft returns one draft with its history to someone the desk lets read it.
func (s *Server) draft(w http.ResponseWriter, r *http.Request, u index.User) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	rec, err := s.Desk.Get(r.Context(), actorOf(u), id)
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, 200, map[string]any{"draft": responseOf(rec), "title": rec.Title, "decision": rec.Decision,
		"history": rec.History, "drafter": rec.Drafter, "department": rec.Department})
}

// act applies one action to a draft.
func (s *Server) act(w http.ResponseWriter, r *http.Request, u index.User) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	var in struct {
		Action   string           `json:"action"`
		Finding  *int             `json:"finding"`
		Note     string           `json:"note"`
		Decision *review.Decision `json:"decision"`
	}
	if !decodeJSON(w, r, &in) {
		return
	}
	var rec *index.Record
	var err error
	switch in.Action {
	case review.ActionResubmit:
		if in.Decision == nil {
			refuse(w, review.ErrInvalid, "重新提交须附上 decision")
			return
		}
		rec, err = s.Desk.Resubmit(r.Context(), id, actorOf(u), *in.Decision)
	case review.ActionConfirm, review.ActionClear, review.ActionApprove, review.ActionSign, review.ActionReturn:
		finding := -1
		if in.Finding != nil {
			finding = *in.Finding
		}
		rec, err = s.Desk.Act(r.Context(), id, actorOf(u), in.Action, finding, in.Note)
	default:
		refuse(w, review.ErrInvalid, fmt.Sprintf("未知操作 %q", in.Action))
		return
	}
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, 200, map[string]any{"id": rec.ID, "state": rec.State, "waiting_for": waitingFor(rec)})
}

func waitingFor(rec *index.Record) review.Role {
	if rec.State == review.StateReturned || rec.State.Decided() || rec.Current >= len(rec.Outcome.Route) {
		return ""
	}
	return rec.Outcome.Route[rec.Current].Role
}

func (s *Server) search(w http.ResponseWriter, r *http.Request, u index.User) {
	q := r.URL.Query()
	query := index.Query{Text: q.Get("q"), Attribute: q.Get("attr"), Basis: q.Get("basis"), State: q.Get("state"), Department: q.Get("department")}
	query.Limit, _ = strconv.Atoi(q.Get("limit"))
	var err error
	if query.From, err = review.ParseDay("起始日期 from", q.Get("from")); err != nil {
		fail(w, err)
		return
	}
	if query.To, err = review.ParseDay("截止日期 to", q.Get("to")); err != nil {
		fail(w, err)
		return
	}
	hits, err := s.Desk.Search(r.Context(), actorOf(u), query)
	writeList(w, hits, err)
}

// report answers the annual report of a year to whoever the desk lets read it.
func (s *Server) report(w http.ResponseWriter, r *http.Request, u index.User) {
	year, ok := yearParam(w, r)
	if !ok {
		return
	}
	rep, err := s.Desk.Report(r.Context(), actorOf(u), year)
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, 200, rep)
}

// verify walks the audit chain for whoever the desk lets check it.
func (s *Server) verify(w http.ResponseWriter, r *http.Request, u index.User) {
	v, err := s.Desk.Verify(r.Context(), actorOf(u))
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, 200, v)
}

func (s *Server) addUser(w http.ResponseWriter, r *http.Request, u index.User) {
	var in struct {
		User       string      `json:"user"`
		Password   string      `json:"password"`
		Role       review.Role `json:"role"`
		Department string      `json:"department"`
	}
	if !decodeJSON(w, r, &in) {
		return
	}
	if err := s.Desk.AddUser(r.Context(), index.User{Name: in.User, Role: in.Role, Department: in.Department}, in.Password, u.Name); err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, 201, map[string]any{"user": in.User, "role": in.Role})
}
