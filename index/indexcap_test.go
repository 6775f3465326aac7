package index_test

import (
	"strings"
	"testing"

	"prepub/index"
	"prepub/review"
)

// TestIndexedPrefix ensures a draft longer than MaxIndexedBytes is recorded
// whole and searchable by its first megabyte, while the search index does
// not analyse the rest.
func TestIndexedPrefix(t *testing.T) {
	a, _ := mustOpen(t)
	filler := strings.Repeat("各乡镇人民政府，县直有关单位：现将有关事项通知如下。\n", index.MaxIndexedBytes/60+1000)
	text := "关于鹭岛湿地保护的通知\n" + filler + "附件：鸥港码头清单\n"
	id := mustImport(t, a, "long.txt", []byte(text), index.ImportMeta{Attribute: review.Public})
	rec, err := a.Store.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rec.Text(), "鸥港码头") {
		t.Fatal("the store lost the end of the text")
	}
	for q, want := range map[string]int{"鹭岛湿地": 1, "鸥港码头": 0} {
		hits, err := a.Search(ctx, index.Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != want {
			t.Errorf("%s: %d hits, want %d", q, len(hits), want)
		}
	}
}
