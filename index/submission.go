package index

import (
	"context"
	"database/sql"
	"errors"

	"prepub/review"
)

// MaxKeyRunes is the longest idempotency key a submission may carry.
const MaxKeyRunes = 128

// SubmitOnce is Submit with an idempotency key: the first submission with a
// key makes a draft and keeps the key with it, in the same transaction; the
// same key from the same clerk again (a retried upload) returns that draft
// with again true instead of making a second; a key another clerk used is
// refused. An empty key makes a draft every time.
func (d *Desk) SubmitOnce(ctx context.Context, key string, clerk review.Actor, department, name string, data []byte, dec review.Decision) (rec *Record, again bool, err error) {
	if key == "" {
		rec, err = d.Submit(ctx, clerk, department, name, data, dec)
		return rec, false, err
	}
	if err := review.CheckText("提交编号（Idempotency-Key）", key, MaxKeyRunes); err != nil {
		return nil, false, err
	}
	if rec, err := d.submitted(ctx, key, clerk); rec != nil || err != nil {
		return rec, rec != nil, err
	}
	rec, err = d.prepare(clerk, department, name, data, dec)
	if err != nil {
		return nil, false, err
	}
	if err := d.Archive.Store.putSubmitted(ctx, rec, data, clerk.User, key); err != nil {
		// a retry that raced its first attempt: the key is there now
		if first, ferr := d.submitted(ctx, key, clerk); first != nil || ferr != nil {
			return first, first != nil, ferr
		}
		return nil, false, err
	}
	d.Archive.index(rec)
	return rec, false, nil
}

// submitted returns the draft a key already made for this clerk, nil when the
// key is new, or refuses a key another clerk used.
func (d *Desk) submitted(ctx context.Context, key string, clerk review.Actor) (*Record, error) {
	var actor string
	var id int64
	err := d.Archive.Store.db.QueryRowContext(ctx, `SELECT actor, draft_id FROM submissions WHERE key=$1`, key).Scan(&actor, &id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, nil
	case err != nil:
		return nil, storeErr("无法读取档案库", err)
	case actor != clerk.User:
		return nil, review.Errorf(review.ErrConflict, "提交编号（Idempotency-Key）已被其他用户使用：请重新提交，程序会生成新的编号")
	}
	return d.Archive.Store.Get(ctx, id)
}

// putSubmitted inserts a new record with its file, its audit entry and its
// submission key, in one transaction.
func (s *Store) putSubmitted(ctx context.Context, rec *Record, file []byte, actor, key string) error {
	tx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := s.put(ctx, tx, rec, file, actor, review.ActionSubmit); err != nil {
		return err
	}
	tx.queue(`INSERT INTO submissions (key, actor, draft_id) VALUES ($1, $2, $3)`, key, actor, rec.ID)
	if err := tx.Commit(); err != nil {
		rec.ID = 0
		return storeErr("无法写入档案库", err)
	}
	return nil
}
