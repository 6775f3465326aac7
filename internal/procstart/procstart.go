// Package procstart tells when the running process started, for the
// first-window figures of bench/desktop.sh (the app's --probe and its peer).
package procstart

import (
	"os"
	"strconv"
	"strings"
	"time"
)

// Time returns when this process started, from /proc (Linux); elsewhere, now.
func Time() time.Time {
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
