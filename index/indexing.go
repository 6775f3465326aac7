package index

import (
	"context"
	"sync"
	"sync/atomic"

	"prepub/review"
)

// What the archive shows of a repair of its search index (index_repair.go):
// whether one is running, how far it is, and the records it could not take.

// indexing is one repair of the search index, in the background or not.
type indexing struct {
	cancel   context.CancelFunc
	done     chan struct{}
	running  atomic.Bool
	finished atomic.Int64
	total    int64
	mu       sync.Mutex
	problems []IndexProblem
}

// IndexProblem is a record the search index could not take, and why. The
// index keeps such a record by its title and state alone, marked, so it is
// not tried again at every start.
type IndexProblem struct {
	ID     int64  `json:"id"`
	Reason string `json:"reason"`
}

// problem records a record the repair could not take.
func (ix *indexing) problem(id int64, reason string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.problems = append(ix.problems, IndexProblem{ID: id, Reason: reason})
}

// indexingErr is the answer of a search while the index is being repaired, nil otherwise.
func (a *Archive) indexingErr() error {
	ix := a.fix.Load()
	if ix == nil || !ix.running.Load() {
		return nil
	}
	return review.Errorf(review.ErrBusy, "正在重建检索索引（已完成 %d/%d 条），请稍候再检索", ix.finished.Load(), ix.total)
}

// WaitIndexed waits until a repair of the search index that Open started has
// ended, or ctx ends.
func (a *Archive) WaitIndexed(ctx context.Context) error {
	if err := a.waitChecked(ctx); err != nil {
		return err
	}
	ix := a.fix.Load()
	if ix == nil {
		return nil
	}
	select {
	case <-ix.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// IndexProblems returns the records the last repair of the index could not
// take, and why.
func (a *Archive) IndexProblems() []IndexProblem {
	a.waitChecked(context.Background())
	ix := a.fix.Load()
	if ix == nil {
		return nil
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return append([]IndexProblem(nil), ix.problems...)
}

// stopRepair cancels a repair running in the background and waits for it.
func (a *Archive) stopRepair() {
	if ix := a.fix.Load(); ix != nil && ix.cancel != nil {
		ix.cancel()
		<-ix.done
	}
}
