package index

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"prepub/review"
)

// The search index is kept in step with the store record by record. Every
// document carries the content hash of the row it was made from; Open
// compares those with the hashes the audit chain holds for the stored rows
// and, when any differ (a crash between the store's commit and the index's
// write, an index from another copy, one deleted), repairs just those in the
// background while searches are told the index is being rebuilt.

// repairBatch is how many records one step of a repair reads and indexes.
const repairBatch = 500

// versions returns the version of every document in the index, by document
// ID. It reads the version's doc values only, which hold the ID as well
// (docVersion), not the stored fields: the check at open then touches a small
// part of the index.
func (si *searchIndex) versions(ctx context.Context) (map[string]string, error) {
	adv, err := si.idx.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	all, err := r.DocIDReaderAll()
	if err != nil {
		return nil, err
	}
	defer all.Close()
	dv, err := r.DocValueReader([]string{"version"})
	if err != nil {
		return nil, err
	}
	have := map[string]string{}
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		id, err := all.Next()
		if err != nil || id == nil {
			return have, err
		}
		found := false
		err = dv.VisitDocValues(id, func(_ string, term []byte) {
			if ext, hash, ok := splitDocVersion(string(term)); ok {
				have[ext], found = hash, true
			}
		})
		if err != nil {
			return nil, err
		}
		if !found { // no version value (rare): the ID from the stored fields, the document indexed anew
			ext, err := r.ExternalID(id)
			if err != nil {
				return nil, err
			}
			have[ext] = ""
		}
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
	if len(stale) >= mergeAfter {
		if err := si.merge(ctx); err != nil {
			return storeErr("无法修复检索索引", err)
		}
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
		Department: r.department, File: r.file, Version: docVersion(r.id, version), Unindexable: reason}
}
