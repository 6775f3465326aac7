// Command prepub is the desktop app: a clerk opens a draft and sees its secrecy scan.
package main

import (
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"prepub/review/extract"
	"prepub/review/scan"
	"prepub/ui"
)

func main() {
	extract.ServeWorker()
	open := flag.String("open", "", "启动后立即检查此文件")
	shot := flag.String("screenshot", "", "") // for CI: save the window as PNG after the first scan, then quit
	flag.Usage = func() { fmt.Fprintln(flag.CommandLine.Output(), "用法：prepub [--open 文件]") }
	flag.Parse()

	a := app.NewWithID("cn.gov.prepub")
	a.SetIcon(ui.AppIcon)
	a.Settings().SetTheme(ui.NewTheme())
	w := a.NewWindow("公文发布前审查")
	sc, err := scan.Default()
	if err != nil {
		fmt.Fprintln(os.Stderr, "无法载入检查规则：", err)
		os.Exit(1)
	}
	s := ui.NewScanScreen(w, sc)
	rememberSize(a.Preferences(), w)
	if *shot != "" {
		captureAfterScan(a, w, s, *shot, *open == "")
	}
	if *open != "" {
		s.Open(*open)
	}
	w.ShowAndRun()
}

// rememberSize restores the window size saved last time and saves it when the window closes.
func rememberSize(p fyne.Preferences, w fyne.Window) {
	w.Resize(fyne.NewSize(float32(p.FloatWithFallback("window.width", 1000)),
		float32(p.FloatWithFallback("window.height", 640))))
	w.SetCloseIntercept(func() {
		sz := w.Canvas().Size()
		p.SetFloat("window.width", float64(sz.Width))
		p.SetFloat("window.height", float64(sz.Height))
		w.Close()
	})
}
