// Package pgtest gives a test a PostgreSQL database of its own on the test
// server that scripts/test-pg.sh starts (its URL in PREPUB_TEST_PG).
package pgtest

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the pgx driver for database/sql
)

// Env names the variable that holds the test server's URL.
const Env = "PREPUB_TEST_PG"

// URL returns the test server's URL, or "" when the tests run without one.
func URL() string { return os.Getenv(Env) }

// seq tells apart databases made in the same nanosecond.
var seq atomic.Int64

// Database creates an empty database beside base for one test, dropped when
// the test ends, and returns its URL.
func Database(t testing.TB, base string) string {
	t.Helper()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("prepub_test_%d_%d", time.Now().UnixNano(), seq.Add(1))
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if admin, err := sql.Open("pgx", base); err == nil {
			admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			admin.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
