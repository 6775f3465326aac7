package extract_test

import (
	"os"
	"path/filepath"
	"testing"

	"prepub/review/extract"
)

// TestFolderFiles ensures a folder stands for its drafts in path order,
// links to files included, hidden files and folders and Office lock files
// left out, and a folder that does not exist is the error.
func TestFolderFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.docx", "a/c.pdf", "~$b.docx", ".hidden.txt", ".git/x.txt", "a/d.ofd"} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "b.docx"), filepath.Join(dir, "e.docx")); err != nil {
		t.Fatal(err)
	}
	got, err := extract.FolderFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a/c.pdf", "a/d.ofd", "b.docx", "e.docx"}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %v", got, want)
	}
	for i, w := range want {
		if got[i].Path != filepath.Join(dir, w) || got[i].Err != nil {
			t.Errorf("%d: got %+v, want %s", i, got[i], w)
		}
	}
	if _, err := extract.FolderFiles(filepath.Join(dir, "missing")); err == nil {
		t.Error("a missing folder listed without error")
	}
}
