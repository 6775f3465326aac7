package main

import (
	"image"
	"image/color"
	"testing"
)

// TestBlank ensures only a fully transparent capture counts as blank, so the software fallback is used only then.
func TestBlank(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	if !blank(img) {
		t.Error("transparent image not blank")
	}
	img.Set(3, 3, color.NRGBA{0x20, 0x20, 0x20, 0xff})
	if blank(img) {
		t.Error("image with a painted pixel counted as blank")
	}
}
