package ui

import (
	"os"
	"testing"

	"prepub/review/extract"
)

// TestMain registers the translations with Chinese selected, whatever the
// locale the tests run under, as the tests read the Chinese UI strings, and
// reads PDFs in worker processes, as the app does.
func TestMain(m *testing.M) {
	extract.ServeWorker()
	SetupLanguage(Chinese)
	os.Exit(m.Run())
}
