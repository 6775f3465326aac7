package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"prepub/index"
	"prepub/internal/pgtest"
	"prepub/review"
	"prepub/review/extract"
	"prepub/review/scan"
	"prepub/server"
)

var ctx = context.Background()

func TestMain(m *testing.M) {
	extract.ServeWorker()
	os.Exit(m.Run())
}

// backend opens a fresh store: PostgreSQL when PREPUB_TEST_PG is set (as make test does), else SQLite.
type backend struct {
	name string
	open func(t *testing.T) *index.Store
	url  func(t *testing.T) string // a fresh, empty database: a SQLite path or a PostgreSQL URL
}

func backends(t *testing.T) []backend {
	dir := t.TempDir()
	out := []backend{{"SQLite", func(t *testing.T) *index.Store {
		st, err := index.OpenStore(dir + "/archive.db")
		if err != nil {
			t.Fatal(err)
		}
		return st
	}, func(t *testing.T) string { return t.TempDir() + "/archive.db" }}}
	base := os.Getenv("PREPUB_TEST_PG")
	if base == "" {
		return out
	}
	db := pgtest.Database(t, base)
	return append(out, backend{"PostgreSQL", func(t *testing.T) *index.Store {
		st, err := index.OpenPostgres(db)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}, func(t *testing.T) string { return pgtest.Database(t, base) }})
}

// office is a running server with every role's account.
type office struct {
	t     *testing.T
	srv   *httptest.Server
	api   *server.Server
	desk  *index.Desk
	index string
}

func startOffice(t *testing.T, b backend, indexDir string) *office {
	st := b.open(t)
	a, err := index.OpenWith(st, indexDir, nil)
	if err != nil {
		t.Fatal(err)
	}
	sc, _ := scan.Default()
	d := &index.Desk{Archive: a, Rules: review.DefaultRules(), Scanner: sc}
	api := server.New(d)
	o := &office{t: t, srv: httptest.NewServer(api.Handler()), api: api, desk: d, index: indexDir}
	t.Cleanup(func() { o.srv.Close(); a.Close() })
	return o
}

var accounts = []struct {
	name string
	role review.Role
}{
	{"张起草", review.RoleClerk}, {"李保密", review.SecrecyOfficer}, {"王法制", review.LegalOffice},
	{"赵分管", review.DeputyHead}, {"孙分管", review.DeputyHead}, {"钱主要", review.PrincipalHead}, {"周公开", index.RoleDisclosureOffice},
}

// setUp creates the administrator in the store and the other accounts through the API.
func (o *office) setUp() map[string]string {
	if err := o.desk.Archive.Store.AddUser(ctx, index.User{Name: "管理员", Role: index.RoleAdmin}, "admin-password", "setup"); err != nil {
		o.t.Fatal(err)
	}
	admin := o.login("管理员", "admin-password")
	for _, a := range accounts {
		o.do(admin, "POST", "/users", map[string]any{"user": a.name, "password": passwordOf(a.name), "role": a.role, "department": "县政府办"}, 201)
	}
	tokens := map[string]string{"管理员": admin}
	for _, a := range accounts {
		tokens[a.name] = o.login(a.name, passwordOf(a.name))
	}
	return tokens
}

// passwordOf is an account's password in these tests: long enough, and not containing the name.
func passwordOf(name string) string { return fmt.Sprintf("pass-%x", []byte(name))[:16] }

func (o *office) login(user, password string) string {
	var out struct{ Token string }
	o.decode(o.do("", "POST", "/login", map[string]string{"user": user, "password": password}, 200), &out)
	return out.Token
}

// do sends a request and requires a status; body may be a value (sent as JSON), raw bytes, or nil.
func (o *office) do(token, method, path string, body any, want int) []byte {
	o.t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		r = bytes.NewReader(b)
	default:
		j, _ := json.Marshal(b)
		r = bytes.NewReader(j)
	}
	code, data := o.send(token, method, path, "application/json", r)
	if code != want {
		o.t.Fatalf("%s %s: status %d, want %d: %s", method, path, code, want, data)
	}
	return data
}

func (o *office) send(token, method, path, ctype string, body io.Reader) (int, []byte) {
	req, _ := http.NewRequest(method, o.srv.URL+"/api/v1"+path, body)
	req.Header.Set("Content-Type", ctype)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		o.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, data
}

func (o *office) decode(data []byte, v any) {
	o.t.Helper()
	if err := json.Unmarshal(data, v); err != nil {
		o.t.Fatalf("%v: %s", err, data)
	}
}

// submit posts a draft as multipart and returns the response.
func (o *office) submit(token, name, text string, dec review.Decision, want int) map[string]any {
	o.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write([]byte(text))
	j, _ := json.Marshal(dec)
	mw.WriteField("decision", string(j))
	mw.Close()
	code, data := o.send(token, "POST", "/drafts", mw.FormDataContentType(), &buf)
	if code != want {
		o.t.Fatalf("submit: status %d, want %d: %s", code, want, data)
	}
	var out map[string]any
	o.decode(data, &out)
	return out
}

func (o *office) act(token string, id int64, action string, finding int, note string, want int) map[string]any {
	o.t.Helper()
	var out map[string]any
	o.decode(o.do(token, "POST", fmt.Sprintf("/drafts/%d/actions", id), map[string]any{"action": action, "finding": finding, "note": note}, want), &out)
	return out
}

func (o *office) queue(token string) []int64 {
	var q []struct{ ID int64 }
	o.decode(o.do(token, "GET", "/queue", nil, 200), &q)
	var ids []int64
	for _, d := range q {
		ids = append(ids, d.ID)
	}
	return ids
}

const markedDraft = "机密★1年\n关于防汛物资储备库布局的通知\n各乡镇：\n"

var withheld = review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: "载明储备库位置和数量，经定密属于国家秘密事项"}

// TestRolePaths ensures every role's path through the API, from submission to decision, on each backend.
func TestRolePaths(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			o := startOffice(t, b, t.TempDir())
			tok := o.setUp()
			out := o.submit(tok["张起草"], "d.txt", markedDraft, withheld, 201)
			id := int64(out["id"].(float64))
			if out["state"] != "secrecy-review" || out["result"] != "routed" {
				t.Fatalf("%v", out)
			}
			if q := o.queue(tok["李保密"]); len(q) != 1 || q[0] != id {
				t.Fatalf("secrecy queue %v", q)
			}
			o.act(tok["李保密"], id, "confirm", 0, "确属国家秘密", 200)
			o.act(tok["李保密"], id, "approve", -1, "", 200)
			o.act(tok["王法制"], id, "approve", -1, "依据适当", 200)
			if out := o.act(tok["钱主要"], id, "sign", -1, "同意", 200); out["state"] != "decided-withheld" {
				t.Fatalf("%v", out)
			}
			var d struct {
				History []review.Action
			}
			o.decode(o.do(tok["张起草"], "GET", fmt.Sprintf("/drafts/%d", id), nil, 200), &d)
			if len(d.History) != 5 {
				t.Fatalf("history %v", d.History)
			}
			// A returned public draft, resubmitted by its clerk, reaches the deputy head.
			ret := o.submit(tok["张起草"], "p.txt", "关于做好防汛工作的通知\n各乡镇：\n", review.Decision{}, 201)
			rid := int64(ret["id"].(float64))
			if ret["state"] != "returned" || len(o.queue(tok["张起草"])) != 1 {
				t.Fatalf("%v", ret)
			}
			o.do(tok["张起草"], "POST", fmt.Sprintf("/drafts/%d/actions", rid), map[string]any{"action": "resubmit", "decision": review.Decision{Attribute: review.Public}}, 200)
			o.act(tok["赵分管"], rid, "sign", -1, "同意", 200)
			var hits []index.Hit
			o.decode(o.do(tok["周公开"], "GET", "/search?q="+url.QueryEscape("防汛")+"&attr=public", nil, 200), &hits)
			if len(hits) != 1 || hits[0].ID != rid {
				t.Fatalf("search %v", hits)
			}
			var v index.Verification
			o.decode(o.do(tok["周公开"], "GET", "/verify", nil, 200), &v)
			if !v.OK {
				t.Fatalf("%+v", v)
			}
			o.do(tok["张起草"], "GET", "/verify", nil, 403) // only those who keep the archive check the chain
			var rep index.Report
			o.decode(o.do(tok["周公开"], "GET", fmt.Sprintf("/report?year=%d", time.Now().Year()), nil, 200), &rep)
			if rep.Total != 2 {
				t.Fatalf("report %+v", rep)
			}
		})
	}
}

// TestRefusals ensures whatever a client sends, it cannot act outside its role, skip a step or read what its role may not.
func TestRefusals(t *testing.T) {
	b := backends(t)[0]
	o := startOffice(t, b, t.TempDir())
	tok := o.setUp()
	id := int64(o.submit(tok["张起草"], "d.txt", markedDraft, withheld, 201)["id"].(float64))
	path := fmt.Sprintf("/drafts/%d/actions", id)
	for _, tc := range []struct {
		name, token, method, path string
		body                      any
		want                      int
	}{
		{"OffTheRoute", tok["赵分管"], "POST", path, map[string]any{"action": "sign"}, 404},
		{"SkippedStep", tok["钱主要"], "POST", path, map[string]any{"action": "sign"}, 403},
		{"ClerkActs", tok["张起草"], "POST", path, map[string]any{"action": "approve"}, 403},
		{"OpenFinding", tok["李保密"], "POST", path, map[string]any{"action": "approve"}, 409},
		{"UnknownAction", tok["李保密"], "POST", path, map[string]any{"action": "publish"}, 400},
		{"UnknownField", tok["李保密"], "POST", path, map[string]any{"action": "approve", "force": true}, 400},
		{"Malformed", tok["李保密"], "POST", path, []byte(`{"action":`), 400},
		{"Oversized", tok["李保密"], "POST", path, []byte(`{"note":"` + strings.Repeat("字", server.MaxJSONBytes) + `"}`), 413},
		{"NoToken", "", "GET", "/queue", nil, 401},
		{"BadToken", "forged", "GET", "/queue", nil, 401},
		{"NoDraft", tok["李保密"], "GET", "/drafts/999", nil, 404},
		{"ClerkSearches", tok["张起草"], "GET", "/search?q=x", nil, 403},
		{"ReviewerSubmits", tok["李保密"], "POST", "/drafts", []byte("x"), 403},
		{"ClerkAddsUser", tok["张起草"], "POST", "/users", map[string]any{"user": "x", "password": "12345678", "role": "admin"}, 403},
		{"DeputyReport", tok["赵分管"], "GET", "/report?year=2026", nil, 403},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o.t = t
			o.do(tc.token, tc.method, tc.path, tc.body, tc.want)
		})
	}
	o.t = t
	// Another clerk may not read this draft: for them it does not exist.
	admin := tok["管理员"]
	o.do(admin, "POST", "/users", map[string]any{"user": "吴起草", "password": "wu-password", "role": "clerk"}, 201)
	o.do(o.login("吴起草", "wu-password"), "GET", fmt.Sprintf("/drafts/%d", id), nil, 404)
	// Nothing above changed the draft.
	rec, _ := o.desk.Archive.Store.Get(ctx, id)
	if rec.State != review.StateSecrecyReview || len(rec.History) != 1 {
		t.Fatalf("refusals changed the draft: %s %d", rec.State, len(rec.History))
	}
	// Expired session.
	o.api.Clock = func() time.Time { return time.Now().Add(9 * time.Hour) }
	o.do(tok["李保密"], "GET", "/queue", nil, 401)
	o.api.Clock = time.Now
	// Rate limit: five wrong passwords, under spelling variants sign-in treats as the same
	// name, then even the right one waits; other accounts from the same address do not.
	for _, name := range []string{"赵分管", " 赵分管", "赵分管 ", "\t赵分管", " 赵分管 "} {
		o.do("", "POST", "/login", map[string]string{"user": name, "password": "wrong"}, 401)
	}
	o.do("", "POST", "/login", map[string]string{"user": "赵分管", "password": passwordOf("赵分管")}, 429)
	o.login("孙分管", passwordOf("孙分管"))
}

// TestSecurityHeaders ensures every answer, refusals included, carries the headers that keep it out of caches and frames.
func TestSecurityHeaders(t *testing.T) {
	o := startOffice(t, backends(t)[0], t.TempDir())
	for _, path := range []string{"/api/v1/rules", "/api/v1/queue"} {
		resp, err := http.Get(o.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		for h, want := range map[string]string{"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff",
			"Strict-Transport-Security": "max-age=31536000", "X-Frame-Options": "DENY"} {
			if got := resp.Header.Get(h); got != want {
				t.Errorf("%s: %s = %q, want %q", path, h, got, want)
			}
		}
	}
}

// TestConcurrentClients ensures many clients acting on the same drafts lose no action and double none.
func TestConcurrentClients(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			o := startOffice(t, b, t.TempDir())
			tok := o.setUp()
			const drafts = 12
			var ids []int64
			for i := 0; i < drafts; i++ {
				out := o.submit(tok["张起草"], fmt.Sprintf("d%d.txt", i), fmt.Sprintf("关于第%d项工作的通知\n各单位：\n", i), review.Decision{Attribute: review.Public}, 201)
				ids = append(ids, int64(out["id"].(float64)))
			}
			var wg sync.WaitGroup
			var mu sync.Mutex
			status := map[int64][]int{}
			for _, id := range ids {
				for _, who := range []string{"赵分管", "孙分管", "赵分管"} {
					wg.Add(1)
					go func() {
						defer wg.Done()
						j, _ := json.Marshal(map[string]any{"action": "sign", "note": "同意"})
						code, _ := o.send(tok[who], "POST", fmt.Sprintf("/drafts/%d/actions", id), "application/json", bytes.NewReader(j))
						mu.Lock()
						status[id] = append(status[id], code)
						mu.Unlock()
					}()
				}
			}
			wg.Wait()
			for _, id := range ids {
				ok := 0
				for _, c := range status[id] {
					switch c {
					case 200:
						ok++
					case 409:
					default:
						t.Fatalf("draft %d: status %d", id, c)
					}
				}
				rec, _ := o.desk.Archive.Store.Get(ctx, id)
				signs := 0
				for _, h := range rec.History {
					if h.Action == review.ActionSign {
						signs++
					}
				}
				if ok != 1 || signs != 1 || rec.State != review.StatePublished {
					t.Fatalf("draft %d: %d accepted, %d sign-offs, %s", id, ok, signs, rec.State)
				}
			}
			if v, _ := o.desk.Archive.Verify(ctx); !v.OK || v.Entries != 8+8+3*drafts { // 8 accounts made, 8 sign-ins; each draft: submitted, signed, entered in the catalogue
				t.Fatalf("chain: %+v", v)
			}
		})
	}
}

// TestRestart ensures a server restarted in the middle of a workflow loses nothing: after logging in again, work goes on.
func TestRestart(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			idx := t.TempDir()
			o := startOffice(t, b, idx)
			tok := o.setUp()
			id := int64(o.submit(tok["张起草"], "d.txt", markedDraft, withheld, 201)["id"].(float64))
			o.act(tok["李保密"], id, "confirm", 0, "确属国家秘密", 200)
			o.srv.Close()
			o.desk.Archive.Close()

			o2 := startOffice(t, b, idx)
			o2.do(tok["李保密"], "GET", "/queue", nil, 401) // sessions end with the process
			sec := o2.login("李保密", passwordOf("李保密"))
			if q := o2.queue(sec); len(q) != 1 || q[0] != id {
				t.Fatalf("queue after restart %v", q)
			}
			o2.act(sec, id, "approve", -1, "", 200) // the confirmation made before the restart still counts
			o2.act(o2.login("王法制", passwordOf("王法制")), id, "approve", -1, "", 200)
			o2.act(o2.login("钱主要", passwordOf("钱主要")), id, "sign", -1, "", 200)
			if v, _ := o2.desk.Archive.Verify(ctx); !v.OK {
				t.Fatalf("%+v", v)
			}
		})
	}
}
