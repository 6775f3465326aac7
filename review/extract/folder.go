package extract

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// FolderEntry is one file under a folder to check, or a subfolder that could
// not be listed (Err set): its files were not checked.
type FolderEntry struct {
	Path string
	Err  error
}

// FolderFiles lists the files under dir a check reads, in path order: regular
// files and links to them, leaving out hidden files and folders (names
// starting with ".") and Office lock files ("~$…"). A subfolder that cannot
// be read is listed with its error; dir itself unreadable is the error.
func FolderFiles(dir string) ([]FolderEntry, error) {
	var out []FolderEntry
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == dir {
				return err
			}
			out = append(out, FolderEntry{Path: path, Err: err})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != dir && (strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "~$")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.Type().IsRegular():
			out = append(out, FolderEntry{Path: path})
		case d.Type()&fs.ModeSymlink != 0:
			if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
				out = append(out, FolderEntry{Path: path})
			}
		}
		return nil
	})
	sort.SliceStable(out, func(a, b int) bool { return out[a].Path < out[b].Path })
	return out, err
}
