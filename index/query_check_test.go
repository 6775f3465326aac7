package index_test

import (
	"testing"
	"time"

	"prepub/index"
	"prepub/review"
)

// TestQueryCheck ensures the archive refuses, for every backend, a search no
// one can mean, and still answers one whose range is a single day.
func TestQueryCheck(t *testing.T) {
	a, _ := mustOpen(t)
	day := time.Date(2025, 3, 1, 0, 0, 0, 0, time.Local)
	for name, q := range map[string]index.Query{
		"range backwards": {From: day, To: day.AddDate(0, 0, -1)},
		"attribute":       {Attribute: "secret"},
		"basis":           {Basis: "no-such-basis"},
		"state":           {State: "decided-maybe"},
		"limit":           {Limit: -1},
	} {
		if _, err := a.Search(ctx, q); review.ErrorCode(err) != review.ErrInvalid || review.ErrorMessage(err) == "" {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := a.Search(ctx, index.Query{From: day, To: day, State: string(review.StateSecrecyReview), Attribute: "withheld", Basis: "state-secret"}); err != nil {
		t.Errorf("a one-day range with valid filters: %v", err)
	}
}
