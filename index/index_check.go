package index

import (
	"context"
)

// The comparison of the search index with the store at Open runs in the
// background: reading every record's version from both takes about half a
// second at 100,000 drafts, and the window has no need to wait for it.
// Searches wait for it instead (most answer after it, unnoticed), and writes
// made meanwhile wait on the index's lock, so the comparison sees each of
// them either in both the store and the index or in neither.

// checking is the comparison Open started, nil for an archive opened without one.
type checking struct {
	cancel context.CancelFunc
	done   chan struct{}
	err    error // read only after done is closed
}

// startCheck compares the index with the store in the background and starts
// a repair of what differs. fresh says the index was just created, empty.
func (a *Archive) startCheck(fresh bool, progress func(done, total int)) {
	ctx, cancel := context.WithCancel(context.Background())
	c := &checking{cancel: cancel, done: make(chan struct{})}
	a.check = c
	go func() {
		defer close(c.done)
		stale, gone, want, err := a.differences(ctx, fresh)
		if err != nil {
			c.err = err
			return
		}
		if len(stale)+len(gone) > 0 {
			a.startRepair(stale, gone, want, progress)
		}
	}()
}

// differences reads the versions of the store and of the index under the
// index's lock and returns the records to index anew and the documents to drop.
func (a *Archive) differences(ctx context.Context, fresh bool) (stale []int64, gone []string, want map[int64]string, err error) {
	a.indexMu.Lock()
	defer a.indexMu.Unlock()
	if want, err = a.Store.storeVersions(ctx); err != nil {
		return nil, nil, nil, err
	}
	have := map[string]string{}
	if !fresh {
		if have, err = a.search.versions(ctx); err != nil {
			return nil, nil, nil, storeErr("无法读取检索索引", err)
		}
	}
	stale, gone = differences(want, have)
	return stale, gone, want, nil
}

// waitChecked waits until the comparison Open started has ended and returns
// its error, or ctx's.
func (a *Archive) waitChecked(ctx context.Context) error {
	c := a.check
	if c == nil {
		return nil
	}
	select {
	case <-c.done:
		return c.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// stopCheck cancels the comparison if it is still running and waits for it.
func (a *Archive) stopCheck() {
	if c := a.check; c != nil {
		c.cancel()
		<-c.done
	}
}
