package index

import (
	"context"
	"database/sql"
	"errors"

	"prepub/review"
)

// Small reads of the audit chain and of one draft's stored row, by draft and
// by hash: what a printed sheet's verification code is made from and checked
// against.

// lastAudit returns the audit entry that last wrote a draft, or nil when none did.
func (s *Store) lastAudit(ctx context.Context, id int64) (*AuditEntry, error) {
	out, err := s.readAudit(ctx, s.db, `SELECT seq, at, actor, action, draft_id, content_hash, prev_hash, hash FROM audit WHERE draft_id=$1 ORDER BY seq DESC LIMIT 1`, id)
	if err != nil || len(out) == 0 {
		return nil, err
	}
	return &out[0], nil
}

// auditByHashPrefix returns the audit entries whose hash starts with prefix
// (lower-case hex), oldest first.
func (s *Store) auditByHashPrefix(ctx context.Context, prefix string) ([]AuditEntry, error) {
	return s.readAudit(ctx, s.db, `SELECT seq, at, actor, action, draft_id, content_hash, prev_hash, hash FROM audit WHERE substr(hash, 1, $1) = $2 ORDER BY seq`,
		len(prefix), prefix)
}

// draftRow returns a draft's stored columns as they are now, or an ErrNotFound error.
func (s *Store) draftRow(ctx context.Context, id int64) (row, error) {
	r, err := scanRow(s.db.QueryRowContext(ctx, `SELECT `+columns+` FROM drafts WHERE id=$1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, review.Errorf(review.ErrNotFound, "档案库中没有编号为 %d 的记录", id)
	}
	if err != nil {
		return r, storeErr("无法读取档案库", err)
	}
	return r, nil
}
