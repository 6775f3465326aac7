package main

import (
	"runtime"
	"sync"
	"sync/atomic"

	"prepub/review/scan"
)

// scanAll scans the targets on every core (GOMAXPROCS at once) and hands the reports to emit
// in the targets' order, each as soon as it and all before it are done, so the output is the
// same as scanning one file after another. When emit returns false no further file is started.
func scanAll(targets []scanTarget, scanOne func(path string) *scan.FileReport, emit func(*scan.FileReport) bool) {
	results := make([]chan *scan.FileReport, len(targets))
	for i := range results {
		results[i] = make(chan *scan.FileReport, 1)
	}
	var next atomic.Int64
	var stop atomic.Bool
	var wg sync.WaitGroup
	defer wg.Wait()
	for range min(runtime.GOMAXPROCS(0), len(targets)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				i := int(next.Add(1) - 1)
				if i >= len(targets) {
					return
				}
				if t := targets[i]; t.err != nil {
					results[i] <- unlistedReport(t)
				} else {
					results[i] <- scanOne(t.path)
				}
			}
		}()
	}
	for _, r := range results {
		if !emit(<-r) {
			stop.Store(true)
			return
		}
	}
}
