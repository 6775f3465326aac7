package index

import (
	"context"
	"fmt"
)

// verifyAccounts checks every account against the latest audit entry that
// wrote it, and that no account the chain wrote is gone. An entry of today's
// kind covers the whole row, password hash included. An account whose latest
// entry is an add-user of the old kind is checked for what that entry
// covered (name, role, department, creation time) and for never having been
// disabled or had its password changed, which only a newer entry can record;
// its password hash is covered from its next change on. It fills v and
// returns it when something does not match, or returns nil when all do.
func (s *Store) verifyAccounts(ctx context.Context, entries []AuditEntry, v *Verification) (*Verification, error) {
	last := map[string]AuditEntry{}
	for _, e := range entries {
		if name, _ := accountOf(e); name != "" {
			last[name] = e
		}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+accountColumns+` FROM users ORDER BY name`)
	if err != nil {
		return nil, storeErr("无法读取账号", err)
	}
	defer rows.Close()
	seen := map[string]bool{}
	for rows.Next() {
		var a account
		if err := rows.Scan(&a.name, &a.role, &a.department, &a.salt, &a.hash, &a.createdAt, &a.passwordChangedAt, &a.disabled); err != nil {
			return nil, storeErr("无法读取账号", err)
		}
		seen[a.name] = true
		e, ok := last[a.name]
		if !ok {
			return v.failRow(0, fmt.Sprintf("账号 %s 没有对应的审计条目：它是绕过程序写入的", a.name)), nil
		}
		if _, legacy := accountOf(e); legacy {
			ok = e.ContentHash == a.legacyHash() && a.disabled == 0 && a.passwordChangedAt == ""
		} else {
			ok = e.ContentHash == a.contentHash()
		}
		if !ok {
			return v.fail(e, fmt.Sprintf("账号 %s 与审计链第 %d 条不符：该账号在程序之外被修改", a.name, e.Seq)), nil
		}
	}
	if err := rows.Err(); err != nil {
		return nil, storeErr("无法读取账号", err)
	}
	for _, e := range entries {
		if name, _ := accountOf(e); name != "" && !seen[name] {
			l := last[name]
			return v.fail(l, fmt.Sprintf("账号 %s 已被删除（审计链第 %d 条记载过它）", name, l.Seq)), nil
		}
	}
	return nil, nil
}
