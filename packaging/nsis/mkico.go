//go:build ignore

// mkico writes a Windows icon (.ico) of the app icon for the installer, the
// Start-menu entry and the right-click menu: 16, 32, 48 and 256 pixels, each a
// 32-bit BMP with alpha. Usage: go run packaging/nsis/mkico.go icon.png out.ico
package main

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/png"
	"log"
	"os"

	"golang.org/x/image/draw"
)

func main() {
	if len(os.Args) != 3 {
		log.Fatal("usage: mkico icon.png out.ico")
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	src, err := png.Decode(f)
	if err != nil {
		log.Fatal(err)
	}
	sizes := []int{16, 32, 48, 256}
	var images [][]byte
	for _, n := range sizes {
		dst := image.NewNRGBA(image.Rect(0, 0, n, n))
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
		images = append(images, bmp(dst))
	}
	var out bytes.Buffer
	le := binary.LittleEndian
	binary.Write(&out, le, [3]uint16{0, 1, uint16(len(sizes))}) // ICONDIR: reserved, type icon, count
	offset := 6 + 16*len(sizes)
	for i, n := range sizes {
		b := byte(n)
		if n == 256 {
			b = 0
		}
		out.Write([]byte{b, b, 0, 0}) // width, height, colours, reserved
		binary.Write(&out, le, [2]uint16{1, 32})
		binary.Write(&out, le, [2]uint32{uint32(len(images[i])), uint32(offset)})
		offset += len(images[i])
	}
	for _, img := range images {
		out.Write(img)
	}
	if err := os.WriteFile(os.Args[2], out.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}

// bmp encodes img as an icon's DIB: the header with twice the height, BGRA rows
// bottom-up, then an all-clear AND mask (the alpha channel does the masking).
func bmp(img *image.NRGBA) []byte {
	n := img.Bounds().Dx()
	maskRow := (n + 31) / 32 * 4
	var b bytes.Buffer
	le := binary.LittleEndian
	binary.Write(&b, le, struct {
		Size                   uint32
		Width, Height          int32
		Planes, BitCount       uint16
		Compression, ImageSize uint32
		XPels, YPels           int32
		ClrUsed, ClrImportant  uint32
	}{40, int32(n), int32(2 * n), 1, 32, 0, uint32(n*n*4 + maskRow*n), 0, 0, 0, 0})
	for y := n - 1; y >= 0; y-- {
		for x := 0; x < n; x++ {
			p := img.Pix[y*img.Stride+4*x:]
			b.Write([]byte{p[2], p[1], p[0], p[3]})
		}
	}
	b.Write(make([]byte, maskRow*n))
	return b.Bytes()
}
