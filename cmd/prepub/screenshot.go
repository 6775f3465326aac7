package main

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"

	"prepub/review"
	"prepub/ui"
)

// tourFailed is set when the screenshot tour could not finish.
var tourFailed bool

// tour signs in as the fixture archive's users (scripts/screenshots.sh makes
// them), shows the clerk's screen with a draft's findings, the secrecy
// officer's queue and an archive search, saves each as a PNG in dir, and quits.
func tour(a fyne.App, w fyne.Window, shell *ui.Shell, svc *ui.Services, dir, draft string) {
	err := runTour(w, shell, svc, dir, draft)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tour:", err)
		tourFailed = true
	}
	fyne.Do(a.Quit)
}

func runTour(w fyne.Window, shell *ui.Shell, svc *ui.Services, dir, draft string) error {
	time.Sleep(time.Second) // the window comes up
	password := os.Getenv("PREPUB_TOUR_PASSWORD")
	signIn := func(name string) error {
		u, err := svc.Archive.Store.Authenticate(context.Background(), name, password)
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		fyne.DoAndWait(func() { shell.SignedIn(*u) })
		return nil
	}
	shot := func(name string) error {
		time.Sleep(1500 * time.Millisecond) // let it paint
		var err error
		fyne.DoAndWait(func() { err = savePNG(filepath.Join(dir, name), windowImage(w)) })
		return err
	}
	if err := signIn("张起草"); err != nil {
		return err
	}
	var c *ui.ClerkScreen
	fyne.DoAndWait(func() {
		c = shell.Screen("起草与提交").(*ui.ClerkScreen)
		c.Load(draft)
	})
	if err := shot("clerk-screen.png"); err != nil {
		return err
	}
	// A second draft, routed to the secrecy officer: an internal-use label and a mobile number.
	text := "内部资料　注意保存\n关于做好2026年防汛物资储备工作的通知\n各乡镇人民政府：\n现将储备库联系人名单印发给你们。联系人：张三，电话13812345678。\n"
	rec, err := svc.Desk.Submit(context.Background(), review.Actor{User: "张起草", Role: review.RoleClerk}, "县政府办",
		"关于做好2026年防汛物资储备工作的通知.txt", []byte(text), review.Decision{Attribute: review.Public})
	if err != nil {
		return err
	}
	if err := signIn("李保密"); err != nil {
		return err
	}
	fyne.DoAndWait(func() {
		q := shell.Screen("保密审查").(*ui.QueueScreen)
		if err = q.Load(); err == nil && !q.Select(rec.ID) {
			err = fmt.Errorf("draft %d not in the secrecy officer's queue", rec.ID)
		}
	})
	if err != nil {
		return err
	}
	if err := shot("queue-screen.png"); err != nil {
		return err
	}
	if err := signIn("周公开"); err != nil {
		return err
	}
	fyne.DoAndWait(func() {
		s := shell.Screen("档案检索").(*ui.SearchScreen)
		s.SetQuery("政务公开")
		if err = s.Search(); err == nil && len(s.Hits()) == 0 {
			err = fmt.Errorf("archive search found nothing")
		}
	})
	if err != nil {
		return err
	}
	return shot("search-screen.png")
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
