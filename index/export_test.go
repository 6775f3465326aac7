package index

import (
	"context"
	"fmt"
	"strconv"

	"github.com/blevesearch/bleve/v2"
)

// Exec runs a statement on a store behind the program's back: a tamper test's hand edit.
func Exec(s *Store, q string, args ...any) error {
	_, err := s.db.Exec(q, args...)
	return err
}

// Rechain forges the audit chain over a row changed behind the program's
// back, as someone who knows the hashing would: the last entry of draft id
// takes the row's new content hash and every entry is chained anew, so the
// chain alone no longer shows the change.
func Rechain(s *Store, id int64) error {
	ctx := context.Background()
	r, err := s.draftRow(ctx, id)
	if err != nil {
		return err
	}
	entries, err := s.Audit(ctx, 0)
	if err != nil {
		return err
	}
	last := -1
	for i, e := range entries {
		if e.DraftID == id && !sideAction(e.Action) {
			last = i
		}
	}
	if last >= 0 {
		entries[last].ContentHash = r.contentHash()
	}
	prev := genesis
	for _, e := range entries {
		e.PrevHash = prev
		e.Hash = e.computeHash()
		if _, err := s.db.Exec(`UPDATE audit SET content_hash=$1, prev_hash=$2, hash=$3 WHERE seq=$4`, e.ContentHash, e.PrevHash, e.Hash, e.Seq); err != nil {
			return err
		}
		prev = e.Hash
	}
	return nil
}

// IndexAgrees returns an error naming the first record whose search document
// differs from the store: missing, of another version, state or open flag,
// or kept for a record no longer stored.
func IndexAgrees(a *Archive) error {
	ctx := context.Background()
	want, err := a.Store.storeVersions(ctx)
	if err != nil {
		return err
	}
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), len(want)+10, 0, false)
	req.Fields = []string{"version", "state", "open"}
	res, err := a.search.idx.SearchInContext(ctx, req)
	if err != nil {
		return err
	}
	docs := map[string]map[string]any{}
	for _, h := range res.Hits {
		docs[h.ID] = h.Fields
	}
	err = a.Store.Each(ctx, Filter{}, func(r *Record) error {
		d, ok := docs[strconv.FormatInt(r.ID, 10)]
		switch {
		case !ok:
			return fmt.Errorf("record %d is not indexed", r.ID)
		case d["version"] != docVersion(r.ID, want[r.ID]):
			return fmt.Errorf("record %d indexed as version %v, stored %s", r.ID, d["version"], docVersion(r.ID, want[r.ID]))
		case d["state"] != string(r.State) || d["open"] != openFlag(r.State):
			return fmt.Errorf("record %d indexed as %v (open %v), stored %s", r.ID, d["state"], d["open"], r.State)
		}
		return nil
	})
	if err == nil && len(docs) != len(want) {
		err = fmt.Errorf("%d documents for %d records", len(docs), len(want))
	}
	return err
}

// Unindex removes a record's document from the search index behind the archive's back, as a crash before its write would leave it.
func Unindex(a *Archive, id int64) error { return a.search.idx.Delete(strconv.FormatInt(id, 10)) }

// SetFrequentMin sets how many drafts make a search's words frequent, so a
// small archive's searches take the frequent path; it returns the undo.
func SetFrequentMin(n uint64) func() {
	old := frequentMin
	frequentMin = n
	return func() { frequentMin = old }
}
