package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"prepub/index"
	"prepub/review"
	"prepub/review/scan"
	"prepub/server"
)

// Who signs in during BenchmarkLoginFlood, each from its own loopback address
// (the limiter keys on the client's address as well as on the name).
const (
	floodVictim   = "Wang.Li" // a Latin name, so that case variants can be tried too
	floodOther    = "刘起草"
	victimAddr    = "127.0.0.2"
	otherAddr     = "127.0.0.3"
	attackerAddr  = "127.0.0.4"
	floodDefaultN = 32 // attacker connections
)

// floodNames are what the attacker types for the victim's name: the name with
// spaces around it (the same account; sign-in trims them) and in other cases
// (other names: no such account, checked against a dummy hash).
var floodNames = []string{floodVictim, " " + floodVictim, floodVictim + "\t", "\u3000" + floodVictim + " ",
	strings.ToLower(floodVictim), strings.ToUpper(floodVictim)}

// BenchmarkLoginFlood measures sign-in under a password-guessing flood over
// HTTPS on SQLite. For PREPUB_FLOOD_SECONDS (default 20) an attacker with
// PREPUB_FLOOD_CONNS connections (default 32) from one address guesses the
// victim's password, under variants of the name, as fast as it is answered;
// meanwhile the victim (from a second address) and another user (from a
// third) sign in with their right passwords every 250 ms
// (PREPUB_FLOOD_PAUSE_MS), as they did for half as long (at most 30 s) before
// the flood. The limiter's longest delay is 5 minutes, so a run of 330 s sees
// it expire once. PREPUB_FLOOD_CLOCK=k runs the server's clock k times as fast
// for a quick look; guesses per minute are then per minute of the server's
// clock, but the time a guess waits for a hash slot is stretched k times too,
// which lets more guesses past the limiter than real time would. Run with
// -benchtime=1x (bench/login.sh); it prints one "login-flood:" line per figure.
func BenchmarkLoginFlood(b *testing.B) {
	conns := envInt("PREPUB_FLOOD_CONNS", floodDefaultN)
	dur := time.Duration(envInt("PREPUB_FLOOD_SECONDS", 20)) * time.Second
	speed := envInt("PREPUB_FLOOD_CLOCK", 1)
	pause := time.Duration(envInt("PREPUB_FLOOD_PAUSE_MS", 250)) * time.Millisecond
	for range b.N {
		f := startFlood(b, speed)
		f.pause = pause
		base := f.signIns(min(dur/2, 30*time.Second), nil)
		f.mem.reset()
		var att *attack
		under := f.signIns(dur, func(stop <-chan struct{}) { att = f.attack(conns, stop) })
		heap, rss := f.mem.peak()
		f.srv.Close()

		serverMinutes := dur.Minutes() * float64(speed)
		pr := func(format string, a ...any) { fmt.Printf("login-flood: "+format+"\n", a...) }
		pr("attacker: %d connections from %s for %v (server clock ×%d, %.1f min)", conns, attackerAddr, dur, speed, serverMinutes)
		pr("attacker: %d answers, %.0f/s: %d checked against the victim's hash (401), %d against a dummy hash (other-case names, 401), %d refused (429), %d other",
			att.answers(), float64(att.answers())/dur.Seconds(), att.real, att.dummy, att.limited, att.other)
		pr("attacker: %d of the victim's-hash checks came after the first 429; %.1f guesses at the victim's password per server minute",
			att.realAfter429, float64(att.real)/serverMinutes)
		pr("attacker: victim's-hash checks in bursts: %s", att.bursts())
		for _, u := range []struct {
			name, addr string
		}{{floodVictim, victimAddr}, {floodOther, otherAddr}} {
			bs, fs := base.by[u.name], under.by[u.name]
			pr("%s (%s): before: %s; under the flood: %s; p50 ratio %s, p95 ratio %s", u.name, u.addr, bs, fs,
				ratio(fs.pct(50), bs.pct(50)), ratio(fs.pct(95), bs.pct(95)))
		}
		pr("server memory: Go heap in use peak %.0f MB before, %.0f MB under the flood; process peak RSS under the flood %.0f MB (clients included)",
			mb(base.heap), mb(heap), mb(rss))
		b.ReportMetric(float64(att.answers())/dur.Seconds(), "answers/s")
		b.ReportMetric(float64(att.real)/serverMinutes, "guesses/min")
		b.ReportMetric(float64(under.by[floodVictim].limited), "victim-429s")
		b.ReportMetric(ratio64(under.by[floodOther].pct(50), base.by[floodOther].pct(50)), "other-p50-ratio")
		b.ReportMetric(mb(heap), "heap-MB")
	}
}

// flood is one server of BenchmarkLoginFlood and its clients.
type flood struct {
	b       *testing.B
	srv     *httptest.Server
	clients map[string]*http.Client // by source address
	mem     *memPeak
	pause   time.Duration // between one user's sign-ins
}

// startFlood starts a fresh server over HTTPS on 127.0.0.1 with the two users, its clock running speed times as fast.
func startFlood(b *testing.B, speed int) *flood {
	dir := b.TempDir()
	st, err := index.OpenStore(dir + "/archive.db")
	if err != nil {
		b.Fatal(err)
	}
	a, err := index.OpenWith(st, dir+"/index", nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { a.Close() })
	sc, _ := scan.Default()
	api := server.New(&index.Desk{Archive: a, Rules: review.DefaultRules(), Scanner: sc})
	if speed > 1 {
		t0 := time.Now()
		api.Clock = func() time.Time { return t0.Add(time.Since(t0) * time.Duration(speed)) }
	}
	if err := st.AddUser(ctx, index.User{Name: "管理员", Role: index.RoleAdmin}, "admin-password", "setup"); err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{floodVictim, floodOther} {
		if err := st.AddUser(ctx, index.User{Name: name, Role: review.RoleClerk, Department: "县政府办"}, passwordOf(name), "管理员"); err != nil {
			b.Fatal(err)
		}
	}
	srv := httptest.NewUnstartedServer(api.Handler())
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // connections cut at the end of the flood
	srv.StartTLS()
	f := &flood{b: b, srv: srv, clients: map[string]*http.Client{}, mem: startMemPeak(b)}
	for _, addr := range []string{victimAddr, otherAddr, attackerAddr} {
		tr := srv.Client().Transport.(*http.Transport).Clone()
		tr.DialContext = (&net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(addr)}}).DialContext
		tr.MaxIdleConnsPerHost, tr.MaxConnsPerHost = 256, 256
		f.clients[addr] = &http.Client{Transport: tr}
	}
	return f
}

// login sends one sign-in from addr and returns the status, how long the
// answer took and its Retry-After in seconds (0 if none).
func (f *flood) login(addr, user, password string) (code int, took time.Duration, retry int) {
	j, _ := json.Marshal(map[string]string{"user": user, "password": password})
	start := time.Now()
	resp, err := f.clients[addr].Post(f.srv.URL+"/api/v1/login", "application/json", bytes.NewReader(j))
	if err != nil {
		return 0, time.Since(start), 0
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	retry, _ = strconv.Atoi(resp.Header.Get("Retry-After"))
	return resp.StatusCode, time.Since(start), retry
}

// signIns has the victim and the other user sign in with their passwords every
// f.pause for d, while load (if any) runs until its stop channel closes.
func (f *flood) signIns(d time.Duration, load func(stop <-chan struct{})) signInRun {
	stop := make(chan struct{})
	var wg sync.WaitGroup
	if load != nil {
		wg.Go(func() { load(stop) })
	}
	out := signInRun{by: map[string]*signIns{}}
	var mu sync.Mutex
	var users sync.WaitGroup
	for _, u := range [][2]string{{floodVictim, victimAddr}, {floodOther, otherAddr}} {
		users.Go(func() {
			var s signIns
			var refusedSince time.Time // the first of the refusals since the last sign-in let in
			for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(f.pause) {
				at := time.Now()
				code, took, retry := f.login(u[1], u[0], passwordOf(u[0]))
				switch code {
				case 200:
					s.ok = append(s.ok, took)
					if !refusedSince.IsZero() {
						s.lockedOut = max(s.lockedOut, time.Since(refusedSince))
						refusedSince = time.Time{}
					}
				case 429:
					s.limited++
					s.retryAfter = max(s.retryAfter, retry)
					if refusedSince.IsZero() {
						refusedSince = at
					}
				default:
					s.other++
				}
			}
			if !refusedSince.IsZero() {
				s.lockedOut = max(s.lockedOut, time.Since(refusedSince))
			}
			mu.Lock()
			out.by[u[0]] = &s
			mu.Unlock()
		})
	}
	users.Wait()
	close(stop)
	wg.Wait()
	out.heap, _ = f.mem.peak()
	return out
}

// signInRun is each user's sign-ins in one phase, and the Go heap's peak meanwhile.
type signInRun struct {
	by   map[string]*signIns
	heap uint64
}

// signIns is one user's sign-ins: the times of those let in, how many were
// refused, the longest Retry-After and the longest stretch without being let in once refused.
type signIns struct {
	ok             []time.Duration
	limited, other int
	retryAfter     int
	lockedOut      time.Duration
}

func (s *signIns) pct(p int) time.Duration {
	if len(s.ok) == 0 {
		return 0
	}
	v := slices.Clone(s.ok)
	slices.Sort(v)
	return v[min(len(v)-1, len(v)*p/100)]
}

func (s *signIns) String() string {
	out := fmt.Sprintf("%d let in (p50 %v, p95 %v, max %v), %d refused 429, %d other", len(s.ok),
		s.pct(50).Round(time.Millisecond), s.pct(95).Round(time.Millisecond), s.pct(100).Round(time.Millisecond), s.limited, s.other)
	if s.limited > 0 {
		out += fmt.Sprintf(" (Retry-After up to %d s, shut out for up to %v)", s.retryAfter, s.lockedOut.Round(time.Second))
	}
	return out
}

// attack is what the attacker's guesses got.
type attack struct {
	real, dummy, limited, other int64
	realAfter429                int64
	mu                          sync.Mutex
	realAt                      []time.Duration // when each victim's-hash check was answered, from the flood's start
}

// bursts groups the victim's-hash checks into bursts (no gap longer than 5 s) and says when each began and its size.
func (a *attack) bursts() string {
	a.mu.Lock()
	at := slices.Clone(a.realAt)
	a.mu.Unlock()
	slices.Sort(at)
	var out []string
	for i := 0; i < len(at); {
		j := i + 1
		for j < len(at) && at[j]-at[j-1] <= 5*time.Second {
			j++
		}
		out = append(out, fmt.Sprintf("%d from %.0f s to %.0f s", j-i, at[i].Seconds(), at[j-1].Seconds()))
		i = j
	}
	return strings.Join(out, "; ")
}

func (a *attack) answers() int64 { return a.real + a.dummy + a.limited + a.other }

// attack guesses the victim's password over conns connections until stop closes.
func (f *flood) attack(conns int, stop <-chan struct{}) *attack {
	a := &attack{}
	start := time.Now()
	var seen429 atomic.Bool
	var n atomic.Int64
	var wg sync.WaitGroup
	for range conns {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				i := n.Add(1)
				name := floodNames[int(i)%len(floodNames)]
				code, _, _ := f.login(attackerAddr, name, fmt.Sprintf("guess-%d", i))
				switch {
				case code == 429:
					atomic.AddInt64(&a.limited, 1)
					seen429.Store(true)
				case code == 401 && strings.TrimSpace(name) == floodVictim:
					atomic.AddInt64(&a.real, 1)
					a.mu.Lock()
					a.realAt = append(a.realAt, time.Since(start))
					a.mu.Unlock()
					if seen429.Load() {
						atomic.AddInt64(&a.realAfter429, 1)
					}
				case code == 401:
					atomic.AddInt64(&a.dummy, 1)
				default:
					atomic.AddInt64(&a.other, 1)
				}
			}
		})
	}
	wg.Wait()
	return a
}

// memPeak samples the process's Go heap in use every 50 ms and keeps the peak.
type memPeak struct {
	mu   sync.Mutex
	heap uint64
}

func startMemPeak(b *testing.B) *memPeak {
	m := &memPeak{}
	done := make(chan struct{})
	b.Cleanup(func() { close(done) })
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(50 * time.Millisecond):
			}
			runtime.ReadMemStats(&ms)
			m.mu.Lock()
			m.heap = max(m.heap, ms.HeapInuse)
			m.mu.Unlock()
		}
	}()
	return m
}

// reset starts a new peak: the heap's and the resident set's (VmHWM, on Linux).
func (m *memPeak) reset() {
	runtime.GC()
	m.mu.Lock()
	m.heap = 0
	m.mu.Unlock()
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// peak returns the Go heap in use at its peak and the process's peak resident set (0 where unknown).
func (m *memPeak) peak() (heap, rss uint64) {
	m.mu.Lock()
	heap = m.heap
	m.mu.Unlock()
	data, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			rss = kb << 10
		}
	}
	return heap, rss
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

func mb(n uint64) float64 { return float64(n) / (1 << 20) }

func ratio64(a, b time.Duration) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func ratio(a, b time.Duration) string {
	if a == 0 || b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f×", ratio64(a, b))
}
