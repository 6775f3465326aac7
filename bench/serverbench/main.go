// Command serverbench runs the office server on loopback over HTTPS and has
// many concurrent clients submit drafts, pass secrecy review and sign them,
// on SQLite and, when PREPUB_TEST_PG is set, on PostgreSQL; it prints
// throughput and latency percentiles side by side. bench/server.sh runs it.
package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"prepub/index"
	"prepub/review"
	"prepub/review/extract"
	"prepub/review/scan"
	"prepub/server"
)

func main() {
	extract.ServeWorker()
	clients := flag.Int("clients", 50, "concurrent clients")
	rounds := flag.Int("rounds", 10, "drafts each client takes through review")
	flag.Parse()
	fmt.Printf("%d clients × %d drafts, each: submit (with a marking to review), confirm, approve, legal approve, principal sign\n\n", *clients, *rounds)
	fmt.Printf("| backend | drafts/s | requests/s | p50 | p95 | p99 | errors | one login (sequential) |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n")
	dir, _ := os.MkdirTemp("", "serverbench")
	defer os.RemoveAll(dir)
	st, err := index.OpenStore(filepath.Join(dir, "archive.db"))
	check(err)
	bench("SQLite", st, filepath.Join(dir, "sqlite-index"), *clients, *rounds)
	if base := os.Getenv("PREPUB_TEST_PG"); base != "" {
		admin, err := sql.Open("pgx", base)
		check(err)
		name := fmt.Sprintf("prepub_bench_%d", time.Now().UnixNano())
		_, err = admin.Exec("CREATE DATABASE " + name)
		check(err)
		u, _ := url.Parse(base)
		u.Path = "/" + name
		st, err := index.OpenPostgres(u.String())
		check(err)
		bench("PostgreSQL", st, filepath.Join(dir, "pg-index"), *clients, *rounds)
		admin.Exec("DROP DATABASE " + name + " WITH (FORCE)")
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "serverbench:", err)
		os.Exit(1)
	}
}

func bench(name string, st *index.Store, indexDir string, clients, rounds int) {
	a, err := index.OpenWith(st, indexDir, nil)
	check(err)
	defer a.Close()
	sc, _ := scan.Default()
	srv := httptest.NewTLSServer(server.New(&index.Desk{Archive: a, Rules: review.DefaultRules(), Scanner: sc}).Handler())
	defer srv.Close()
	ctx := context.Background()
	check(st.AddUser(ctx, index.User{Name: "admin", Role: index.RoleAdmin}, "bench-office-secret", "bench"))
	roles := map[string]review.Role{"secrecy": review.SecrecyOfficer, "legal": review.LegalOffice, "principal": review.PrincipalHead}
	for i := 0; i < clients; i++ {
		check(st.AddUser(ctx, index.User{Name: fmt.Sprintf("clerk%d", i), Role: review.RoleClerk}, "password-1", "bench"))
		for n, r := range roles {
			check(st.AddUser(ctx, index.User{Name: fmt.Sprintf("%s%d", n, i), Role: r}, "password-1", "bench"))
		}
	}
	hc := srv.Client()
	hc.Transport.(*http.Transport).MaxIdleConnsPerHost = clients * 4
	var mu sync.Mutex
	var lat []time.Duration
	errs := 0
	call := func(token, method, path, ctype string, body []byte) []byte {
		req, _ := http.NewRequest(method, srv.URL+"/api/v1"+path, bytes.NewReader(body))
		req.Header.Set("Content-Type", ctype)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		t0 := time.Now()
		resp, err := hc.Do(req)
		d := time.Since(t0)
		var data []byte
		ok := err == nil
		if ok {
			data, _ = io.ReadAll(resp.Body)
			resp.Body.Close()
			ok = resp.StatusCode < 300
		}
		mu.Lock()
		lat = append(lat, d)
		if !ok {
			errs++
		}
		mu.Unlock()
		return data
	}
	login := func(user string) string {
		var out struct{ Token string }
		json.Unmarshal(call("", "POST", "/login", "application/json", []byte(`{"user":"`+user+`","password":"password-1"}`)), &out)
		return out.Token
	}
	act := func(tok string, id int64, action string, finding int) {
		b, _ := json.Marshal(map[string]any{"action": action, "finding": finding, "note": "同意"})
		call(tok, "POST", fmt.Sprintf("/drafts/%d/actions", id), "application/json", b)
	}
	dec, _ := json.Marshal(review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: "载明储备库位置和数量，经定密属于国家秘密事项"})
	// Log everyone in first: logins cost an argon2id hash each, by design, and are timed apart.
	tokens := make([]map[string]string, clients)
	t0 := time.Now()
	for c := 0; c < clients; c++ {
		tokens[c] = map[string]string{}
		for _, n := range []string{"clerk", "secrecy", "legal", "principal"} {
			tokens[c][n] = login(fmt.Sprintf("%s%d", n, c))
		}
	}
	loginEach := time.Since(t0) / time.Duration(4*clients)
	lat = lat[:0]
	start := time.Now()
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tok := tokens[c]
			for r := 0; r < rounds; r++ {
				var buf bytes.Buffer
				mw := multipart.NewWriter(&buf)
				fw, _ := mw.CreateFormFile("file", "d.txt")
				fmt.Fprintf(fw, "机密★1年\n关于第%d-%d号储备库布局的通知\n各乡镇：现将有关事项通知如下。\n", c, r)
				mw.WriteField("decision", string(dec))
				mw.Close()
				var out struct{ ID int64 }
				json.Unmarshal(call(tok["clerk"], "POST", "/drafts", mw.FormDataContentType(), buf.Bytes()), &out)
				act(tok["secrecy"], out.ID, review.ActionConfirm, 0)
				act(tok["secrecy"], out.ID, review.ActionApprove, -1)
				act(tok["legal"], out.ID, review.ActionApprove, -1)
				act(tok["principal"], out.ID, review.ActionSign, -1)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	v, err := a.Verify(ctx)
	check(err)
	if !v.OK {
		check(fmt.Errorf("%s: chain does not verify: %s", name, v.Problem))
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	p := func(q int) time.Duration { return lat[(len(lat)-1)*q/100].Round(100 * time.Microsecond) }
	fmt.Printf("| %s | %.1f | %.0f | %s | %s | %s | %d | %s |\n", name, float64(clients*rounds)/elapsed.Seconds(), float64(len(lat))/elapsed.Seconds(), p(50), p(95), p(99), errs, loginEach.Round(time.Millisecond))
}
