package assets

import _ "embed"

// CommonPasswords is the list of passwords too common to accept: one a line,
// compared without regard to case; lines starting with # are comments.
//
//go:embed common-passwords.txt
var CommonPasswords []byte
