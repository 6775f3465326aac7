package index_test

import (
	"context"
	"testing"
	"time"

	"prepub/index"
	"prepub/review"
)

// TestFilter ensures each field of a store filter keeps exactly the drafts it
// names, and that a name with LIKE's wildcards in it is matched as written.
func TestFilter(t *testing.T) { eachBackend(t, testFilter) }

func testFilter(t *testing.T, a *index.Archive) {
	ctx := context.Background()
	day := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	put := func(title, drafter string, st review.State, decided time.Time) int64 {
		rec := &index.Record{Title: title, Drafter: drafter, State: st, DecidedAt: decided,
			Decision: review.Decision{Title: title}}
		id, err := a.Store.Put(ctx, rec, []byte(title), drafter, "test")
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	pub := put("公开", "张三", review.StatePublished, day)
	held := put("不予%公开", "李%四", review.StateWithheldFinal, day.AddDate(0, 1, 0))
	open := put("待审", "张三", review.StateSecrecyReview, time.Time{})
	ids := func(f index.Filter) []int64 {
		var out []int64
		if err := a.Store.Each(ctx, f, func(r *index.Record) error { out = append(out, r.ID); return nil }); err != nil {
			t.Fatal(err)
		}
		return out
	}
	for name, c := range map[string]struct {
		f    index.Filter
		want []int64
	}{
		"all":            {index.Filter{}, []int64{pub, held, open}},
		"id":             {index.Filter{ID: held}, []int64{held}},
		"states":         {index.Filter{States: []review.State{review.StatePublished, review.StateSecrecyReview}}, []int64{pub, open}},
		"drafter":        {index.Filter{Drafter: "张三"}, []int64{pub, open}},
		"wildcard name":  {index.Filter{Drafter: "李_四"}, nil},
		"decided before": {index.Filter{DecidedBefore: day.AddDate(0, 0, 1)}, []int64{pub}},
		"decided from":   {index.Filter{DecidedFrom: day.AddDate(0, 0, 1)}, []int64{held}},
		"body":           {index.Filter{BodyContains: `不予%公开`}, []int64{held}},
		"body wildcard":  {index.Filter{BodyContains: `不予_公开`}, nil},
		"both":           {index.Filter{Drafter: "张三", States: []review.State{review.StatePublished}}, []int64{pub}},
	} {
		got := ids(c.f)
		if len(got) != len(c.want) {
			t.Errorf("%s: got %v, want %v", name, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: got %v, want %v", name, got, c.want)
				break
			}
		}
	}
}
