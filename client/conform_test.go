package client_test

import (
	"bufio"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"prepub/client"
	"prepub/index"
	"prepub/internal/backendtest"
	"prepub/internal/pgtest"
)

// TestClientConforms runs the Backend conformance suite on the client talking
// to a real prepubctl serve, built from this tree, over TLS with its
// certificate pinned: on SQLite and, when a test server is given, on PostgreSQL.
func TestClientConforms(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts prepubctl")
	}
	bin := buildPrepubctl(t)
	t.Run("SQLite", func(t *testing.T) {
		conform(t, bin, filepath.Join(t.TempDir(), "archive.db"))
	})
	base := os.Getenv("PREPUB_TEST_PG")
	if base == "" {
		t.Run("PostgreSQL", func(t *testing.T) { t.Skip("PREPUB_TEST_PG not set: run through make test") })
		return
	}
	t.Run("PostgreSQL", func(t *testing.T) { conform(t, bin, pgtest.Database(t, base)) })
}

// conform starts prepubctl serve on a database with only the administrator and runs the suite against it.
func conform(t *testing.T, bin, db string) {
	users := exec.Command(bin, "users", "add", "--db", db, "--user", backendtest.Admin, "--role", "admin")
	users.Stdin = strings.NewReader(backendtest.AdminPassword + "\n")
	if out, err := users.CombinedOutput(); err != nil {
		t.Fatalf("users add: %v %s", err, out)
	}
	addr, fp := serve(t, bin, db)
	backendtest.Run(t, func(*testing.T) index.Backend { return client.New("https://"+addr, fp) })
}

// buildPrepubctl builds the prepubctl of this tree into a temporary folder, with the go command that built the test.
func buildPrepubctl(t *testing.T) string {
	t.Helper()
	goBin := filepath.Join(runtime.GOROOT(), "bin", "go") // the toolchain that built this test
	if _, err := os.Stat(goBin); err != nil {
		if goBin, err = exec.LookPath("go"); err != nil {
			t.Skip("no go command to build prepubctl with")
		}
	}
	bin := filepath.Join(t.TempDir(), "prepubctl")
	if out, err := exec.Command(goBin, "build", "-o", bin, "prepub/cmd/prepubctl").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v %s", err, out)
	}
	return bin
}

// serve starts prepubctl serve on a free local port with its own certificate
// and index folder, waits until it accepts connections and returns its
// address and the fingerprint it printed; the server is stopped at cleanup.
func serve(t *testing.T, bin, db string) (addr, fingerprint string) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr = l.Addr().String()
	l.Close()
	cmd := exec.Command(bin, "serve", "--listen", addr, "--db", db, "--index", t.TempDir())
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		if err := cmd.Wait(); err != nil {
			t.Errorf("serve did not stop cleanly: %v %s", err, stderr.String())
		}
	})
	sc := bufio.NewScanner(stdout)
	for fingerprint == "" && sc.Scan() {
		if fp, ok := strings.CutPrefix(sc.Text(), "证书指纹（SHA-256）："); ok {
			fingerprint = fp
		}
	}
	if fingerprint == "" {
		t.Fatalf("serve printed no fingerprint: %s", stderr.String())
	}
	go func() { // keep reading, so the server never blocks on a full pipe
		for sc.Scan() {
		}
	}()
	for i := 0; ; i++ {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
			return addr, fingerprint
		}
		if i == 100 {
			t.Fatalf("serve does not accept connections: %v %s", err, stderr.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}
