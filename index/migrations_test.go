package index

import (
	"testing"
	"testing/fstest"
)

// TestLoadMigrations ensures the numbered files are taken in number order and
// that a gap, a repeat or a malformed name stops the program rather than
// skipping a schema version.
func TestLoadMigrations(t *testing.T) {
	got := loadMigrations(fstest.MapFS{
		"migrations/0002_b.sql": {Data: []byte("B")},
		"migrations/0001_a.sql": {Data: []byte("A")},
	})
	if len(got) != 2 || got[0] != "A" || got[1] != "B" {
		t.Fatalf("got %q, want [A B]", got)
	}
	if len(migrations) < 9 {
		t.Fatalf("embedded migrations: %d, want at least 9", len(migrations))
	}
	for name, fsys := range map[string]fstest.MapFS{
		"gap":       {"migrations/0001_a.sql": {}, "migrations/0003_c.sql": {}},
		"repeat":    {"migrations/0001_a.sql": {}, "migrations/0001_b.sql": {}},
		"malformed": {"migrations/1_a.sql": {}},
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: loaded without complaint", name)
				}
			}()
			loadMigrations(fsys)
		})
	}
}
