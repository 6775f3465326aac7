package main

import (
	"strings"
	"sync"
	"testing"

	"github.com/go-ego/gse"
)

var segOnce = sync.OnceValue(func() *gse.Segmenter {
	seg, err := gse.NewEmbed("zh_s")
	if err != nil {
		panic(err)
	}
	gse.ToLower = false
	return &seg
})

// TestGseOffsets checks that every gse token's bytes are its term and that
// the accurate cut covers each corpus document byte for byte.
func TestGseOffsets(t *testing.T) {
	docs, err := loadDocs("../../../shared/corpus")
	if err != nil {
		t.Skip(err)
	}
	tok := gseTokenizer{segOnce()}
	for _, d := range docs {
		if got := strings.Join(tok.seg.Cut(d.Text, true), ""); got != d.Text {
			t.Fatalf("cut loses bytes:\n%s\n%s", d.Text, got)
		}
		for _, k := range tok.Tokenize([]byte(d.Text)) {
			if d.Text[k.Start:k.End] != string(k.Term) {
				t.Fatalf("token %q at [%d:%d] is %q", k.Term, k.Start, k.End, d.Text[k.Start:k.End])
			}
		}
	}
}

// TestChunks checks that long lines are cut at sentence ends into pieces that
// together are the line.
func TestChunks(t *testing.T) {
	line := strings.Repeat("政务公开工作要加强.", 60)
	cs := chunks(line)
	if len(cs) < 2 || strings.Join(cs, "") != line {
		t.Fatalf("chunks: %d pieces", len(cs))
	}
	for _, c := range cs {
		if !strings.HasSuffix(c, ".") {
			t.Fatalf("piece not cut at a sentence end: %q", c)
		}
	}
}
