package index

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"

	"prepub/review"
)

// The search index is kept in step with the store record by record. Every
// document carries the content hash of the row it was made from; Open
// compares those with the hashes the audit chain holds for the stored rows
// and, when any differ (a crash between the store's commit and the index's
// write, an index from another copy, one deleted), repairs just those in the
// background while searches are told the index is being rebuilt.

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

// repairBatch is how many records one step of a repair reads and indexes.
const repairBatch = 500

// storeVersions returns the content hash that the last audit entry of every
// stored draft holds, "" for a draft no entry wrote.
func (s *Store) storeVersions(ctx context.Context) (map[int64]string, error) {
	want := map[int64]string{}
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM drafts`)
	if err != nil {
		return nil, storeErr("无法读取档案库", err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, storeErr("无法读取档案库", err)
		}
		want[id] = ""
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, storeErr("无法读取档案库", err)
	}
	rows, err = s.db.QueryContext(ctx, `SELECT draft_id, action, content_hash FROM audit WHERE draft_id <> 0 ORDER BY seq`)
	if err != nil {
		return nil, storeErr("无法读取审计链", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var action, hash string
		if err := rows.Scan(&id, &action, &hash); err != nil {
			return nil, storeErr("无法读取审计链", err)
		}
		if _, ok := want[id]; ok && !sideAction(action) {
			want[id] = hash
		}
	}
	return want, rows.Err()
}

// versions returns the version of every document in the index, by document ID.
func (si *searchIndex) versions(ctx context.Context) (map[string]string, error) {
	have := map[string]string{}
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 5000, 0, false)
		req.Fields = []string{"version"}
		req.SortBy([]string{"_id"})
		req.SearchAfter = after
		res, err := si.idx.SearchInContext(ctx, req)
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			v, _ := h.Fields["version"].(string)
			have[h.ID] = v
		}
		if len(res.Hits) < 5000 {
			return have, nil
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}

// differences returns the records whose document is missing or of another
// version, in ID order, and the documents of records no longer stored.
func differences(want map[int64]string, have map[string]string) (stale []int64, gone []string) {
	for id, v := range want {
		if hv, ok := have[strconv.FormatInt(id, 10)]; !ok || hv != v {
			stale = append(stale, id)
		}
	}
	for id := range have {
		n, err := strconv.ParseInt(id, 10, 64)
		if _, ok := want[n]; err != nil || !ok {
			gone = append(gone, id)
		}
	}
	slices.Sort(stale)
	return stale, gone
}

// startRepair repairs the index in the background: searches are refused,
// saying so, until it ends.
func (a *Archive) startRepair(stale []int64, gone []string, want map[int64]string, progress func(done, total int)) {
	ctx, cancel := context.WithCancel(context.Background())
	ix := &indexing{cancel: cancel, done: make(chan struct{}), total: int64(len(stale) + len(gone))}
	ix.running.Store(true)
	a.fix.Store(ix)
	go func() {
		defer close(ix.done)
		defer ix.running.Store(false)
		if err := a.repair(ctx, ix, a.search, stale, gone, want, progress); err != nil && ctx.Err() == nil {
			ix.problem(0, review.ErrorMessage(err))
		}
	}()
}

// repair indexes the stale records from the store and deletes the gone
// documents, a batch at a time. A record that cannot be read or indexed is
// indexed as unindexable instead, so it is not tried at every start.
func (a *Archive) repair(ctx context.Context, ix *indexing, si *searchIndex, stale []int64, gone []string, want map[int64]string, progress func(done, total int)) error {
	report := func() {
		if progress != nil {
			progress(int(ix.finished.Load()), int(ix.total))
		}
	}
	if len(gone) > 0 {
		batch := si.idx.NewBatch()
		for _, id := range gone {
			batch.Delete(id)
		}
		a.indexMu.Lock()
		err := si.idx.Batch(batch)
		a.indexMu.Unlock()
		if err != nil {
			return storeErr("无法修复检索索引", err)
		}
		ix.finished.Add(int64(len(gone)))
		report()
	}
	for start := 0; start < len(stale); start += repairBatch {
		if err := ctx.Err(); err != nil {
			return err
		}
		ids := stale[start:min(start+repairBatch, len(stale))]
		if err := a.repairBatch(ctx, ix, si, ids, want); err != nil {
			return err
		}
		ix.finished.Add(int64(len(ids)))
		report()
	}
	return nil
}

// repairBatch reads some records from the store and indexes them, under the
// index's lock, so a write made meanwhile is indexed after, not before, them.
func (a *Archive) repairBatch(ctx context.Context, ix *indexing, si *searchIndex, ids []int64, want map[int64]string) error {
	a.indexMu.Lock()
	defer a.indexMu.Unlock()
	batch := si.idx.NewBatch()
	err := a.Store.rowsByID(ctx, ids, func(r row) error {
		doc, reason := rowDoc(r, want[r.id])
		if reason == "" {
			err := batch.Index(strconv.FormatInt(r.id, 10), doc)
			if err == nil {
				return nil
			}
			reason = fmt.Sprintf("记录 %d 检索索引不能收录：%v", r.id, err)
			doc = placeholder(r, want[r.id], reason)
		}
		ix.problem(r.id, reason)
		return batch.Index(strconv.FormatInt(r.id, 10), doc)
	})
	if err != nil {
		return err
	}
	if err := si.idx.Batch(batch); err != nil {
		return storeErr("无法修复检索索引", err)
	}
	return nil
}

// rowDoc returns a stored row's search document under version, or a
// placeholder and the reason when the row cannot be read as a record.
func rowDoc(r row, version string) (searchDoc, string) {
	rec, err := r.record()
	if err != nil {
		reason := fmt.Sprintf("记录 %d 已损坏，无法读取：%v", r.id, err)
		return placeholder(r, version, reason), reason
	}
	rec.version = version
	return docOf(rec), ""
}

// placeholder is the document of a record the index cannot take: its title,
// decision and state, so filters still treat it rightly, and why.
func placeholder(r row, version, reason string) searchDoc {
	st := review.State(r.state)
	return searchDoc{Title: r.title, Attribute: r.attribute, Basis: r.basis, State: r.state, Open: openFlag(st),
		Department: r.department, File: r.file, Version: version, Unindexable: reason}
}

func (ix *indexing) problem(id int64, reason string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.problems = append(ix.problems, IndexProblem{ID: id, Reason: reason})
}

// rowsByID calls fn with the stored row of each of ids that exists, in ID order.
func (s *Store) rowsByID(ctx context.Context, ids []int64, fn func(row) error) error {
	if len(ids) == 0 {
		return nil
	}
	marks := make([]string, len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		marks[i], args[i] = fmt.Sprintf("$%d", i+1), id
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+columns+` FROM drafts WHERE id IN (`+strings.Join(marks, ", ")+`) ORDER BY id`, args...)
	if err != nil {
		return storeErr("无法读取档案库", err)
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanRow(rows)
		if err != nil {
			return storeErr("无法读取档案库", err)
		}
		if err := fn(r); err != nil {
			return storeErr("无法修复检索索引", err)
		}
	}
	return rows.Err()
}

// indexingErr is the answer of a search while the index is being repaired, nil otherwise.
func (a *Archive) indexingErr() error {
	ix := a.fix.Load()
	if ix == nil || !ix.running.Load() {
		return nil
	}
	return review.Errorf(review.ErrIndexing, "正在重建检索索引（已完成 %d/%d 条），请稍候再检索", ix.finished.Load(), ix.total)
}

// WaitIndexed waits until a repair of the search index that Open started has
// ended, or ctx ends.
func (a *Archive) WaitIndexed(ctx context.Context) error {
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
