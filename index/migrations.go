package index

import (
	"embed"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
)

// migrationFiles are the schema versions as numbered SQL files
// (migrations/NNNN_what.sql), written for SQLite and adapted to PostgreSQL by
// dialect.ddl.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations are the schema versions in order: migrations[v-1] makes version v.
// Each is applied once, in its own transaction (Store.migrate).
var migrations = loadMigrations(migrationFiles)

// loadMigrations reads the numbered files in order and panics when a number is
// missing, repeated or malformed: the files are part of the program, so that is
// a build mistake that every test would show at once.
func loadMigrations(fsys fs.FS) []string {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	out := make([]string, len(names))
	seen := make([]bool, len(names))
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || len(num) != 4 || v < 1 || v > len(names) || seen[v-1] {
			panic(fmt.Sprintf("schema migration %s: want NNNN_name.sql numbered 0001..%04d without gaps or repeats", name, len(names)))
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			panic(err)
		}
		out[v-1], seen[v-1] = string(b), true
	}
	return out
}
