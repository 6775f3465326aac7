package ui

import (
	"os"
	"testing"
)

// TestMain registers the translations with Chinese selected, whatever the
// locale the tests run under, as the tests read the Chinese UI strings.
func TestMain(m *testing.M) {
	SetupLanguage(Chinese)
	os.Exit(m.Run())
}
