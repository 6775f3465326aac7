package index_test

import (
	"os"
	"testing"

	"prepub/index"
	"prepub/internal/pgtest"
)

// pgEnv names the PostgreSQL server the tests may use (scripts/test-pg.sh sets it).
const pgEnv = "PREPUB_TEST_PG"

// eachBackend runs a test on a fresh archive on SQLite and, when a test
// server is given, on PostgreSQL: the same store tests for both.
func eachBackend(t *testing.T, test func(t *testing.T, a *index.Archive)) {
	t.Run("SQLite", func(t *testing.T) {
		a, _ := mustOpen(t)
		test(t, a)
	})
	base := os.Getenv(pgEnv)
	if base == "" {
		t.Run("PostgreSQL", func(t *testing.T) { t.Skip(pgEnv + " not set: run through make test") })
		return
	}
	t.Run("PostgreSQL", func(t *testing.T) {
		st := mustOpenPostgres(t, base)
		a, err := index.OpenWith(st, t.TempDir(), nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { a.Close() })
		test(t, a)
	})
}

// mustOpenPostgres creates a database of its own for one test and opens a store on it.
func mustOpenPostgres(t testing.TB, base string) *index.Store {
	t.Helper()
	st, err := index.OpenPostgres(pgtest.Database(t, base))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() }) // before the database is dropped
	return st
}
