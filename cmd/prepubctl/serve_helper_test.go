package main

import (
	"bufio"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// served is a prepubctl serve started by a test: its address, its process,
// and until, which reads what it prints up to the next line starting with
// prefix and returns the rest of that line (the test fails if none comes).
type served struct {
	addr  string
	cmd   *exec.Cmd
	until func(prefix string) string
}

// startServe starts this test binary as prepubctl serve, with args, on a
// free loopback port; the process is killed when the test ends.
func startServe(t *testing.T, args ...string) served {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	self, _ := os.Executable()
	cmd := exec.Command(self, append([]string{"serve", "--listen", addr}, args...)...)
	cmd.Env = append(os.Environ(), "PREPUB_CTL_MAIN=1")
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	lines := bufio.NewScanner(stdout)
	until := func(prefix string) string {
		t.Helper()
		for lines.Scan() {
			if v, ok := strings.CutPrefix(lines.Text(), prefix); ok {
				return v
			}
		}
		t.Fatalf("serve never printed %q", prefix)
		return ""
	}
	return served{addr: addr, cmd: cmd, until: until}
}
