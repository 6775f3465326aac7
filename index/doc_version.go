package index

import (
	"strconv"
	"strings"
)

// A search document's version value holds its record's ID before the content
// hash, so the check at open learns both from the doc values alone. Reading
// each document's ID from the stored fields instead decompressed the stored
// section of all 100,000 drafts, titles and all, and left those pages mapped.

// docVersion is the version value of record id's document made from the row
// whose content hash is hash.
func docVersion(id int64, hash string) string {
	return strconv.FormatInt(id, 10) + " " + hash
}

// splitDocVersion returns the document ID and the content hash a version
// value holds; ok is false for a value docVersion did not write.
func splitDocVersion(v string) (id, hash string, ok bool) {
	id, hash, ok = strings.Cut(v, " ")
	return id, hash, ok && id != ""
}
