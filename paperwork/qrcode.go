package paperwork

import (
	"github.com/boombuler/barcode"
	"github.com/boombuler/barcode/qr"
)

// qrCode draws text as a QR code of side size at (x, y), one filled
// rectangle per run of dark modules, so it prints sharp at any scale.
func (p *page) qrCode(x, y, size float64, text string) error {
	code, err := qr.Encode(text, qr.M, qr.Auto)
	if err != nil {
		return err
	}
	return p.drawModules(x, y, size, code)
}

// drawModules draws the dark modules of a 2D barcode inside its quiet zone.
func (p *page) drawModules(x, y, size float64, code barcode.Barcode) error {
	b := code.Bounds()
	n := b.Dx()
	const quiet = 4 // modules of white around the code, as the standard asks
	m := size / float64(n+2*quiet)
	p.pdf.SetFillColor(0, 0, 0)
	for row := 0; row < n; row++ {
		for col := 0; col < n; {
			if !dark(code, b.Min.X+col, b.Min.Y+row) {
				col++
				continue
			}
			start := col
			for col < n && dark(code, b.Min.X+col, b.Min.Y+row) {
				col++
			}
			p.pdf.RectFromUpperLeftWithStyle(x+float64(quiet+start)*m, y+float64(quiet+row)*m, float64(col-start)*m+0.01, m+0.01, "F")
		}
	}
	return nil
}

// dark reports a dark module.
func dark(code barcode.Barcode, x, y int) bool {
	r, _, _, _ := code.At(x, y).RGBA()
	return r < 0x8000
}
