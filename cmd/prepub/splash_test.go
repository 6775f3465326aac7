package main

import (
	"image"
	"image/png"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// TestSplash ensures the window's first content is the emblem, centred at
// any window size, with no text and no widget on it (it is shown before the
// Chinese faces are parsed). PREPUB_SPLASH_PNG=FILE saves the last capture.
func TestSplash(t *testing.T) {
	test.NewTempApp(t)
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1024, Height: 700}, {Width: 300, Height: 200}} {
		w := test.NewWindow(splash())
		w.Resize(size)
		img := w.Canvas().Capture()
		b := img.Bounds()
		centre := image.Rect(b.Dx()/2-40, b.Dy()/2-40, b.Dx()/2+40, b.Dy()/2+40)
		if n := redPixels(img, centre); n < centre.Dx()*centre.Dy()/5 {
			t.Errorf("%v: %d of the centre's pixels are the emblem's red", size, n)
		}
		for _, corner := range []image.Rectangle{image.Rect(0, 0, 40, 40), image.Rect(b.Dx()-40, b.Dy()-40, b.Dx(), b.Dy())} {
			if n := redPixels(img, corner); n > 0 {
				t.Errorf("%v: the emblem reaches the corner %v", size, corner)
			}
		}
		for _, o := range test.LaidOutObjects(w.Content()) {
			switch o.(type) {
			case *canvas.Text, fyne.Widget:
				t.Errorf("%v: %T on the splash", size, o)
			}
		}
		if path := os.Getenv("PREPUB_SPLASH_PNG"); path != "" {
			f, _ := os.Create(path)
			png.Encode(f, img)
			f.Close()
		}
		w.Close()
	}
}

// redPixels counts the pixels of r in img of the emblem's red.
func redPixels(img image.Image, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if cr>>8 > 0x90 && cg>>8 < 0x50 && cb>>8 < 0x50 {
				n++
			}
		}
	}
	return n
}
