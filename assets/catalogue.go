package assets

import _ "embed"

// Catalogue is the default numbering scheme and subject categories of the public catalogue (TOML).
//
//go:embed catalogue.toml
var Catalogue []byte
