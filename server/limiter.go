package server

import (
	"sync"
	"time"
)

// loginLimiter slows repeated failed sign-ins for one key: an account name
// (normalised as sign-in does) or a client address. The first few failures
// cost nothing; after them each further attempt waits twice as long as the
// one before, from 5 s up to a cap — a growing delay, not a lock. One address
// cannot walk through names; a name's delay does not hold back an address
// that has signed in to it before (knownSignIns), so a stranger guessing at a
// real user's name cannot shut its owner out of their own workstation.
// Entries are forgotten after a quiet period and their number is bounded.
type loginLimiter struct {
	mu      sync.Mutex
	entries map[string]*loginFailures
	free    int           // failures before delays start
	maxWait time.Duration // the longest delay
	forget  time.Duration // an entry without failures this long is dropped
	max     int           // entries kept at most
}

// loginFailures counts one key's recent failed sign-ins.
type loginFailures struct {
	count int
	last  time.Time
}

// newLoginLimiter returns a limiter whose delays start after free failures.
func newLoginLimiter(free int) *loginLimiter {
	return &loginLimiter{entries: map[string]*loginFailures{}, free: free, maxWait: 5 * time.Minute,
		forget: 30 * time.Minute, max: 100_000}
}

// wait returns how long a sign-in with this key must still wait; 0 means it may go ahead.
func (l *loginLimiter) wait(now time.Time, key string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.waitLocked(now, key)
}

// take lets an attempt with this key go ahead when it need not wait, and
// counts it at once as a failure (forgive undoes that when it succeeds), so
// attempts arriving together cannot all pass on one allowance; otherwise it
// returns the wait and counts nothing.
func (l *loginLimiter) take(now time.Time, key string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	if w := l.waitLocked(now, key); w > 0 {
		return w
	}
	l.failedLocked(now, key)
	return 0
}

// forgive undoes one attempt take counted: it succeeded, or never ran.
func (l *loginLimiter) forgive(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e := l.entries[key]; e != nil {
		if e.count--; e.count <= 0 {
			delete(l.entries, key)
		}
	}
}

func (l *loginLimiter) waitLocked(now time.Time, key string) time.Duration {
	e := l.entries[key]
	if e == nil || e.count < l.free {
		return 0
	}
	return max(0, e.last.Add(l.delay(e.count)).Sub(now))
}

// delay is the wait after count failures.
func (l *loginLimiter) delay(count int) time.Duration {
	d := 5 * time.Second << min(count-l.free, 20)
	return min(d, l.maxWait)
}

// failed records a failed sign-in for the key.
func (l *loginLimiter) failed(now time.Time, key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.failedLocked(now, key)
}

func (l *loginLimiter) failedLocked(now time.Time, key string) {
	if len(l.entries) >= l.max {
		l.prune(now)
	}
	e := l.entries[key]
	if e == nil {
		e = &loginFailures{}
		l.entries[key] = e
	}
	e.count++
	e.last = now
}

// succeeded clears the key's failures.
func (l *loginLimiter) succeeded(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.entries, key)
}

// prune drops entries quiet for the forget period, then, if still too many, the oldest half.
func (l *loginLimiter) prune(now time.Time) {
	var oldest time.Time
	for k, e := range l.entries {
		if now.Sub(e.last) > l.forget {
			delete(l.entries, k)
		} else if oldest.IsZero() || e.last.Before(oldest) {
			oldest = e.last
		}
	}
	if len(l.entries) < l.max {
		return
	}
	cut := oldest.Add(now.Sub(oldest) / 2)
	for k, e := range l.entries {
		if e.last.Before(cut) {
			delete(l.entries, k)
		}
	}
}
