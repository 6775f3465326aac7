package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"

	"prepub/review"
)

// OpenReadOnly opens the archive in dir for reading only, creating and
// changing nothing: for a folder the user may not write to (a copy on a
// read-only share, a backup). Its search index is used as it is when it is
// in step with the store, else one is built in memory for this session.
func OpenReadOnly(dir string, progress func(done, total int)) (*Archive, error) {
	st, err := OpenStoreReadOnly(filepath.Join(dir, "archive.db"))
	if err != nil {
		return nil, err
	}
	a := &Archive{Store: st, Dir: dir}
	ctx := context.Background()
	n, err := st.Count(ctx)
	if err != nil {
		st.Close()
		return nil, storeErr("无法读取档案库", err)
	}
	sdir := filepath.Join(dir, "search.bleve")
	if version, _ := os.ReadFile(filepath.Join(sdir, "prepub-version")); string(version) == searchVersion {
		if idx, err := bleve.OpenUsing(sdir, map[string]any{"read_only": true}); err == nil {
			a.search = &searchIndex{idx: idx, dir: sdir}
			if c, err := idx.DocCount(); err == nil && int(c) == n {
				return a, nil
			}
			idx.Close()
		}
	}
	idx, err := bleve.NewMemOnly(newMapping())
	if err != nil {
		st.Close()
		return nil, storeErr("无法建立检索索引", err)
	}
	a.search = &searchIndex{idx: idx}
	if err := a.fill(ctx, n, progress); err != nil {
		a.Close()
		return nil, storeErr("无法建立检索索引", err)
	}
	return a, nil
}

// OpenStoreReadOnly opens the SQLite archive file at path for reading only; it
// must exist and be of this program's schema. A file closed cleanly (no -wal
// beside it) is opened immutable, as SQLite needs to read a WAL database in a
// folder where it cannot make the -shm file; one with a -wal is being written
// or was not closed, and is read through its -wal and -shm.
func OpenStoreReadOnly(path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, review.Errorf(review.ErrNotFound, "找不到档案库文件 %s：请检查 --archive 或 --db", path)
	}
	mode := "mode=ro&immutable=1"
	if _, err := os.Stat(path + "-wal"); err == nil {
		mode = "mode=ro"
	}
	return openStore("sqlite", "file:"+filepath.ToSlash(path)+"?"+mode+"&_pragma=busy_timeout(10000)", sqlite, true)
}

// Writable reports whether the archive in dir can be written: the folder
// takes a new file and the database, when there is one, opens for writing.
func Writable(dir string) bool {
	f, err := os.CreateTemp(dir, ".prepub-write-*")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	db, err := os.OpenFile(filepath.Join(dir, "archive.db"), os.O_RDWR, 0)
	if err != nil {
		return os.IsNotExist(err)
	}
	db.Close()
	return true
}

// checkVersion refuses a read-only store whose schema is not this program's:
// it cannot be upgraded without writing.
func (s *Store) checkVersion() error {
	var have int
	if err := s.db.QueryRow(`SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return storeErr("无法读取档案库版本", err)
	}
	if have != len(migrations) {
		return &review.Error{Code: review.ErrInternal, Message: fmt.Sprintf("档案库版本（%d）与本程序（%d）不同，只读打开时无法升级：请在可写的文件夹中用本程序打开一次", have, len(migrations))}
	}
	return nil
}
