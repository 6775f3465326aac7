package index

import "context"

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
