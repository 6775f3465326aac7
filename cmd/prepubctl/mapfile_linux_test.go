package main

import (
	"path/filepath"
	"testing"
)

// TestMapFile ensures a mapped file reads as its content, and that a file
// extract must report on (missing, empty, a folder, over the size limit) is
// left to it.
func TestMapFile(t *testing.T) {
	dir := t.TempDir()
	text := write(t, dir, "draft.txt", []byte("机密★1年\n关于某事项的通知\n"))
	empty := write(t, dir, "empty.txt", nil)
	data, unmap, ok := mapFile(text, 0)
	if !ok || string(data) != "机密★1年\n关于某事项的通知\n" {
		t.Fatalf("mapped %q, %v", data, ok)
	}
	unmap()
	for name, c := range map[string]struct {
		path string
		max  int64
	}{"Missing": {filepath.Join(dir, "none.txt"), 0}, "Empty": {empty, 0}, "Folder": {dir, 0}, "TooLarge": {text, 10}} {
		if _, _, ok := mapFile(c.path, c.max); ok {
			t.Errorf("%s: mapped", name)
		}
	}
}
