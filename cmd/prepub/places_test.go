package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestLocate checks the flags win and the archive defaults to the user's data folder.
func TestLocate(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	t.Setenv("LocalAppData", data)
	p := locate("", "office-rules.toml", "kw.toml", "")
	if p.Rules != "office-rules.toml" || p.Keywords != "kw.toml" {
		t.Errorf("flags not used: %+v", p)
	}
	if p.Data != filepath.Join(data, "prepub") {
		t.Errorf("archive in %q, want the user's data folder", p.Data)
	}
	if p := locate("/tmp/a", "", "", ""); p.Data != "/tmp/a" {
		t.Errorf("--archive not used: %q", p.Data)
	}
	if _, err := os.Stat(p.Allow); p.Allow != "" && err != nil {
		t.Errorf("allow list %q does not exist", p.Allow)
	}
}
