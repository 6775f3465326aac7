package index

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/search/query"
)

// A phrase in a large share of the archive (政务公开, 信息公开: in most of its
// drafts) ranks nothing by relevance, and scoring, or sorting by date, every
// draft holding it costs a search tens of milliseconds. Such a search looks
// back from today over spans of dates that double until one holds enough
// hits, takes the first it finds there unscored (the index stops looking
// once it has them), and lists them newest first: recent drafts holding the
// phrase, not the very newest in order.

// frequentShare makes a query frequent when every word's rarest bigram is in
// more than one draft in frequentShare of the index, and in frequentMin at
// least.
const frequentShare = 8

// frequentMin is the fewest drafts a frequent word is in; a variable for
// tests, which set it low.
var frequentMin uint64 = 5000

// firstSpanDays is the first span of dates a frequent search looks at.
const firstSpanDays = 31

// newestSort lists hits by date, newest first, then by ID as a string, the
// greatest first. The ID is read from the version value (docVersion), whose
// order is the ID's own, since the space after it sorts before any digit: a
// doc value. Sorting by _id read every matching document's stored fields, all
// 100,000 drafts' for a search with no words, and left those pages mapped.
var newestSort = []string{"-date", "-version"}

// frequent says whether every one of words is frequent in the index, by its
// rarest bigram's count of drafts (the term dictionary's, no posting read).
func (s *searchIndex) frequent(ctx context.Context, words []string) bool {
	n, err := s.idx.DocCount()
	if err != nil {
		return false
	}
	adv, err := s.idx.Advanced()
	if err != nil {
		return false
	}
	r, err := adv.Reader()
	if err != nil {
		return false
	}
	defer r.Close()
	an := s.idx.Mapping().AnalyzerNamed(cjk.AnalyzerName)
	for _, w := range words {
		for _, tok := range an.Analyze([]byte(w)) {
			tfr, err := r.TermFieldReader(ctx, tok.Term, "content", false, false, false)
			if err != nil {
				return false
			}
			c := tfr.Count()
			tfr.Close()
			if c < frequentMin || c <= n/frequentShare {
				return false
			}
		}
	}
	return len(words) > 0
}

// newestHits returns limit hits of q whose text holds the words, from the
// shortest span of dates back from today (doubling) that holds so many,
// newest first.
func (s *searchIndex) newestHits(ctx context.Context, q query.Query, words []string, limit int, texts textsFunc) ([]Hit, error) {
	now := time.Now()
	for days := firstSpanDays; ; days *= 2 {
		from := now.AddDate(0, 0, -days)
		all := from.Year() < 1900
		span := q
		if !all {
			dr := bleve.NewDateRangeQuery(from, time.Time{})
			dr.SetField("date")
			span = bleve.NewConjunctionQuery(q, dr)
		}
		hits, err := s.phraseHits(ctx, span, words, limit, texts, false)
		if err != nil || len(hits) == limit || all {
			slices.SortStableFunc(hits, func(a, b Hit) int {
				if c := strings.Compare(b.Date, a.Date); c != 0 {
					return c
				}
				return cmp.Compare(b.ID, a.ID)
			})
			return hits, err
		}
	}
}
