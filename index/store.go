package index

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib" // the PostgreSQL driver, for the office server
	_ "modernc.org/sqlite"             // the SQLite driver, pure Go

	"prepub/review"
	"prepub/review/scan"
)

// dialect is what differs between SQLite and PostgreSQL.
type dialect int

const (
	sqlite dialect = iota
	postgres
)

// ddl adapts a SQLite migration to the dialect.
func (d dialect) ddl(q string) string {
	if d == sqlite {
		return q
	}
	return strings.NewReplacer(
		"id INTEGER PRIMARY KEY", "id BIGSERIAL PRIMARY KEY",
		"seq INTEGER PRIMARY KEY", "seq BIGINT PRIMARY KEY",
		"draft_id INTEGER", "draft_id BIGINT",
		"BLOB", "BYTEA",
	).Replace(q)
}

// columns are the stored columns of a draft, in the order the content hash covers them.
const columns = `id, title, department, file, file_hash, attribute, basis, reason, state, issue_date, decided_at, reviewed_at, drafter, partial, unreadable, body`

// body is the part of a record kept as one JSON column.
type body struct {
	Decision    review.Decision           `json:"decision"`
	Route       []review.Step             `json:"route"`
	Findings    json.RawMessage           `json:"findings"`
	Parts       json.RawMessage           `json:"parts"`
	History     []review.Action           `json:"history"`
	Outcome     review.Outcome            `json:"outcome"`
	Current     int                       `json:"current"`
	Resolutions map[int]review.Resolution `json:"resolutions,omitempty"`
	Statements  []scan.Statement          `json:"statements,omitempty"`
	Coverage    float64                   `json:"coverage"`
	// PolicyVersion is Record.PolicyVersion: in the body, so the content hash
	// and the audit chain cover it and backups carry it.
	PolicyVersion string `json:"policy_version,omitempty"`
}

// Store keeps records and the audit chain in SQLite. Each write is one
// transaction that changes a row and appends its audit entry, so the two
// never disagree, and a write reported done survives a crash (WAL, synchronous=FULL).
type Store struct {
	db      *sql.DB
	pool    *pgxpool.Pool // PostgreSQL: the connections writes are pipelined on (pg_write.go)
	dialect dialect
	Clock   func() time.Time
}

// OpenStore opens (creating if needed) the SQLite archive file at path. A
// new file is made readable by its owner only (0600); SQLite gives its -wal
// and -shm files the database file's mode.
func OpenStore(path string) (*Store, error) {
	if f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600); err == nil {
		f.Close()
	}
	dsn := "file:" + filepath.ToSlash(path) + "?_txlock=immediate&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=foreign_keys(ON)&_pragma=busy_timeout(10000)"
	return openStore("sqlite", dsn, sqlite, false)
}

// OpenPostgres opens the archive in a PostgreSQL database (postgres://… URL),
// creating its tables if needed: the office server's store.
func OpenPostgres(url string) (*Store, error) {
	s, err := openStore("pgx", url, postgres, false)
	if err != nil {
		return nil, err
	}
	s.db.SetMaxOpenConns(pgReaders)
	s.db.SetMaxIdleConns(pgReaders)
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		s.Close()
		return nil, storeErr("无法打开档案库", err)
	}
	cfg.MaxConns = pgWriters
	if s.pool, err = pgxpool.NewWithConfig(context.Background(), cfg); err != nil {
		s.Close()
		return nil, storeErr("无法打开档案库", err)
	}
	return s, nil
}

// pgReaders is how many connections a store keeps open to PostgreSQL for
// reads: enough for the office server's clients, and kept rather than closed
// when idle, since each new one costs the server a process and its
// statements prepared again.
const pgReaders = 16

// openStore opens a database and brings its schema up to date, or, read
// only, checks it is.
func openStore(driver, dsn string, d dialect, readOnly bool) (*Store, error) {
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return nil, storeErr("无法打开档案库", err)
	}
	s := &Store{db: db, dialect: d, Clock: time.Now}
	check := s.migrate
	if readOnly {
		check = s.checkVersion
	}
	if err := check(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	if s.pool != nil {
		s.pool.Close()
	}
	return s.db.Close()
}

// storeErr is an internal error that says in Chinese what could not be done
// and keeps the driver's words as its cause, for the log only.
func storeErr(msg string, err error) error {
	return review.Wrap(err, review.ErrInternal, "%s，请稍后重试；如仍失败，请联系管理员", msg)
}

func (s *Store) migrate() error {
	if _, err := s.db.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)`); err != nil {
		return storeErr("无法初始化档案库（文件是否可写？）", err)
	}
	var have int
	if err := s.db.QueryRow(`SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return storeErr("无法读取档案库版本", err)
	}
	if have > len(migrations) {
		return &review.Error{Code: review.ErrInternal, Message: fmt.Sprintf("档案库版本（%d）比本程序新（%d），请升级程序", have, len(migrations))}
	}
	for v := have + 1; v <= len(migrations); v++ {
		tx, err := s.db.Begin()
		if err != nil {
			return storeErr("无法升级档案库", err)
		}
		if _, err := tx.Exec(s.dialect.ddl(migrations[v-1])); err != nil {
			tx.Rollback()
			return storeErr(fmt.Sprintf("升级档案库到版本 %d 失败", v), err)
		}
		if _, err := tx.Exec(`INSERT INTO schema_migrations (version) VALUES ($1)`, v); err != nil {
			tx.Rollback()
			return storeErr("无法记录档案库版本", err)
		}
		if err := tx.Commit(); err != nil {
			return storeErr("无法升级档案库", err)
		}
	}
	return nil
}

// row is a record's stored column values, in column order.
type row struct {
	id                                                       int64
	title, department, file, fileHash, attribute, basis      string
	reason, state, issueDate, decidedAt, reviewedAt, drafter string
	partial                                                  int64
	unreadable, body                                         string
}

func (r row) values() []any {
	return []any{r.id, r.title, r.department, r.file, r.fileHash, r.attribute, r.basis, r.reason,
		r.state, r.issueDate, r.decidedAt, r.reviewedAt, r.drafter, r.partial, r.unreadable, r.body}
}

// contentHash covers every stored column of a draft, each as "len:text;".
// Text columns are written to the hash as they are, not copied: the body can
// hold megabytes.
func (r row) contentHash() string {
	h := sha256.New()
	for _, v := range r.values() {
		s, ok := v.(string)
		if !ok {
			s = fmt.Sprint(v)
		}
		io.WriteString(h, strconv.Itoa(len(s)))
		io.WriteString(h, ":")
		io.WriteString(h, s)
		io.WriteString(h, ";")
	}
	return hex.EncodeToString(h.Sum(nil))
}

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func toRow(rec *Record) (row, error) {
	findings, err := json.Marshal(rec.Findings)
	if err != nil {
		return row{}, err
	}
	parts, err := json.Marshal(rec.Parts)
	if err != nil {
		return row{}, err
	}
	b, err := json.Marshal(body{Decision: rec.Decision, Route: rec.Route, Findings: findings, Parts: parts, History: rec.History,
		Outcome: rec.Outcome, Current: rec.Current, Resolutions: rec.Resolutions, Statements: rec.Statements, Coverage: rec.Coverage,
		PolicyVersion: rec.PolicyVersion})
	if err != nil {
		return row{}, err
	}
	return row{rec.ID, rec.Title, rec.Department, rec.File, rec.FileHash, string(rec.Attribute), rec.Basis,
		rec.Reason, string(rec.State), rec.IssueDate, timeText(rec.DecidedAt), timeText(rec.ReviewedAt), rec.Drafter,
		boolInt(rec.Partial()), rec.Unreadable, string(b)}, nil
}

func (r row) record() (*Record, error) {
	rec := &Record{ID: r.id, Title: r.title, Department: r.department, File: r.file, FileHash: r.fileHash,
		Attribute: review.Attribute(r.attribute), Basis: r.basis, Reason: r.reason, State: review.State(r.state),
		IssueDate: r.issueDate, Drafter: r.drafter, Unreadable: r.unreadable}
	var err error
	if r.decidedAt != "" {
		if rec.DecidedAt, err = time.Parse(time.RFC3339Nano, r.decidedAt); err != nil {
			return nil, err
		}
	}
	if r.reviewedAt != "" {
		if rec.ReviewedAt, err = time.Parse(time.RFC3339Nano, r.reviewedAt); err != nil {
			return nil, err
		}
	}
	var b body
	if err := json.Unmarshal([]byte(r.body), &b); err != nil {
		return nil, err
	}
	rec.Decision, rec.Route, rec.History = b.Decision, b.Route, b.History
	rec.Outcome, rec.Current, rec.Resolutions, rec.Statements, rec.Coverage = b.Outcome, b.Current, b.Resolutions, b.Statements, b.Coverage
	rec.PolicyVersion = b.PolicyVersion
	if len(b.Findings) > 0 {
		if err := json.Unmarshal(b.Findings, &rec.Findings); err != nil {
			return nil, err
		}
	}
	if len(b.Parts) > 0 {
		if err := json.Unmarshal(b.Parts, &rec.Parts); err != nil {
			return nil, err
		}
	}
	return rec, nil
}

type scanner interface{ Scan(dest ...any) error }

// scanRow reads a record's columns, then any more the query selected into more.
func scanRow(sc scanner, more ...any) (row, error) {
	var r row
	err := sc.Scan(append([]any{&r.id, &r.title, &r.department, &r.file, &r.fileHash, &r.attribute, &r.basis, &r.reason,
		&r.state, &r.issueDate, &r.decidedAt, &r.reviewedAt, &r.drafter, &r.partial, &r.unreadable, &r.body}, more...)...)
	return r, err
}

// Put inserts a record (ID 0) or replaces one, with its file's bytes when
// given, and appends the audit entry for the action, in one transaction.
// It returns the record's ID.
func (s *Store) Put(ctx context.Context, rec *Record, file []byte, actor, action string) (int64, error) {
	if err := s.PutMany(ctx, []*Record{rec}, [][]byte{file}, actor, action); err != nil {
		return 0, err
	}
	return rec.ID, nil
}

// PutMany writes several records, each with its audit entry, in one
// transaction: all of them or none. New records get their IDs set.
func (s *Store) PutMany(ctx context.Context, recs []*Record, files [][]byte, actor, action string) error {
	tx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for i, rec := range recs {
		var file []byte
		if i < len(files) {
			file = files[i]
		}
		if err := s.put(ctx, tx, rec, file, actor, action); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return storeErr("无法写入档案库", err)
	}
	return nil
}

func (s *Store) put(ctx context.Context, tx *writeTx, rec *Record, file []byte, actor, action string) error {
	if rec.ID == 0 {
		err := tx.queryRow(`INSERT INTO drafts (title, department, file, file_hash, file_bytes, attribute, basis, reason, state, issue_date, decided_at, reviewed_at, drafter, partial, unreadable, body)
			VALUES ('', '', '', '', NULL, '', '', '', '', '', '', '', '', 0, '', '') RETURNING id`).Scan(&rec.ID)
		if err != nil {
			return storeErr("无法写入档案库", err)
		}
	}
	r, err := toRow(rec)
	if err != nil {
		return storeErr("无法保存记录", err)
	}
	set := `UPDATE drafts SET title=$2, department=$3, file=$4, file_hash=$5, attribute=$6, basis=$7, reason=$8, state=$9, issue_date=$10, decided_at=$11, reviewed_at=$12, drafter=$13, partial=$14, unreadable=$15, body=$16, doc_type=$17, valid_until=$18 WHERE id=$1`
	tx.queue(set, append(r.values(), docColumns(rec.Decision)...)...)
	if file != nil {
		tx.queue(`UPDATE drafts SET file_bytes=$2 WHERE id=$1`, rec.ID, file)
	}
	rec.version = r.contentHash()
	return s.appendAudit(ctx, tx, actor, action, rec.ID, rec.version)
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// Get returns one record, or an ErrNotFound error.
func (s *Store) Get(ctx context.Context, id int64) (*Record, error) {
	r, err := scanRow(s.db.QueryRowContext(ctx, `SELECT `+columns+` FROM drafts WHERE id=$1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, review.Errorf(review.ErrNotFound, "档案库中没有编号为 %d 的记录", id)
	}
	if err != nil {
		return nil, storeErr("无法读取档案库", err)
	}
	return r.record()
}

// File returns the original file's bytes of a record.
func (s *Store) File(ctx context.Context, id int64) ([]byte, error) {
	var b []byte
	err := s.db.QueryRowContext(ctx, `SELECT file_bytes FROM drafts WHERE id=$1`, id).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, review.Errorf(review.ErrNotFound, "档案库中没有编号为 %d 的记录", id)
	}
	return b, err
}

// FindByHash returns the ID of a record whose file has this hash, or 0.
func (s *Store) FindByHash(ctx context.Context, hash string) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM drafts WHERE file_hash=$1 ORDER BY id LIMIT 1`, hash).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// Each calls fn for every record in ID order, stopping at its first error.
func (s *Store) Each(ctx context.Context, f Filter, fn func(*Record) error) error {
	q := `SELECT ` + columns + ` FROM drafts`
	where, args := f.where()
	if where != "" {
		q += " WHERE " + where
	}
	rows, err := s.db.QueryContext(ctx, q+" ORDER BY id", args...)
	if err != nil {
		return storeErr("无法读取档案库", err)
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanRow(rows)
		if err != nil {
			return storeErr("无法读取档案库", err)
		}
		rec, err := r.record()
		if err != nil {
			return storeErr(fmt.Sprintf("记录 %d 已损坏", r.id), err)
		}
		if err := fn(rec); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Count returns the number of records.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM drafts`).Scan(&n)
	return n, err
}

// Decisions returns the attribute, basis, state, decision time, partial flag,
// document type and validity end of the records decided in [from, to),
// without reading their text: what the annual report counts.
func (s *Store) Decisions(ctx context.Context, from, to time.Time) ([]Record, error) {
	return s.decisions(ctx, Filter{DecidedFrom: from, DecidedBefore: to})
}

// decisions returns what Decisions does of the records the filter keeps.
func (s *Store) decisions(ctx context.Context, f Filter) ([]Record, error) {
	q := `SELECT id, attribute, basis, state, decided_at, partial, doc_type, valid_until FROM drafts`
	where, args := f.where()
	if where != "" {
		q += " WHERE " + where
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY id`, args...)
	if err != nil {
		return nil, storeErr("无法读取档案库", err)
	}
	defer rows.Close()
	var out []Record
	for rows.Next() {
		var r Record
		var attr, state, at, docType string
		var partial int64
		if err := rows.Scan(&r.ID, &attr, &r.Basis, &state, &at, &partial, &docType, &r.Decision.ValidUntil); err != nil {
			return nil, storeErr("无法读取档案库", err)
		}
		r.Attribute, r.State, r.Decision.DocType = review.Attribute(attr), review.State(state), review.DocType(docType)
		if r.DecidedAt, err = time.Parse(time.RFC3339Nano, at); err != nil {
			return nil, storeErr(fmt.Sprintf("记录 %d 的决定时间已损坏", r.ID), err)
		}
		if partial != 0 {
			r.Decision.Redactions = []review.Redaction{{}} // only the count matters here
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Update loads a record, lets change alter it, and writes it back with its
// audit entry, all in one transaction: two people acting on the same draft
// at once are serialised, and the second sees the first's change. When change
// returns an error nothing is written.
func (s *Store) Update(ctx context.Context, id int64, actor, action string, change func(*Record) error) (*Record, error) {
	return s.update(ctx, id, actor, action, func(_ context.Context, _ *writeTx, r *Record) error { return change(r) }, nil)
}

// update is Update with the transaction at hand: change may read in it, and
// then, when not nil, runs in it once the record and its audit entry are
// written, so what follows from the change (a catalogue number) commits with
// it or not at all.
func (s *Store) update(ctx context.Context, id int64, actor, action string, change, then func(context.Context, *writeTx, *Record) error) (*Record, error) {
	tx, err := s.begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	r, err := scanRow(tx.queryRow(`SELECT `+columns+`, `+headColumns+` FROM drafts WHERE id=$1`, id), &tx.head.seq, &tx.head.hash)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, review.Errorf(review.ErrNotFound, "档案库中没有编号为 %d 的记录", id)
	}
	if err != nil {
		return nil, storeErr("无法读取档案库", err)
	}
	tx.head.read = true
	rec, err := r.record()
	if err != nil {
		return nil, storeErr(fmt.Sprintf("记录 %d 已损坏", id), err)
	}
	if err := change(ctx, tx, rec); err != nil {
		return nil, err
	}
	if err := s.put(ctx, tx, rec, nil, actor, action); err != nil {
		return nil, err
	}
	if then != nil {
		if err := then(ctx, tx, rec); err != nil {
			return nil, err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, storeErr("无法写入档案库", err)
	}
	return rec, nil
}
