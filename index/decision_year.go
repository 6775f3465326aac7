package index

import (
	"context"
	"database/sql"
	"time"

	"prepub/review"
)

// latestDecisionYear returns the local year of the latest decision in the store, 0 when there is none.
func (s *Store) latestDecisionYear(ctx context.Context) (int, error) {
	var at sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT MAX(decided_at) FROM drafts WHERE decided_at <> '' AND state IN ($1, $2, $3)`,
		string(review.StatePublished), string(review.StateOnRequest), string(review.StateWithheldFinal)).Scan(&at)
	if err != nil {
		return 0, storeErr("无法读取档案库", err)
	}
	if !at.Valid {
		return 0, nil
	}
	t, err := time.Parse(time.RFC3339Nano, at.String)
	if err != nil {
		return 0, storeErr("决定时间已损坏", err)
	}
	return t.Local().Year(), nil
}
