package main

import (
	"os"
	"testing"

	"prepub/review/extract"
)

// TestMain lets the test binary serve as its own PDF worker, as prepubctl does.
// With PREPUB_CTL_MAIN set it runs as prepubctl itself, for tests of long-running commands.
func TestMain(m *testing.M) {
	extract.ServeWorker()
	if os.Getenv("PREPUB_CTL_MAIN") != "" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}
