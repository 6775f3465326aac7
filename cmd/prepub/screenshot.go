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

	"prepub/index"
	"prepub/review"
	"prepub/ui"
)

// tourFailed is set when the screenshot tour could not finish.
var tourFailed bool

// tour signs in as the fixture archive's users (scripts/screenshots.sh makes
// them), shows the clerk's screen with a draft's findings, the secrecy
// officer's queue, the legal office reading a draft with a passage withheld,
// the deputy head's queue, an archive search, the public catalogue, the
// annual report, the re-review and the administrator's accounts, saves each
// as a PNG in dir, and quits.
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
		fyne.DoAndWait(func() {
			if err = savePNG(filepath.Join(dir, name), windowImage(w)); err == nil {
				err = shownInChinese(w, name)
			}
		})
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
	if err := tourLegal(shell, svc, signIn); err != nil {
		return err
	}
	if err := shot("legal-screen.png"); err != nil {
		return err
	}
	if err := tourHead(shell, svc, signIn); err != nil {
		return err
	}
	if err := shot("head-screen.png"); err != nil {
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
		if err == nil {
			err = s.Show(s.Hits()[0].ID)
		}
	})
	if err != nil {
		return err
	}
	if err := shot("search-screen.png"); err != nil {
		return err
	}
	if err := tourCatalogue(shell, svc); err != nil {
		return err
	}
	if err := shot("catalogue-screen.png"); err != nil {
		return err
	}
	fyne.DoAndWait(func() {
		shell.Select("年度报告")
		err = shell.Screen("年度报告").(*ui.ReportScreen).Open()
	})
	if err != nil {
		return err
	}
	if err := shot("report-screen.png"); err != nil {
		return err
	}
	fyne.DoAndWait(func() {
		shell.Select("年度复查")
		err = shell.Screen("年度复查").(*ui.ReReviewScreen).Load()
	})
	if err != nil {
		return err
	}
	if err := shot("rereview-screen.png"); err != nil {
		return err
	}
	if err := signIn("管理员"); err != nil {
		return err
	}
	fyne.DoAndWait(func() { shell.Select("账号") })
	return shot("accounts-screen.png")
}

// tourHead submits a public draft, which goes to the deputy head to sign, and shows it in the deputy head's queue.
func tourHead(shell *ui.Shell, svc *ui.Services, signIn func(string) error) error {
	text := "关于开展2026年全民国家安全教育日宣传活动的通知\n各乡镇人民政府，县直各单位：\n请于4月15日前后组织开展宣传活动，并于4月20日前报送活动总结。\n"
	rec, err := svc.Desk.Submit(context.Background(), review.Actor{User: "张起草", Role: review.RoleClerk}, "县政府办",
		"关于开展2026年全民国家安全教育日宣传活动的通知.txt", []byte(text), review.Decision{Attribute: review.Public})
	if err != nil {
		return err
	}
	if err := signIn("赵分管"); err != nil {
		return err
	}
	fyne.DoAndWait(func() {
		q := shell.Screen("签发").(*ui.QueueScreen)
		if err = q.Load(); err == nil && !q.Select(rec.ID) {
			err = fmt.Errorf("draft %d not in the deputy head's queue", rec.ID)
		}
	})
	return err
}

// tourCatalogue has the deputy head sign two public drafts, which enters them in the catalogue, marks one
// repealed, types in a few of the report's rows, and shows the disclosure office's catalogue.
func tourCatalogue(shell *ui.Shell, svc *ui.Services) error {
	ctx := context.Background()
	office := review.Actor{User: "周公开", Role: index.RoleDisclosureOffice}
	var first int64
	for _, d := range []struct{ name, text string }{
		{"关于做好2026年夏季防汛值班工作的通知.txt", "关于做好2026年夏季防汛值班工作的通知\n各乡镇人民政府：\n请安排好汛期值班人员，保持通讯畅通。\n"},
		{"关于开展2026年安全生产月活动的通知.txt", "关于开展2026年安全生产月活动的通知\n各乡镇人民政府，县直各单位：\n请结合实际组织开展安全生产月活动。\n"},
	} {
		rec, err := svc.Desk.Submit(ctx, review.Actor{User: "张起草", Role: review.RoleClerk}, "县政府办", d.name, []byte(d.text), review.Decision{Attribute: review.Public})
		if err == nil {
			rec, err = svc.Desk.Act(ctx, rec.ID, review.Actor{User: "赵分管", Role: review.DeputyHead}, review.ActionSign, -1, "同意公开")
		}
		if err != nil {
			return err
		}
		if first == 0 {
			first = rec.ID
		}
	}
	if _, err := svc.Desk.SetValidity(ctx, office, first, index.Repealed, "", "汛期结束"); err != nil {
		return err
	}
	year, err := svc.Desk.LatestDecisionYear(ctx, office)
	if err != nil {
		return err
	}
	if _, err := svc.Desk.SetReportValues(ctx, office, year, map[string]string{"licensing": "126", "penalty": "38", "compulsion": "4", "fees": "12.5"}); err != nil {
		return err
	}
	fyne.DoAndWait(func() {
		shell.Select("公开目录")
		c := shell.Screen("公开目录").(*ui.CatalogueScreen)
		if err = c.Open(); err == nil && !c.Select(first) {
			err = fmt.Errorf("record %d not in the catalogue", first)
		}
	})
	return err
}

// tourLegal submits a draft to be published with one passage withheld (Art. 37) and shows it to the legal office.
func tourLegal(shell *ui.Shell, svc *ui.Services, signIn func(string) error) error {
	text := "关于做好2026年防汛物资储备工作的通知\n各乡镇人民政府：\n　　为做好今年汛期防汛物资保障工作，现将有关事项通知如下。\n" +
		"　　一、储备布局。县级防汛物资储备库设在城东工业园区三号仓库，储备冲锋舟20艘、救生衣5000件，由县应急管理局统一调度。\n" +
		"　　二、调运要求。各乡镇接到调运指令后，应在2小时内组织车辆到库提取物资，并做好登记。\n" +
		"　　三、联系方式。联系人：张三，电话13812345678。\n（此件公开发布）\n"
	passage := "县级防汛物资储备库设在城东工业园区三号仓库"
	rec, err := svc.Desk.Submit(context.Background(), review.Actor{User: "张起草", Role: review.RoleClerk}, "县应急管理局",
		"关于做好2026年防汛物资储备工作的通知.txt", []byte(text), review.Decision{Attribute: review.Public,
			Redactions: []review.Redaction{{Text: passage, Basis: "security-stability", Reason: "储备库位置属于防汛安全信息，公开后可能危及公共安全"}}})
	if err != nil {
		return err
	}
	if err := signIn("王法制"); err != nil {
		return err
	}
	fyne.DoAndWait(func() {
		q := shell.Screen("法制审查").(*ui.QueueScreen)
		if err = q.Load(); err == nil && !q.Select(rec.ID) {
			err = fmt.Errorf("draft %d not in the legal office's queue", rec.ID)
		}
		if err == nil {
			q.Doc().Next()
		}
	})
	return err
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

// shownInChinese fails when the window, or a dialog on it, shows a word an office worker must not
// meet (Fyne's English defaults, the app's internals), naming the screen and the word.
func shownInChinese(w fyne.Window, screen string) error {
	for _, o := range append([]fyne.CanvasObject{w.Content()}, w.Canvas().Overlays().List()...) {
		if word, in := ui.ForbiddenWord(o); word != "" {
			return fmt.Errorf("%s shows the word %q in %q", screen, word, in)
		}
	}
	return nil
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
	enc := png.Encoder{CompressionLevel: png.BestCompression} // some go into the repository's docs
	if err := enc.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
