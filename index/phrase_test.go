package index_test

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"prepub/index"
	"prepub/review"
	"prepub/review/extract"
)

// normalized keeps letters and digits, in lower case: what a search compares.
func normalized(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// TestSearchHoldsPhrase ensures every hit's text holds the words searched
// for, not only their bigrams, and that a phrase's hits are exactly the
// drafts a scan of the store finds holding it, whether ranked or, words in
// a large share of the archive, newest first.
func TestSearchHoldsPhrase(t *testing.T) {
	a, _ := mustOpen(t)
	pieces := []string{
		"推进政务公开工作。", "政务服务与务公开之外，公开栏更新。", "信息公开指南已修订。", "政府信息依申请公开办理。",
		"保密审查在发布前进行。", "加强国家秘密管理。", "召开工作推进会部署考核。", "网站栏目调整。",
		"政策解读材料同步发布。", "监督检查发现问题。", "办事公开目录更新。", "法制办审核意见。",
	}
	rng := rand.New(rand.NewSource(7))
	var recs []*index.Record
	for i := 0; i < 300; i++ {
		var b strings.Builder
		for k := 0; k < 2+rng.Intn(4); k++ {
			b.WriteString(pieces[rng.Intn(len(pieces))])
			b.WriteString("\n")
		}
		recs = append(recs, publishedNotice(i, time.Date(2025, 1, 1+i%28, 10, 0, 0, 0, time.Local), b.String()))
	}
	if err := a.PutMany(ctx, recs, nil, "政务公开办", "import"); err != nil {
		t.Fatal(err)
	}
	for _, frequent := range []bool{false, true} {
		if frequent {
			defer index.SetFrequentMin(1)()
		}
		checkPhrases(t, a, frequent)
	}
}

// checkPhrases compares the hits of some phrases with a scan of the store.
func checkPhrases(t *testing.T, a *index.Archive, newest bool) {
	for _, q := range []string{"政务公开", "务公开", "信息公开", "工作推进会", "国家秘密", "公开 审查"} {
		hits, err := a.Search(ctx, index.Query{Text: q, Limit: index.MaxHits})
		if err != nil {
			t.Fatal(err)
		}
		var got, want []int64
		for i, h := range hits {
			got = append(got, h.ID)
			if !strings.Contains(h.Snippet, "【") {
				t.Errorf("%s: hit %d has no marked snippet: %q", q, h.ID, h.Snippet)
			}
			if newest && i > 0 && h.Date > hits[i-1].Date {
				t.Errorf("%s: hit %d dated %s after one dated %s", q, h.ID, h.Date, hits[i-1].Date)
			}
		}
		err = a.Store.Each(ctx, index.Filter{}, func(r *index.Record) error {
			text := normalized(r.Title + r.Text())
			for _, w := range strings.Fields(q) {
				if !strings.Contains(text, normalized(w)) {
					return nil
				}
			}
			want = append(want, r.ID)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s (newest first %v): %d hits, a scan of the store finds %d", q, newest, len(got), len(want))
		}
	}
}

// publishedNotice is the i-th notice of a test archive, decided public on d, with text as its body.
func publishedNotice(i int, d time.Time, text string) *index.Record {
	return &index.Record{
		Title: fmt.Sprintf("第%d号通知", i), File: fmt.Sprintf("%05d.txt", i), Attribute: review.Public, State: review.StatePublished,
		IssueDate: d.Format("2006-01-02"), DecidedAt: d, Decision: review.Decision{Attribute: review.Public},
		Parts: []extract.Part{{Kind: extract.Body, Name: "正文", Text: text}},
	}
}
