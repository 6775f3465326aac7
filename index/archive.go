package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"prepub/review"
	"prepub/review/extract"
	"prepub/review/scan"
)

// Archive is the store and its search index together: every write goes to
// the store first (the truth), then to the index.
type Archive struct {
	Store  *Store
	search *searchIndex
	Dir    string
	closed sync.Once
	// indexMu keeps a repair of the index and the writes made meanwhile in order.
	indexMu sync.Mutex
	// pending are the records written to the store and waiting to be indexed (index_write.go).
	pendingMu sync.Mutex
	pending   []*Record
	// check is the comparison of the index with the store that Open started.
	check *checking
	// fix is the latest repair of the index, nil when none was needed.
	fix atomic.Pointer[indexing]
}

// errClosed is the answer of an archive used after Close.
var errClosed = &review.Error{Code: review.ErrInternal, Message: "档案库已关闭，请重新打开程序"}

// DefaultDir returns the archive folder in the user's data folder:
// %LocalAppData%\prepub on Windows, $XDG_DATA_HOME/prepub or ~/.local/share/prepub elsewhere.
func DefaultDir() (string, error) {
	if runtime.GOOS == "windows" {
		if d := os.Getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "prepub"), nil
		}
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "prepub"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("找不到用户数据文件夹：%v", err)
	}
	return filepath.Join(home, ".local", "share", "prepub"), nil
}

// Open opens the archive in dir, creating it when missing. The search index
// is compared with the store record by record (index_check.go); what differs
// (all of it when the index is missing, of an old version or unreadable) is
// repaired in the background, searches answering ErrBusy meanwhile
// (WaitIndexed waits);
// progress, when not nil, is told how far the repair is, from its goroutine.
func Open(dir string, progress func(done, total int)) (*Archive, error) {
	st, err := openDirStore(dir)
	if err != nil {
		return nil, err
	}
	return OpenWith(st, dir, progress)
}

// openDirStore opens the store of the archive in dir, creating both when missing.
func openDirStore(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, review.Wrap(err, review.ErrInternal, "无法创建档案库文件夹 %s", dir)
	}
	return OpenStore(filepath.Join(dir, "archive.db"))
}

// OpenWith opens an archive on a store already open (PostgreSQL for the
// office server), keeping its search index in dir. The index is compared
// with the store before it returns, so no write can come between the two
// readings; a repair of what differs runs in the background.
func OpenWith(st *Store, dir string, progress func(done, total int)) (*Archive, error) {
	a, err := openArchive(st, dir, progress)
	if err != nil {
		return nil, err
	}
	if err := a.waitChecked(context.Background()); err != nil {
		a.Close()
		return nil, err
	}
	return a, nil
}

// OpenLazy opens the archive in dir as Open does, but compares its search
// index with the store only at the first search or StartCheck, in the
// background: for the desktop, whose window should not share the processor
// with it, and which starts it once the window is up, before anyone can
// sign in and write. (A write made while the comparison reads may be counted
// as missing from the index and indexed again from the store, searches told
// meanwhile that the index is being rebuilt.)
func OpenLazy(dir string, progress func(done, total int)) (*Archive, error) {
	st, err := openDirStore(dir)
	if err != nil {
		return nil, err
	}
	return openArchive(st, dir, progress)
}

// openArchive opens the search index in dir beside the store and readies
// their comparison, not started.
func openArchive(st *Store, dir string, progress func(done, total int)) (*Archive, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		st.Close()
		return nil, review.Wrap(err, review.ErrInternal, "无法创建检索索引文件夹 %s", dir)
	}
	a := &Archive{Store: st, Dir: dir}
	si, fresh, err := openSearch(filepath.Join(dir, "search.bleve"))
	if err != nil {
		st.Close()
		return nil, storeErr("无法打开检索索引", err)
	}
	a.search = si
	a.prepareCheck(fresh, progress)
	return a, nil
}

// Close closes the store and the index; closing twice does nothing.
//
// The store and index stay in place, closed: work still running in another
// goroutine (a queue reloading as a window closes) gets an error, not a crash.
func (a *Archive) Close() error {
	var err error
	a.closed.Do(func() {
		a.stopCheck()
		a.stopRepair()
		if a.search != nil {
			err = a.search.close()
		}
		if a.Store != nil {
			if e := a.Store.Close(); e != nil {
				err = e
			}
		}
	})
	return err
}

// Reindex rebuilds the whole search index from the store, now, stopping a
// repair running in the background first. Records it cannot take are kept
// as such (IndexProblems).
func (a *Archive) Reindex(ctx context.Context, progress func(done, total int)) error {
	a.stopCheck()
	a.stopRepair()
	want, err := a.Store.storeVersions(ctx)
	if err != nil {
		return err
	}
	stale, _ := differences(want, nil)
	ix := &indexing{done: make(chan struct{}), total: int64(len(stale))}
	ix.running.Store(true)
	a.fix.Store(ix)
	defer close(ix.done)
	defer ix.running.Store(false)
	dir := a.search.dir
	a.search.close()
	os.RemoveAll(dir)
	si, _, err := openSearch(dir)
	if err != nil {
		return storeErr("无法重建检索索引", err)
	}
	a.search = si
	if err := a.repair(ctx, ix, si, stale, nil, want, progress); err != nil {
		return storeErr("重建检索索引失败", err)
	}
	return nil
}

// fill adds every record of the store to the (empty) search index.
func (a *Archive) fill(ctx context.Context, total int, progress func(done, total int)) error {
	si := a.search
	batch := si.idx.NewBatch()
	done := 0
	err := a.Store.Each(ctx, Filter{}, func(r *Record) error {
		if err := batch.Index(fmt.Sprint(r.ID), docOf(r)); err != nil {
			return err
		}
		done++
		if batch.Size() >= 500 {
			if err := si.idx.Batch(batch); err != nil {
				return err
			}
			batch.Reset()
			if progress != nil {
				progress(done, total)
			}
		}
		return nil
	})
	if err == nil && batch.Size() > 0 {
		err = si.idx.Batch(batch)
	}
	if progress != nil {
		progress(done, total)
	}
	return err
}

// Put writes a record to the store (with its audit entry) and then to the index.
func (a *Archive) Put(ctx context.Context, rec *Record, file []byte, actor, action string) (int64, error) {
	if err := a.PutMany(ctx, []*Record{rec}, [][]byte{file}, actor, action); err != nil {
		return 0, err
	}
	return rec.ID, nil
}

// PutMany writes records to the store in one transaction, then indexes them.
// The store is the truth: if indexing fails, the index catches up at the next Open.
func (a *Archive) PutMany(ctx context.Context, recs []*Record, files [][]byte, actor, action string) error {
	if a.Store == nil {
		return errClosed
	}
	if err := a.Store.PutMany(ctx, recs, files, actor, action); err != nil {
		return err
	}
	a.index(recs...)
	return nil
}

// Search runs a query against the index; a query no one can mean is refused (Query.Check).
func (a *Archive) Search(ctx context.Context, q Query) ([]Hit, error) {
	if a.search == nil {
		return nil, errClosed
	}
	if err := q.Check(); err != nil {
		return nil, err
	}
	if err := a.waitChecked(ctx); err != nil {
		return nil, err
	}
	if err := a.indexingErr(); err != nil {
		return nil, err
	}
	return a.search.search(ctx, q, a.Store.indexedTexts)
}

// Similar returns the decided records closest to a draft's text, best first,
// leaving out the record exclude (0 for none).
func (a *Archive) Similar(ctx context.Context, text string, exclude int64, n int) ([]Hit, error) {
	if err := a.waitChecked(ctx); err != nil {
		return nil, err
	}
	if err := a.indexingErr(); err != nil {
		return nil, err
	}
	hits, err := a.search.similar(ctx, scan.Fold(text), n+1)
	if err != nil {
		return nil, err
	}
	out := make([]Hit, 0, n)
	for _, h := range hits {
		if h.ID != exclude && len(out) < n {
			out = append(out, h)
		}
	}
	return out, nil
}

// ImportMeta is what an office knows of an already-decided document it imports.
type ImportMeta struct {
	Attribute  review.Attribute
	Basis      string
	Reason     string
	Title      string
	Department string
	Date       string // 成文日期 YYYY-MM-DD
	Actor      string // who ran the import
	DocType    review.DocType
	ValidUntil string // 有效期至 YYYY-MM-DD, may be empty
}

// Import statuses.
const (
	Added  = "added"
	Exists = "exists" // the same file is already in the archive: imports can be resumed
)

// Import records an already-decided document (an office's past years). A file
// already in the archive is not added twice, so an interrupted import can be
// run again. A file whose text cannot be read is kept, marked unreadable.
func (a *Archive) Import(ctx context.Context, sc *scan.Scanner, name string, data []byte, m ImportMeta) (int64, string, error) {
	if err := m.validate(); err != nil {
		return 0, "", err
	}
	hash := fileHash(data)
	if id, err := a.Store.FindByHash(ctx, hash); err != nil {
		return 0, "", storeErr("无法读取档案库", err)
	} else if id != 0 {
		return id, Exists, nil
	}
	rep := sc.ScanBytes(name, data, extract.DefaultLimits(), scan.Options{Attr: string(m.Attribute)})
	now := a.Store.now()
	rec := scannedRecord(name, data, rep, m.Title)
	rec.Department, rec.Attribute, rec.Basis, rec.Reason = m.Department, m.Attribute, m.Basis, m.Reason
	rec.State, rec.IssueDate, rec.DecidedAt = review.DecidedState(m.Attribute), m.Date, now
	rec.Decision = review.Decision{Attribute: m.Attribute, Basis: m.Basis, Reason: m.Reason, Title: m.Title,
		DocType: m.DocType, ValidUntil: m.ValidUntil}.Normalized()
	rec.History = []review.Action{{Action: "import", User: m.Actor, Role: RoleDisclosureOffice, Step: -1, At: now, Note: "导入已决定的文件"}}
	if m.Date != "" {
		rec.DecidedAt, _ = time.ParseInLocation("2006-01-02", m.Date, time.Local)
	}
	id, err := a.Put(ctx, rec, data, m.Actor, "import")
	return id, Added, err
}

func (m ImportMeta) validate() error {
	if err := (review.Decision{Attribute: m.Attribute, Basis: m.Basis, Reason: m.Reason, Title: m.Title, ValidUntil: m.ValidUntil}).CheckLimits(); err != nil {
		return err
	}
	if err := review.CheckText("部门", m.Department, review.MaxNameRunes); err != nil {
		return err
	}
	if !m.Attribute.Valid() {
		return review.Errorf(review.ErrInvalid, "公开属性 %q 无效：应为 public、on-request 或 withheld", m.Attribute)
	}
	if m.Attribute == review.Withheld {
		if _, ok := review.LookupBasis(m.Basis); !ok {
			return review.Errorf(review.ErrInvalid, "不予公开的文件须给出有效的法律依据代码（--basis），如 state-secret、third-party")
		}
	} else if m.Basis != "" {
		if _, ok := review.LookupBasis(m.Basis); !ok {
			return review.Errorf(review.ErrInvalid, "法律依据代码 %q 无效", m.Basis)
		}
	}
	if m.Date != "" {
		if _, err := time.Parse("2006-01-02", m.Date); err != nil {
			return review.Errorf(review.ErrInvalid, "日期 %q 无效：应为 YYYY-MM-DD，如 2026-03-15", m.Date)
		}
	}
	return review.Decision{DocType: m.DocType, ValidUntil: m.ValidUntil}.CheckDocument()
}

// Verify walks the audit chain against the stored rows.
func (a *Archive) Verify(ctx context.Context) (*Verification, error) { return a.Store.Verify(ctx) }
