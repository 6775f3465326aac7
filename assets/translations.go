package assets

import "embed"

// Translations holds the app's own UI strings as Fyne translation files (translations/zh.json, translations/en.json).
//
//go:embed translations
var Translations embed.FS
