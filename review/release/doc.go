// Package release writes the release copy of a .docx draft: the copy that is
// published when part of a document is withheld (Art. 37, 区分处理). Each
// withheld passage becomes a note naming its legal basis, personal numbers may
// be masked, and nothing hidden is left in the file: tracked changes are
// accepted, comments, hidden text, custom XML and identifying properties go.
//
// The copy is made by splicing the draft's own bytes: only the elements that
// change are rewritten, every other part of the package is copied unchanged.
// Before the copy is returned it is read again as any reader would (Verify),
// and refused if anything withheld or hidden is still in it.
//
// The package does no I/O: bytes in, bytes out.
package release
