package server

import (
	"sync"
	"time"
)

// knownSignIns remembers which address has signed in to which account: an
// account's delay after failed sign-ins from elsewhere does not apply there.
// Bounded: the oldest half is dropped when full, and an entry lasts 90 days.
type knownSignIns struct {
	mu   sync.Mutex
	seen map[string]time.Time
	max  int
	ttl  time.Duration
}

func newKnownSignIns() *knownSignIns {
	return &knownSignIns{seen: map[string]time.Time{}, max: 100_000, ttl: 90 * 24 * time.Hour}
}

// has reports whether the address signed in to the name within the last 90 days.
func (k *knownSignIns) has(now time.Time, name, addr string) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	at, ok := k.seen[name+"|"+addr]
	return ok && now.Sub(at) < k.ttl
}

// add records a sign-in to the name from the address.
func (k *knownSignIns) add(now time.Time, name, addr string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if len(k.seen) >= k.max {
		oldest := now
		for _, at := range k.seen {
			if at.Before(oldest) {
				oldest = at
			}
		}
		cut := oldest.Add(now.Sub(oldest) / 2)
		for key, at := range k.seen {
			if !at.After(cut) {
				delete(k.seen, key)
			}
		}
	}
	k.seen[name+"|"+addr] = now
}
