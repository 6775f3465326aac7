package ui

import (
	"fyne.io/fyne/v2"

	"prepub/assets"
)

// AppIcon is the app's icon as a Fyne resource.
var AppIcon fyne.Resource = fyne.NewStaticResource("icon.png", assets.IconPNG)
