package assets

import _ "embed"

// IconPNG is the desktop app's icon, a 256×256 PNG drawn by gen_icon.go.
//
//go:generate go run gen_icon.go
//go:embed icon.png
var IconPNG []byte
