//go:build ignore

// gen_icon draws the app icon, a page under a magnifier on a red ground, into icon.png.
// Run it with `go generate ./assets`.
package main

import (
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

const size, ss = 256, 4 // icon size and supersampling factor

var (
	red   = color.RGBA{0xb7, 0x1c, 0x1c, 0xff}
	white = color.RGBA{0xff, 0xff, 0xff, 0xff}
	fold  = color.RGBA{0xe0, 0xe0, 0xe0, 0xff}
	grey  = color.RGBA{0x9e, 0x9e, 0x9e, 0xff}
	gold  = color.RGBA{0xff, 0xc1, 0x07, 0xff}
)

// at returns the icon's colour at a point in 0..256 coordinates.
func at(x, y float64) color.RGBA {
	var c color.RGBA // transparent
	if roundRect(x, y, 8, 8, 248, 248, 40) {
		c = red
	}
	if x >= 60 && x <= 180 && y >= 36 && y <= 220 && !(x-156 > y-36) {
		c = white
		if x >= 156 && y <= 60 {
			c = fold
		}
	}
	for _, ly := range []float64{84, 108, 132, 156, 180} {
		if x >= 80 && x <= 160 && y >= ly && y <= ly+8 {
			c = grey
		}
	}
	d := math.Hypot(x-172, y-168)
	if d <= 32 {
		c = blend(c, white, 0.6)
	}
	if d >= 32 && d <= 44 || segDist(x, y, 202, 198, 232, 228) <= 9 {
		c = gold
	}
	return c
}

func roundRect(x, y, x0, y0, x1, y1, r float64) bool {
	if x < x0 || x > x1 || y < y0 || y > y1 {
		return false
	}
	cx := math.Max(x0+r, math.Min(x, x1-r))
	cy := math.Max(y0+r, math.Min(y, y1-r))
	return math.Hypot(x-cx, y-cy) <= r
}

func segDist(x, y, x0, y0, x1, y1 float64) float64 {
	dx, dy := x1-x0, y1-y0
	t := math.Max(0, math.Min(1, ((x-x0)*dx+(y-y0)*dy)/(dx*dx+dy*dy)))
	return math.Hypot(x-(x0+t*dx), y-(y0+t*dy))
}

func blend(a, b color.RGBA, t float64) color.RGBA {
	m := func(p, q uint8) uint8 { return uint8(float64(p)*(1-t) + float64(q)*t) }
	return color.RGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), m(a.A, b.A)}
}

func main() {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var r, g, b, a float64
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					c := at(float64(px)+(float64(sx)+0.5)/ss, float64(py)+(float64(sy)+0.5)/ss)
					r += float64(c.R) * float64(c.A)
					g += float64(c.G) * float64(c.A)
					b += float64(c.B) * float64(c.A)
					a += float64(c.A)
				}
			}
			if a == 0 {
				continue
			}
			img.SetNRGBA(px, py, color.NRGBA{uint8(r / a), uint8(g / a), uint8(b / a), uint8(a / (ss * ss))})
		}
	}
	f, err := os.Create("icon.png")
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
