package index_test

import (
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

	"prepub/index"
	"prepub/review"
)

// TestArchiveModes ensures a new archive is its owner's alone, whatever the
// umask: the folder 0700, the database and its -wal and -shm files 0600.
func TestArchiveModes(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix modes")
	}
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	dir := filepath.Join(t.TempDir(), "archive")
	a, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	mustImport(t, a, "a.txt", []byte("关于做好防汛工作的通知\n各乡镇：\n"), index.ImportMeta{Attribute: review.Public})
	for name, want := range map[string]os.FileMode{"": 0o700, "archive.db": 0o600, "archive.db-wal": 0o600, "archive.db-shm": 0o600} {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if got := st.Mode().Perm(); got != want {
			t.Errorf("%s: mode %o, want %o", filepath.Join("archive", name), got, want)
		}
	}
}
