package index

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// pgWrite is a PostgreSQL write transaction on a connection of its own, its
// statements sent in pipelines: BEGIN and the chain's lock go with the first
// query, and the changes with COMMIT, so a write waits for two or three
// round trips to the server instead of one for each statement, and holds the
// writers' turn for fewer of them.
type pgWrite struct {
	conn    *pgxpool.Conn
	pending pgx.Batch
	done    bool
}

// pgWriters is how many connections a store keeps for writes to PostgreSQL:
// writers take turns, so a few suffice; more only wait in the server.
const pgWriters = 4

// beginPG starts a write transaction on PostgreSQL: BEGIN and the chain's
// lock are queued, to go with the first query.
func (s *Store) beginPG(ctx context.Context) (*pgWrite, error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	w := &pgWrite{conn: conn}
	w.queue("BEGIN")
	w.queue(lockChain)
	return w, nil
}

// queue adds a statement to go with the next query or the commit.
func (w *pgWrite) queue(q string, args ...any) { w.pending.Queue(q, args...) }

// send sends what is queued, in one pipeline.
func (w *pgWrite) send(ctx context.Context) pgx.BatchResults {
	b := w.pending
	w.pending = pgx.Batch{}
	return w.conn.SendBatch(ctx, &b)
}

// flush runs what is queued and returns the first error.
func (w *pgWrite) flush(ctx context.Context) error {
	if w.pending.Len() == 0 {
		return nil
	}
	return w.send(ctx).Close()
}

// queryRow runs what is queued and then q, in one round trip.
func (w *pgWrite) queryRow(ctx context.Context, q string, args ...any) scanner {
	n := w.pending.Len()
	w.queue(q, args...)
	br := w.send(ctx)
	for i := 0; i < n; i++ {
		if _, err := br.Exec(); err != nil {
			br.Close()
			return failedRow{err}
		}
	}
	return pgRow{br}
}

// query runs what is queued, then q, whose rows it returns.
func (w *pgWrite) query(ctx context.Context, q string, args ...any) (rows, error) {
	if err := w.flush(ctx); err != nil {
		return nil, err
	}
	r, err := w.conn.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return pgRows{r}, nil
}

// pgRows are the rows of a query on PostgreSQL, closed as database/sql's are.
type pgRows struct{ pgx.Rows }

// Close ends the query and returns its error.
func (r pgRows) Close() error {
	r.Rows.Close()
	return r.Rows.Err()
}

// pgRow is the one row of a query sent last in a pipeline.
type pgRow struct{ br pgx.BatchResults }

// Scan reads the row and ends the pipeline.
func (r pgRow) Scan(dest ...any) error {
	err := r.br.QueryRow().Scan(dest...)
	if cerr := r.br.Close(); err == nil {
		err = cerr
	}
	return err
}

// commit runs what is queued and COMMIT, in one round trip.
func (w *pgWrite) commit(ctx context.Context) error {
	w.queue("COMMIT")
	err := w.flush(ctx)
	if err != nil {
		w.rollback()
		return err
	}
	w.done = true
	w.conn.Release()
	return nil
}

// rollback ends the transaction without its changes, unless it is done, and
// gives the connection back (the pool closes one left in a transaction).
func (w *pgWrite) rollback() {
	if w.done {
		return
	}
	w.done = true
	if w.conn.Conn().PgConn().TxStatus() != 'I' {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		w.conn.Exec(ctx, "ROLLBACK")
		cancel()
	}
	w.conn.Release()
}
