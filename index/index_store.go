package index

import (
	"context"
	"fmt"
	"strings"
)

// What a repair of the search index reads from the store.

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
