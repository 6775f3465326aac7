// Package ui holds the desktop app's screens. Each screen is one struct that
// owns its widgets; its callbacks are named methods that call the review core
// and show the result. No business rule lives here.
//
// Chinese text needs a CJK font on the machine (fonts-noto-cjk); NewTheme
// says how the app picks its Simplified Chinese face.
package ui
