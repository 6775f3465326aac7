package index_test

import (
	"fmt"
	"sync"
	"testing"

	"prepub/index"
	"prepub/review"
)

// TestIndexWritesTogether ensures that records written at once by many
// writers, indexed together, are each found by a search as soon as their
// write returns, and that the index then agrees with the store record by
// record.
func TestIndexWritesTogether(t *testing.T) {
	a, _ := mustOpen(t)
	sc := scanner(t)
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for w := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			digits := []rune("零一二三四五六七八九")
			word := "储备库第" + string(digits[w/10]) + "十" + string(digits[w%10]) + "号" // one word a writer
			text := "关于" + word + "布局的通知\n各乡镇：现将有关事项通知如下。\n"
			id, status, err := a.Import(ctx, sc, fmt.Sprintf("%d.txt", w), []byte(text),
				index.ImportMeta{Attribute: review.Public, Department: "县政府办", Date: "2025-03-01", Actor: "政务公开办"})
			if err != nil || status != index.Added {
				errs <- fmt.Errorf("import %d: %s %v", w, status, err)
				return
			}
			hits, err := a.Search(ctx, index.Query{Text: word})
			if err != nil || len(hits) != 1 || hits[0].ID != id {
				errs <- fmt.Errorf("%s just written: %v %v", word, hits, err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err := index.IndexAgrees(a); err != nil {
		t.Error(err)
	}
}
