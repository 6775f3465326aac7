package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"prepub/ui"
)

// probe measures, for bench/desktop.sh, the time from the process's start to
// the first window, then the resident memory after the disclosure office has
// signed in and searched the archive; it prints both and quits.
func probe(a fyne.App, shell *ui.Shell, svc *ui.Services, user string) {
	a.Lifecycle().SetOnStarted(func() {
		fmt.Printf("first_window_ms %d\n", time.Since(processStart()).Milliseconds())
		go func() {
			err := probeSearch(shell, svc, user)
			if err != nil {
				fmt.Fprintln(os.Stderr, "probe:", err)
				tourFailed = true
			}
			if path := os.Getenv("PREPUB_HEAP_PROFILE"); path != "" {
				if f, err := os.Create(path); err == nil {
					pprof.WriteHeapProfile(f)
					f.Close()
				}
			}
			fmt.Printf("rss_mb %d\nrss_anon_mb %d\nrss_file_mb %d\n", statusMB("VmRSS:"), statusMB("RssAnon:"), statusMB("RssFile:"))
			fyne.Do(a.Quit)
		}()
	})
}

func probeSearch(shell *ui.Shell, svc *ui.Services, user string) error {
	u, err := svc.Archive.Store.Authenticate(context.Background(), user, os.Getenv("PREPUB_TOUR_PASSWORD"))
	if err != nil {
		return err
	}
	fyne.DoAndWait(func() {
		shell.SignedIn(*u)
		s := shell.Screen("档案检索").(*ui.SearchScreen)
		s.SetQuery("政务公开")
		err = s.Search()
	})
	time.Sleep(time.Second)
	return err
}

// processStart returns when this process started, from /proc (Linux); elsewhere, now.
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

// statusMB returns a memory figure of /proc/self/status (VmRSS:, RssAnon:, RssFile:) in MB (Linux), or 0.
func statusMB(key string) int {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), key); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return kb / 1024
		}
	}
	return 0
}
