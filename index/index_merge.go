package index

import (
	"context"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// mergeAfter is how many records a repair indexes before it merges the
// index into one segment: a bulk build leaves a dozen, and a search walks
// each one's term dictionary and postings (at 100,000 drafts, merged, a
// mid-frequency word is found several times faster).
const mergeAfter = 1000

// merge merges the index's segments into one, waiting for it.
func (si *searchIndex) merge(ctx context.Context) error {
	adv, err := si.idx.Advanced()
	if err != nil {
		return err
	}
	if sc, ok := adv.(*scorch.Scorch); ok {
		return sc.ForceMerge(ctx, nil)
	}
	return nil
}
