package main

import (
	"image"
	"image/png"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"

	"prepub/review/scan"
	"prepub/ui"
)

// captureAfterScan saves the window as a PNG once the first report is on screen (or, with
// now, once the window is up) and quits. The delay lets the report be painted first.
func captureAfterScan(a fyne.App, w fyne.Window, s *ui.ScanScreen, path string, now bool) {
	capture := func() {
		time.AfterFunc(1500*time.Millisecond, func() {
			fyne.Do(func() {
				if err := savePNG(path, windowImage(w)); err != nil {
					fyne.LogError("screenshot "+path, err)
				}
				a.Quit()
			})
		})
	}
	if now {
		capture()
		return
	}
	s.OnShown = func(*scan.FileReport) {
		s.OnShown = nil
		capture()
	}
}

// windowImage returns what the window shows. Where the GL front buffer cannot be read back
// (Xvfb's software GL gives all zeros) it paints the same content with Fyne's software painter,
// which uses the same fonts and font fallback as the window.
func windowImage(w fyne.Window) image.Image {
	if img := w.Canvas().Capture(); !blank(img) {
		return img
	}
	size := w.Canvas().Size()
	c := software.NewCanvas()
	c.SetPadded(true)
	c.Resize(size) // before the content, so wrapped labels are measured at the window's width
	c.SetContent(w.Content())
	return c.Capture()
}

// blank reports whether every pixel of img is fully transparent.
func blank(img image.Image) bool {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if _, _, _, a := img.At(x, y).RGBA(); a != 0 {
				return false
			}
		}
	}
	return true
}

// savePNG writes an image to a PNG file.
func savePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
