package index

import (
	"context"
	"sync"
)

// The comparison of the search index with the store reads every record's
// version from both, about half a second at 100,000 drafts. Open makes it
// before it returns; OpenLazy leaves it to the background, started by the
// first search or StartCheck (the desktop's window need not wait for it),
// searches waiting for it. It reads under the index's lock, so a repair and
// the writes made meanwhile stay in order.

// checking is the comparison Open started, nil for an archive opened without one.
type checking struct {
	once   sync.Once
	run    func(context.Context) error // the comparison, run once
	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{}
	err    error // read only after done is closed
}

// prepareCheck readies the comparison of the index with the store, which
// starts a repair of what differs; fresh says the index was just created,
// empty. It runs once started (StartCheck), in the background.
func (a *Archive) prepareCheck(fresh bool, progress func(done, total int)) {
	ctx, cancel := context.WithCancel(context.Background())
	a.check = &checking{ctx: ctx, cancel: cancel, done: make(chan struct{}), run: func(ctx context.Context) error {
		stale, gone, want, err := a.differences(ctx, fresh)
		if err == nil && len(stale)+len(gone) > 0 {
			a.startRepair(stale, gone, want, progress)
		}
		return err
	}}
}

// StartCheck starts comparing the search index with the store, in the
// background, if it has not started: Open starts it at once, OpenLazy at the
// first search or when this is called.
func (a *Archive) StartCheck() {
	if c := a.check; c != nil {
		c.once.Do(func() {
			go func() {
				defer close(c.done)
				c.err = c.run(c.ctx)
			}()
		})
	}
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
	a.StartCheck()
	select {
	case <-c.done:
		return c.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// stopCheck cancels the comparison if it is still running and waits for
// it; one not started is not started any more.
func (a *Archive) stopCheck() {
	if c := a.check; c != nil {
		c.cancel()
		c.once.Do(func() { close(c.done) })
		<-c.done
	}
}
