package ui

import (
	"io/fs"
	"slices"
	"testing"
)

// TestHelpPages ensures the same help pages, one per screen, are there in Chinese and in English.
func TestHelpPages(t *testing.T) {
	want := []string{"accounts", "batch", "catalogue", "clerk-mine", "clerk", "legal", "mine", "report", "rereview",
		"search", "secrecy", "settings", "signoff"}
	for _, lang := range []string{Chinese, English} {
		names, err := fs.Glob(helpPages, "help/"+lang+"/*.md")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, n := range names {
			got = append(got, n[len("help/"+lang+"/"):len(n)-len(".md")])
		}
		if !slices.Equal(got, want) {
			t.Errorf("help/%s: %v, want %v", lang, got, want)
		}
	}
}
