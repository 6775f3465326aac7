package extract_test

import (
	"os"
	"testing"

	"prepub/review/extract"
)

// TestMain lets the test binary serve as its own PDF worker, so PDF tests run the real worker path.
func TestMain(m *testing.M) {
	extract.ServeWorker()
	os.Exit(m.Run())
}
