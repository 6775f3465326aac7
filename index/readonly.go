package index

import (
	"database/sql"
	"os"
	"path/filepath"

	"prepub/review"
)

// OpenStoreReadOnly opens the SQLite archive file at path for reading only:
// no migration, no search index and so no wait on the index's lock, however
// many programs have the archive open. What verify and the code check use.
func OpenStoreReadOnly(path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, review.Errorf(review.ErrNotFound, "找不到档案库文件 %s：请检查 --archive 或 --db", path)
	}
	dsn := "file:" + filepath.ToSlash(path) + "?mode=ro&_pragma=busy_timeout(5000)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, storeErr("无法打开档案库", err)
	}
	s := &Store{db: db, dialect: sqlite}
	if err := s.checkVersion(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// checkVersion refuses a store whose schema is not this program's: reading
// only, it cannot upgrade an older one.
func (s *Store) checkVersion() error {
	var have int
	if err := s.db.QueryRow(`SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return storeErr("无法读取档案库版本（文件是否是 prepub 档案库？）", err)
	}
	switch {
	case have > len(migrations):
		return review.Errorf(review.ErrConflict, "档案库版本（%d）比本程序新（%d），请升级程序", have, len(migrations))
	case have < len(migrations):
		return review.Errorf(review.ErrConflict, "档案库版本（%d）比本程序旧（%d）：请先用本程序正常打开一次（完成升级）再核对", have, len(migrations))
	}
	return nil
}
