package index

import (
	"context"
	"database/sql"
)

// lockChain takes the PostgreSQL advisory lock that writers take in turn, so
// the audit chain stays one line; its key is "prepub" and 1 in bytes
// (0x70726570756201). It is held until the transaction ends and locks nothing
// but the turn: readers are not held up, and nor is any table.
const lockChain = `SELECT pg_advisory_xact_lock(31650977395597825)`

// headColumns reads the audit chain's head as two columns, seq and hash (0
// and genesis when the chain is empty), to be added to a query made in a
// write transaction.
const headColumns = `COALESCE((SELECT seq FROM audit ORDER BY seq DESC LIMIT 1), 0), COALESCE((SELECT hash FROM audit ORDER BY seq DESC LIMIT 1), '` + genesis + `')`

// writeTx is one write to the store: a transaction that holds the writers'
// turn from its start (SQLite: an immediate transaction; PostgreSQL: the
// chain's advisory lock), and keeps the audit chain's head once it has read
// it, so each further entry is appended without looking it up again.
//
// Statements whose outcome nothing waits for are queued: on PostgreSQL they
// go to the server with the next query or with COMMIT, in one round trip
// (pgWrite); on SQLite, in the process, they run at once. Either way their
// first error is returned by the next query or by Commit.
type writeTx struct {
	ctx  context.Context
	lite *sql.Tx  // SQLite
	pg   *pgWrite // PostgreSQL
	err  error    // the first error of a queued SQLite statement
	head chainHead
}

// chainHead is the last entry of the audit chain: its number and hash, or 0
// and genesis for an empty chain. read says whether it was read in this transaction.
type chainHead struct {
	seq  int64
	hash string
	read bool
}

// begin starts a write transaction, which waits for the writers' turn.
func (s *Store) begin(ctx context.Context) (*writeTx, error) {
	if s.pool != nil {
		w, err := s.beginPG(ctx)
		if err != nil {
			return nil, storeErr("无法写入档案库", err)
		}
		return &writeTx{ctx: ctx, pg: w}, nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, storeErr("无法写入档案库", err)
	}
	return &writeTx{ctx: ctx, lite: tx}, nil
}

// queue runs a statement whose outcome is only its error, now or with the
// next query or the commit.
func (tx *writeTx) queue(q string, args ...any) {
	switch {
	case tx.pg != nil:
		tx.pg.queue(q, args...)
	case tx.err == nil:
		_, tx.err = tx.lite.ExecContext(tx.ctx, q, args...)
	}
}

// exec runs a statement now, after those queued, and returns its error.
func (tx *writeTx) exec(q string, args ...any) error {
	if tx.pg != nil {
		tx.pg.queue(q, args...)
		return tx.pg.flush(tx.ctx)
	}
	if tx.err != nil {
		return tx.err
	}
	_, err := tx.lite.ExecContext(tx.ctx, q, args...)
	return err
}

// queryRow runs a query of one row now, after the statements queued; its
// Scan returns their first error, if any.
func (tx *writeTx) queryRow(q string, args ...any) scanner {
	if tx.pg != nil {
		return tx.pg.queryRow(tx.ctx, q, args...)
	}
	if tx.err != nil {
		return failedRow{tx.err}
	}
	return tx.lite.QueryRowContext(tx.ctx, q, args...)
}

// Commit runs what is queued and commits.
func (tx *writeTx) Commit() error {
	if tx.pg != nil {
		return tx.pg.commit(tx.ctx)
	}
	if tx.err != nil {
		return tx.err
	}
	return tx.lite.Commit()
}

// Rollback ends the transaction without its changes, unless it committed.
func (tx *writeTx) Rollback() {
	if tx.pg != nil {
		tx.pg.rollback()
		return
	}
	tx.lite.Rollback()
}

// queryRow runs a query of one row on the store, outside a transaction.
func (s *Store) queryRow(ctx context.Context) rowQuery {
	return func(q string, args ...any) scanner { return s.db.QueryRowContext(ctx, q, args...) }
}

// rows are the rows of a query, read one by one.
type rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close() error
}

// rowsQuery runs a query: a write transaction's query, or the store's
// (Store.query) outside one.
type rowsQuery func(q string, args ...any) (rows, error)

// query runs a query on the store, outside a transaction.
func (s *Store) query(ctx context.Context) rowsQuery {
	return func(q string, args ...any) (rows, error) { return s.db.QueryContext(ctx, q, args...) }
}

// query runs a query now, after the statements queued.
func (tx *writeTx) query(q string, args ...any) (rows, error) {
	if tx.pg != nil {
		return tx.pg.query(tx.ctx, q, args...)
	}
	if tx.err != nil {
		return nil, tx.err
	}
	return tx.lite.QueryContext(tx.ctx, q, args...)
}

// failedRow is a row that could not be read: its Scan returns why.
type failedRow struct{ err error }

// Scan returns the error.
func (r failedRow) Scan(...any) error { return r.err }
