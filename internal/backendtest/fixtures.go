package backendtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"prepub/internal/docxfixture"
)

// The drafts are the project's real corpus texts (../shared/corpus beside
// the repository), read where they are, some as submitted .txt files and some
// laid into .docx files by docxfixture.

// corpusDir finds the shared corpus folder above the working directory.
func corpusDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		c := filepath.Join(dir, "shared", "corpus")
		if _, err := os.Stat(filepath.Join(c, "xuyi-news.txt")); err == nil {
			return c
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Skip("no shared corpus (shared/corpus) above the repository")
		}
		dir = up
	}
}

// corpusText returns one corpus file as it is.
func corpusText(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corpusDir(t), name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// corpusDocx lays a corpus file's first paragraphs into a .docx, with header lines when given.
func corpusDocx(t *testing.T, name string, paragraphs int, header ...string) []byte {
	t.Helper()
	var body []string
	for _, p := range strings.Split(string(corpusText(t, name)), "\n") {
		if p = strings.TrimSpace(p); p != "" && len(body) < paragraphs {
			body = append(body, p)
		}
	}
	return docxfixture.Doc{Body: body, Header: header}.Build()
}
