package main

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"prepub/ui"
)

// The window comes up showing the app's emblem, which needs no font, and
// the sign-in screen replaces it once built: parsing the Chinese faces and
// building the screen take some 0.3 s, which the person would otherwise
// spend looking at no window at all.

// splash is the emblem, centred, on the theme's background.
func splash() fyne.CanvasObject {
	icon := canvas.NewImageFromResource(ui.AppIcon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(96, 96))
	return container.NewStack(canvas.NewRectangle(color.Transparent), container.NewCenter(icon))
}

// afterFirstFrame runs fn on the window's thread after the window has drawn
// its first frame (Fyne draws one every 1/60 s).
func afterFirstFrame(fn func()) {
	go func() {
		time.Sleep(2 * time.Second / 60)
		fyne.Do(fn)
	}()
}
