package server

import (
	"testing"
	"time"
)

// TestLoginLimiterDelays ensures failures past the free ones make each further
// attempt wait twice as long, up to the cap, and that success clears the key.
func TestLoginLimiterDelays(t *testing.T) {
	l := newLoginLimiter(3)
	t0 := time.Unix(1_700_000_000, 0)
	for i := 0; i < 3; i++ {
		if w := l.wait(t0, "k"); w != 0 {
			t.Fatalf("attempt %d waits %v before any delay is due", i+1, w)
		}
		l.failed(t0, "k")
	}
	want := []time.Duration{5 * time.Second, 10 * time.Second, 20 * time.Second}
	now := t0
	for _, d := range want {
		if w := l.wait(now, "k"); w != d {
			t.Fatalf("wait %v, want %v", w, d)
		}
		now = now.Add(d)
		if w := l.wait(now, "k"); w != 0 {
			t.Fatalf("after the delay the attempt still waits %v", w)
		}
		l.failed(now, "k")
	}
	for i := 0; i < 30; i++ {
		l.failed(now, "k")
	}
	if w := l.wait(now, "k"); w != 5*time.Minute {
		t.Fatalf("wait %v, want the 5-minute cap", w)
	}
	if w := l.wait(now, "other"); w != 0 {
		t.Fatalf("another key waits %v", w)
	}
	l.succeeded("k")
	if w := l.wait(now, "k"); w != 0 {
		t.Fatalf("after success the key waits %v", w)
	}
}

// TestLoginLimiterBounded ensures a flood of distinct keys keeps the bookkeeping bounded.
func TestLoginLimiterBounded(t *testing.T) {
	l := newLoginLimiter(3)
	l.max = 1000
	now := time.Unix(1_700_000_000, 0)
	for i := 0; i < 20_000; i++ {
		now = now.Add(time.Millisecond)
		l.failed(now, string(rune(0x4E00+i)))
	}
	if len(l.entries) > l.max {
		t.Fatalf("%d entries kept, at most %d allowed", len(l.entries), l.max)
	}
}
