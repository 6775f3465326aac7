// Command fynewindow is the peer of the desktop app's first-window figure
// (bench/desktop.sh): the least a Fyne program showing Chinese does, one
// window with one line of it and Fyne's own fonts and fallbacks. It prints
// the time from its process's start to that window, as prepub --probe does,
// and quits.
package main

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"

	"prepub/internal/procstart"
)

func main() {
	a := app.NewWithID("cn.gov.prepub.bench")
	w := a.NewWindow("公文发布前审查")
	w.SetContent(widget.NewLabel("公文发布前审查：请输入用户名和密码"))
	a.Lifecycle().SetOnStarted(func() {
		fmt.Printf("first_window_ms %d\n", time.Since(procstart.Time()).Milliseconds())
		go fyne.Do(a.Quit)
	})
	w.ShowAndRun()
}
