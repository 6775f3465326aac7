package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDatabaseFailureExit ensures a database that cannot be read is an
// internal failure (70), not bad usage (64), and that the message a person
// reads first is Chinese with the driver's words only on the detail line.
func TestDatabaseFailureExit(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "office.db")
	if err := os.WriteFile(garbage, []byte(strings.Repeat("not a database ", 1000)), 0o644); err != nil {
		t.Fatal(err)
	}
	arch := filepath.Join(dir, "archive")
	if err := os.MkdirAll(arch, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(arch, "archive.db"), []byte(strings.Repeat("not a database ", 1000)), 0o644); err != nil {
		t.Fatal(err)
	}
	key := filepath.Join(dir, "k")
	if code, _, errs := runCLI("checkpoint", "--new-key", key); code != exitOK {
		t.Fatal(errs)
	}
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"UsersList", []string{"users", "list", "--db", garbage}},
		{"Verify", []string{"verify", "--db", garbage}},
		{"Checkpoint", []string{"checkpoint", "--db", garbage, "--key", key, "--out", filepath.Join(dir, "cp")}},
		{"ArchiveList", []string{"archive", "list", "--archive", arch}},
		{"Report", []string{"report", "--archive", arch, "--year", "2026"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := runCLI(tc.args...)
			if code != exitInternal {
				t.Fatalf("exit %d: %s", code, errs)
			}
			first, rest, _ := strings.Cut(errs, "\n")
			if !strings.Contains(rest, "详情") {
				t.Errorf("no detail line for the administrator: %q", errs)
			}
			if strings.Contains(strings.ToLower(first), "database") || strings.Contains(first, "sqlite") {
				t.Errorf("first line carries the driver's words: %q", first)
			}
		})
	}
}
