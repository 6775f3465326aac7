package scan_test

import (
	"os"
	"testing"

	"prepub/review/extract"
)

// TestMain lets the test binary serve as its own PDF worker.
func TestMain(m *testing.M) {
	extract.ServeWorker()
	os.Exit(m.Run())
}
