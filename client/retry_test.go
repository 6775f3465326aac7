package client_test

import (
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"prepub/client"
	"prepub/index"
	"prepub/review"
	"prepub/review/scan"
	"prepub/server"
)

// TestSubmitRetried ensures an upload whose answer is lost is sent again with
// the same Idempotency-Key, fresh for each upload, and the server keeps one
// draft for it.
func TestSubmitRetried(t *testing.T) {
	a, err := index.Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	sc, _ := scan.Default()
	d := &index.Desk{Archive: a, Rules: review.DefaultRules(), Scanner: sc}
	h := server.New(d).Handler()
	var mu sync.Mutex
	var keys []string
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != "POST" || r.URL.Path != "/api/v1/drafts" {
			h.ServeHTTP(w, r)
			return
		}
		mu.Lock()
		keys = append(keys, r.Header.Get("Idempotency-Key"))
		first := len(keys)%2 == 1
		mu.Unlock()
		if !first {
			h.ServeHTTP(w, r)
			return
		}
		h.ServeHTTP(httptest.NewRecorder(), r) // the draft is made, its answer lost on the way
		conn, _, _ := w.(http.Hijacker).Hijack()
		conn.Close()
	}))
	t.Cleanup(func() { srv.Close(); a.Close() })
	for _, u := range []index.User{{Name: "管理员", Role: index.RoleAdmin}, {Name: "张起草", Role: review.RoleClerk, Department: "县政府办"}} {
		if err := d.AddUser(ctx, u, "password-1", "管理员"); err != nil {
			t.Fatal(err)
		}
	}
	sum := sha256.Sum256(srv.Certificate().Raw)
	c := client.New(srv.URL, fmt.Sprintf("%X", sum[:]))
	u, err := c.Authenticate(ctx, "张起草", "password-1")
	if err != nil {
		t.Fatal(err)
	}
	clerk := review.Actor{User: u.Name, Role: u.Role}
	var ids []int64
	for _, text := range []string{"关于做好防汛工作的通知\n各乡镇：\n", "关于做好抗旱工作的通知\n各乡镇：\n"} {
		rec, err := c.Submit(ctx, clerk, "县政府办", "a.txt", []byte(text), review.Decision{Attribute: review.Public})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, rec.ID)
	}
	if n, _ := d.Archive.Store.Count(ctx); n != 2 || ids[0] == ids[1] {
		t.Errorf("%d drafts (ids %v), want one per upload", n, ids)
	}
	if len(keys) != 4 || keys[0] == "" || keys[0] != keys[1] || keys[2] != keys[3] || keys[0] == keys[2] {
		t.Errorf("keys sent %q: want each upload's key twice, and a new key per upload", keys)
	}
}
