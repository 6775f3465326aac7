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

	"prepub/internal/procstart"
	"prepub/ui"
)

// probeWindow prints, for bench/desktop.sh, the time from the process's
// start to the first window (the app's emblem, before the sign-in screen).
func probeWindow() {
	fmt.Printf("first_window_ms %d\n", time.Since(procstart.Time()).Milliseconds())
}

// probe prints the time from the process's start to the sign-in screen
// built, then the resident memory after the disclosure office has signed in
// and searched the archive, and quits. It is called on the window's thread.
func probe(a fyne.App, shell *ui.Shell, svc *ui.Services, user string) {
	fmt.Printf("signin_ms %d\n", time.Since(procstart.Time()).Milliseconds())
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
