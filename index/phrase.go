package index

import (
	"context"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// The index finds the drafts holding every bigram of a query's words, which
// is not quite the drafts holding the words: 政务 … 务公 … 公开 apart hold
// the bigrams of 政务公开. The index keeps no term positions (with no stored
// text either, it is 186 MB for 100,000 drafts, not 635), so the
// best-ranked hits are checked against their text, read from the store,
// which the snippets need anyway; more are asked for only when some fail,
// which is rare.

// textsFunc returns the text the index analysed of each of ids still stored,
// folded as it was indexed, by ID.
type textsFunc func(ctx context.Context, ids []int64) (map[int64]string, error)

// indexedTexts returns the text the index analysed of each of ids still
// stored, folded as it was indexed, by ID.
func (s *Store) indexedTexts(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	err := s.rowsByID(ctx, ids, func(r row) error {
		doc, _ := rowDoc(r, "")
		out[r.id] = doc.Content
		return nil
	})
	return out, err
}

// phraseHits returns the first limit hits of q whose text holds every one
// of words, each with its snippet: the best when scored, else the first the
// index finds (it stops looking once it has them).
func (s *searchIndex) phraseHits(ctx context.Context, q query.Query, words []string, limit int, texts textsFunc, scored bool) ([]Hit, error) {
	norm := make([]string, len(words))
	for i, w := range words {
		norm[i] = normalize(w)
	}
	var out []Hit
	for from := 0; ; from += limit {
		req := bleve.NewSearchRequestOptions(q, limit, from, false)
		req.Fields = hitFields
		if !scored {
			req.Score = bleve.ScoreNone
		}
		res, err := s.query(ctx, req)
		if err != nil {
			return nil, err
		}
		hits := hitsOf(res)
		ids := make([]int64, len(hits))
		for i, h := range hits {
			ids[i] = h.ID
		}
		text, err := texts(ctx, ids)
		if err != nil {
			return nil, err
		}
		for _, h := range hits {
			t, ok := text[h.ID]
			if !ok || !holdsAll(normalize(t), norm) {
				continue
			}
			h.Snippet = snippet(t, norm)
			if out = append(out, h); len(out) == limit {
				return out, nil
			}
		}
		if len(hits) < limit || scored && uint64(from+limit) >= res.Total {
			return out, nil
		}
	}
}

// normalize keeps what the index's analysis reads of s, letters and
// digits, in lower case: 政务公开 matches 政务\n公开 as the index does.
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if kept(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// kept says whether the index's analysis reads the rune.
func kept(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// holdsAll says whether the normalised text holds every normalised word.
func holdsAll(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}
