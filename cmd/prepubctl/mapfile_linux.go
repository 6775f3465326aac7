package main

import (
	"os"
	"syscall"
)

// mapFile maps the file at path into memory, read-only, with its pages
// loaded at once: a large text is then neither copied nor zeroed first. It
// reports false, having mapped nothing, for a file that is missing, empty,
// not a regular file or larger than max (zero: no limit), which extract's
// own reading then reports. unmap must be called once nothing refers to data.
func mapFile(path string, max int64) (data []byte, unmap func(), ok bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() == 0 || max > 0 && st.Size() > max || int64(int(st.Size())) != st.Size() {
		return nil, nil, false
	}
	data, err = syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ, syscall.MAP_PRIVATE|syscall.MAP_POPULATE)
	if err != nil {
		return nil, nil, false
	}
	return data, func() { syscall.Munmap(data) }, true
}
