package index

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"prepub/review"
)

// Validity statuses of a decided document (有效性).
const (
	InForce  = "in-force" // 有效
	Repealed = "repealed" // 废止
	Expired  = "expired"  // 失效
)

// ValidityChinese returns a validity status's Chinese name, as the catalogue prints it.
func ValidityChinese(status string) string {
	switch status {
	case InForce:
		return "有效"
	case Repealed:
		return "废止"
	case Expired:
		return "失效"
	}
	return status
}

// Actions of the disclosure office on a document's validity, in a record's history.
const (
	ActionRepeal    = "repeal"    // 废止
	ActionExpire    = "expire"    // 失效
	ActionReinstate = "reinstate" // 恢复有效, e.g. after a clean-up (清理) keeps it
)

// validityAction maps each validity status to the action that sets it.
var validityAction = map[string]string{Repealed: ActionRepeal, Expired: ActionExpire, InForce: ActionReinstate}

// ValidityMark is the disclosure office's mark on a decided document: repealed
// or expired from a date, or in force again from a date (which outlasts a
// validity period that has run out).
type ValidityMark struct {
	ID     int64  `json:"id"`
	Status string `json:"status"`
	Since  string `json:"since"` // YYYY-MM-DD, the first day the status holds
	Note   string `json:"note,omitempty"`
}

// Validity is a document's standing on a given day.
type Validity struct {
	Status string `json:"status"`          // InForce, Repealed or Expired
	Since  string `json:"since,omitempty"` // the first day of a repeal or expiry
}

// dayOf returns the local calendar day of t as YYYY-MM-DD.
func dayOf(t time.Time) string { return t.In(time.Local).Format(time.DateOnly) }

// ValidityOn returns a decided document's standing on day (YYYY-MM-DD): the
// office's mark once it has taken effect; else, when its decision gives a
// validity period, expired from the day after the period's last day; else in
// force. Nothing is written: a period runs out by itself.
func ValidityOn(dec review.Decision, mark *ValidityMark, day string) Validity {
	if mark != nil && mark.Since <= day {
		if mark.Status == InForce {
			return Validity{Status: InForce}
		}
		return Validity{Status: mark.Status, Since: mark.Since}
	}
	if dec.ValidUntil != "" && dec.ValidUntil < day {
		since := dec.ValidUntil
		if t, err := time.Parse(time.DateOnly, dec.ValidUntil); err == nil {
			since = t.AddDate(0, 0, 1).Format(time.DateOnly)
		}
		return Validity{Status: Expired, Since: since}
	}
	return Validity{Status: InForce}
}

// SetValidity marks a decided document repealed (废止), expired (失效) or in
// force again from a day (YYYY-MM-DD; empty: today), with the office's note.
// The record's history says who did it and why, and the mark is kept beside
// it; both are written with their audit entries in one transaction.
func (a *Archive) SetValidity(ctx context.Context, id int64, status, since, note, actor string) (*ValidityMark, error) {
	if a.Store == nil {
		return nil, errClosed
	}
	action, ok := validityAction[status]
	if !ok {
		return nil, review.Errorf(review.ErrInvalid, "有效性 %q 无效：应为 repealed（废止）、expired（失效）或 in-force（有效）", status)
	}
	if err := review.CheckText("说明", note, review.MaxReasonRunes); err != nil {
		return nil, err
	}
	if since == "" {
		since = dayOf(a.Store.now())
	}
	if _, err := time.Parse(time.DateOnly, since); err != nil {
		return nil, review.Errorf(review.ErrInvalid, "日期 %q 无效：应为 YYYY-MM-DD，如 2026-03-15", since)
	}
	mark := &ValidityMark{ID: id, Status: status, Since: since, Note: strings.TrimSpace(note)}
	rec, err := a.Store.update(ctx, id, actor, action, func(_ context.Context, _ *writeTx, r *Record) error {
		if !r.State.Decided() {
			return review.Errorf(review.ErrConflict, "第 %d 号记录尚未作出决定，不能标注有效性", id)
		}
		if decided := dayOf(r.DecidedAt); since < decided {
			return review.Errorf(review.ErrInvalid, "日期 %s 早于该文件的决定日期 %s：请核对日期", since, decided)
		}
		what := fmt.Sprintf("自 %s 起%s", since, ValidityChinese(status))
		if mark.Note != "" {
			what += "：" + mark.Note
		}
		r.History = append(r.History, review.Action{Action: action, User: actor, Role: RoleDisclosureOffice, Step: -1,
			Note: what, At: a.Store.now(), State: r.State})
		return nil
	}, func(ctx context.Context, tx *writeTx, r *Record) error {
		old, err := readMark(tx.queryRow, id)
		if err != nil {
			return err
		}
		if old != nil && old.Status == mark.Status && old.Since == mark.Since {
			return review.Errorf(review.ErrConflict, "第 %d 号记录已于 %s 标为%s", id, old.Since, ValidityChinese(old.Status))
		}
		if status == InForce && old == nil && r.Decision.ValidUntil == "" {
			return review.Errorf(review.ErrConflict, "第 %d 号记录没有被标为废止或失效，也没有有效期，本就有效", id)
		}
		return a.Store.writeMark(ctx, tx, mark, actor)
	})
	if err != nil {
		return nil, err
	}
	a.index(rec)
	return mark, nil
}

// Validity returns the office's mark on a record, or nil when it has none.
func (a *Archive) Validity(ctx context.Context, id int64) (*ValidityMark, error) {
	if a.Store == nil {
		return nil, errClosed
	}
	return readMark(a.Store.queryRow(ctx), id)
}

// rowQuery runs a query of one row: a write transaction's queryRow, or the
// store's (Store.queryRow) outside one.
type rowQuery func(q string, args ...any) scanner

// readMark returns a record's validity mark, or nil.
func readMark(query rowQuery, id int64) (*ValidityMark, error) {
	m := &ValidityMark{ID: id}
	err := query(`SELECT status, since, note FROM validity WHERE draft_id=$1`, id).Scan(&m.Status, &m.Since, &m.Note)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, storeErr("无法读取有效性标注", err)
	}
	return m, nil
}

// marks returns every validity mark, by record.
func (s *Store) marks(ctx context.Context) (map[int64]*ValidityMark, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT draft_id, status, since, note FROM validity`)
	if err != nil {
		return nil, storeErr("无法读取有效性标注", err)
	}
	defer rows.Close()
	out := map[int64]*ValidityMark{}
	for rows.Next() {
		m := &ValidityMark{}
		if err := rows.Scan(&m.ID, &m.Status, &m.Since, &m.Note); err != nil {
			return nil, storeErr("无法读取有效性标注", err)
		}
		out[m.ID] = m
	}
	return out, rows.Err()
}

// writeMark keeps a record's validity mark, replacing any before it, and chains its audit entry.
func (s *Store) writeMark(ctx context.Context, tx *writeTx, m *ValidityMark, actor string) error {
	tx.queue(`INSERT INTO validity (draft_id, status, since, note) VALUES ($1, $2, $3, $4)
		ON CONFLICT (draft_id) DO UPDATE SET status=excluded.status, since=excluded.since, note=excluded.note`,
		m.ID, m.Status, m.Since, m.Note)
	return s.appendAudit(ctx, tx, actor, sideActionOf(sideValidity, m.ID, m.Status), 0, m.hash())
}

// hash is the content hash of a validity mark as stored.
func (m *ValidityMark) hash() string {
	return fieldsHash("validity", fmt.Sprint(m.ID), m.Status, m.Since, m.Note)
}
