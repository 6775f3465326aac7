package index

import "strconv"

// Every write to the store is followed by its records' indexing. On the
// office server many clerks and reviewers write at once, and each write
// indexed alone was a segment of its own for the index to merge: the merges
// took more of the server's processor than the store. So the writes that
// wait for the index meanwhile are indexed together, in one batch, by
// whichever of them gets the index first; each returns once its records are
// in the index, as before.

// index adds records to the search index, with those of other writes
// waiting meanwhile. A failure is not an error: the store is the truth, and
// the index is brought in step with it at the next Open.
func (a *Archive) index(recs ...*Record) {
	a.pendingMu.Lock()
	a.pending = append(a.pending, recs...)
	a.pendingMu.Unlock()

	a.indexMu.Lock()
	defer a.indexMu.Unlock()
	a.pendingMu.Lock()
	recs, a.pending = a.pending, nil
	a.pendingMu.Unlock()
	if len(recs) == 0 {
		return // another write indexed these along with its own
	}
	batch := a.search.idx.NewBatch()
	for _, r := range recs {
		batch.Index(strconv.FormatInt(r.ID, 10), docOf(r)) // a record it cannot take is left to the next Open
	}
	a.search.idx.Batch(batch)
}
