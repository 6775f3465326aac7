// Package assets holds the default policy data, embedded in the binary:
// keyword classes for the secrecy scan, the attribute statements, and the
// default sign-off rules. An office's own files override or extend them.
package assets

import _ "embed"

// Keywords is the default keyword-class file of the secrecy scan (TOML).
//
//go:embed keywords.toml
var Keywords []byte

// Rules is the default sign-off rules file (TOML).
//
//go:embed rules.toml
var Rules []byte
