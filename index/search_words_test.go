package index_test

import (
	"testing"

	"prepub/index"
	"prepub/review"
)

// TestSearchCharacterBesideDigits ensures a query whose Chinese characters
// stand alone beside digits or letters (第12号, 12号文件) or that is a single
// character finds the drafts holding it, though the index keeps such a
// character only inside its bigrams; and finds none that do not.
func TestSearchCharacterBesideDigits(t *testing.T) {
	a, _ := mustOpen(t)
	meta := index.ImportMeta{Attribute: review.Public, Department: "县政府办", Date: "2025-03-01"}
	one := mustImport(t, a, "one.txt", []byte("关于储备库第001号布局的通知\n县政办发〔2025〕12号文件\n各乡镇：现将有关事项通知如下。\n"), meta)
	two := mustImport(t, a, "two.txt", []byte("关于储备库第002号布局的通知\n县政办发〔2024〕7号文件\n"), meta)
	for q, want := range map[string][]int64{
		"第001号": {one}, "储备库第002号": {two}, "12号文件": {one}, "7号文件": {two}, "〔2025〕12号": {one},
		"号": {one, two}, "镇": {one}, "第003号": nil, "13号文件": nil, "乡 第001号": {one}, "乡 第002号": nil,
	} {
		hits, err := a.Search(ctx, index.Query{Text: q})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		got := map[int64]bool{}
		for _, h := range hits {
			got[h.ID] = true
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d hits, want %d", q, len(got), len(want))
		}
		for _, id := range want {
			if !got[id] {
				t.Errorf("%s: draft %d not found", q, id)
			}
		}
	}
}
