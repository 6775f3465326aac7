// Command fynewindow is the peer of the desktop app's first-window figure
// (bench/desktop.sh): the least a Fyne program showing Chinese does, one
// window with one line of it and Fyne's own fonts and fallbacks. It prints
// the time from its process's start to that window, as prepub --probe does,
// and quits.
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("cn.gov.prepub.bench")
	w := a.NewWindow("公文发布前审查")
	w.SetContent(widget.NewLabel("公文发布前审查：请输入用户名和密码"))
	a.Lifecycle().SetOnStarted(func() {
		fmt.Printf("first_window_ms %d\n", time.Since(processStart()).Milliseconds())
		go fyne.Do(a.Quit)
	})
	w.ShowAndRun()
}

// processStart returns when this process started, from /proc (Linux), as cmd/prepub's probe reads it.
func processStart() time.Time {
	stat, err := os.ReadFile("/proc/self/stat")
	up, err2 := os.ReadFile("/proc/uptime")
	if err != nil || err2 != nil {
		return time.Now()
	}
	fields := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+2:]))
	ticks, _ := strconv.ParseFloat(fields[19], 64) // starttime, in clock ticks since boot
	uptime, _ := strconv.ParseFloat(strings.Fields(string(up))[0], 64)
	const hz = 100 // USER_HZ on Linux
	return time.Now().Add(-time.Duration((uptime - ticks/hz) * float64(time.Second)))
}
