package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"prepub/review"
	"prepub/review/scan"
)

// searchVersion changes whenever the mapping or the indexed fields change;
// an index of another version is rebuilt from the store.
const searchVersion = "6"

// MaxHits is the most hits one search returns, whatever limit it asks for.
const MaxHits = 500

// searchDoc is what the search index holds of a record. Its content (title,
// reason, findings and text, one field so a query walks one posting list per
// term) is folded (Traditional → Simplified, full-width → half-width) so
// Simplified and Traditional queries find the same drafts.
type searchDoc struct {
	Title      string    `json:"title"`
	Content    string    `json:"content"`
	Attribute  string    `json:"attribute"`
	Basis      string    `json:"basis"`
	State      string    `json:"state"`
	Open       string    `json:"open"` // "yes" while the draft is under review or returned: rare, so cheap to exclude
	Department string    `json:"department"`
	Date       time.Time `json:"date"`
	File       string    `json:"file"`
	// Version is the record's ID and the content hash of the stored row the
	// document was made from (the hash its last audit entry holds), as
	// docVersion writes them: Open compares it with the store's to find,
	// record by record, what the index lacks, reading doc values only.
	Version string `json:"version"`
	// Unindexable says why the record's text is not in the index (its row
	// could not be read): it is kept as such, not tried at every start.
	Unindexable string `json:"unindexable,omitempty"`
}

// MaxIndexedBytes is how much of a record's content (title, reason, findings,
// then its text) the search index analyses: CJK bigram analysis costs about a
// hundred times the text in memory, so a draft's first megabyte (some 350,000
// characters, far beyond any ordinary draft) is searchable and the rest is kept
// in the store only.
const MaxIndexedBytes = 1 << 20

func docOf(r *Record) searchDoc {
	var c strings.Builder
	add := func(s string) {
		if room := MaxIndexedBytes - c.Len(); len(s) > room {
			s = strings.ToValidUTF8(s[:max(room, 0)], "")
		}
		c.WriteString(s)
	}
	add(r.Title)
	add("\n")
	if r.Reason != "" {
		add(r.Reason)
		add("\n")
	}
	for _, f := range r.Findings {
		add(f.Normalized)
		add(" ")
	}
	add("\n")
	for _, p := range r.Parts {
		add(p.Text)
		add("\n")
	}
	return searchDoc{
		Title: r.Title, Content: scan.Fold(c.String()),
		Attribute: string(r.Attribute), Basis: r.Basis, State: string(r.State), Open: openFlag(r.State), Department: r.Department,
		Date: r.Date(), File: r.File, Version: docVersion(r.ID, r.version),
	}
}

func openFlag(s review.State) string {
	if s.Decided() {
		return "no"
	}
	return "yes"
}

// Date returns the record's issue date, or the day it was decided.
func (r *Record) Date() time.Time {
	if t, err := time.ParseInLocation("2006-01-02", r.IssueDate, time.Local); err == nil {
		return t
	}
	return r.DecidedAt
}

func newMapping() mapping.IndexMapping {
	// The content is indexed only: neither stored, nor with term vectors, nor
	// as doc values. The phrase check and the snippets read the top hits'
	// text from the store (phrase.go), so the index is under a third of the
	// size and a search or the check at open maps far fewer pages.
	content := bleve.NewTextFieldMapping()
	content.Analyzer = cjk.AnalyzerName
	content.Store = false
	content.IncludeTermVectors = false
	content.DocValues = false
	content.IncludeInAll = false
	stored := bleve.NewTextFieldMapping()
	stored.Index = false
	stored.IncludeInAll = false
	kw := bleve.NewKeywordFieldMapping()
	kw.Analyzer = keyword.Name
	kw.IncludeInAll = false
	doc := bleve.NewDocumentMapping()
	doc.AddFieldMappingsAt("content", content)
	doc.AddFieldMappingsAt("title", stored)
	for _, f := range []string{"attribute", "basis", "state", "open", "department", "file", "version", "unindexable"} {
		doc.AddFieldMappingsAt(f, kw)
	}
	date := bleve.NewDateTimeFieldMapping()
	date.IncludeInAll = false
	doc.AddFieldMappingsAt("date", date)
	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = cjk.AnalyzerName
	return m
}

// searchIndex wraps the bleve index behind the archive's own methods.
type searchIndex struct {
	idx bleve.Index
	dir string
}

// openSearch opens the index in dir, or creates it when missing, of another
// version, or unreadable. fresh reports that it must be filled from the store.
func openSearch(dir string) (s *searchIndex, fresh bool, err error) {
	version, _ := os.ReadFile(filepath.Join(dir, "prepub-version"))
	if string(version) == searchVersion {
		if idx, err := bleve.Open(dir); err == nil {
			return &searchIndex{idx: idx, dir: dir}, false, nil
		}
	}
	if err := os.RemoveAll(dir); err != nil {
		return nil, false, err
	}
	idx, err := bleve.New(dir, newMapping())
	if err != nil {
		return nil, false, err
	}
	if err := os.WriteFile(filepath.Join(dir, "prepub-version"), []byte(searchVersion), 0o644); err != nil {
		idx.Close()
		return nil, false, err
	}
	return &searchIndex{idx: idx, dir: dir}, true, nil
}

func (s *searchIndex) close() error { return s.idx.Close() }

// Query is a search of the archive.
type Query struct {
	Text       string // words to find, Simplified or Traditional; empty lists by filters alone
	Attribute  string // filters; empty means any
	Basis      string
	State      string // empty: decided records only
	Department string
	From, To   time.Time // date range, inclusive; zero means open
	Limit      int       // default 20, at most MaxHits
}

// Hit is one search result, best first.
type Hit struct {
	ID        int64   `json:"id"`
	Title     string  `json:"title"`
	File      string  `json:"file"`
	Attribute string  `json:"attribute"`
	Basis     string  `json:"basis"`
	Date      string  `json:"date"`
	Score     float64 `json:"score"`
	Snippet   string  `json:"snippet"`
}

// hitFields are the stored fields a hit shows.
var hitFields = []string{"title", "file", "attribute", "basis", "date"}

// search runs q. A query with words ranks the drafts holding all their
// bigrams, then keeps those whose text, read by texts, holds each word as
// written (phrase.go); words in a large share of the archive list the
// newest such drafts first (frequent.go).
func (s *searchIndex) search(ctx context.Context, q Query, texts textsFunc) ([]Hit, error) {
	words := strings.Fields(scan.Fold(q.Text))
	var must []query.Query
	for _, w := range words {
		m := bleve.NewMatchQuery(w)
		m.SetField("content")
		m.SetOperator(query.MatchQueryOperatorAnd)
		must = append(must, m)
	}
	for field, v := range map[string]string{"attribute": q.Attribute, "basis": q.Basis, "state": q.State, "department": q.Department} {
		if v != "" {
			t := bleve.NewTermQuery(v)
			t.SetField(field)
			must = append(must, t)
		}
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		var from, to time.Time
		if !q.From.IsZero() {
			from = q.From
		}
		if !q.To.IsZero() {
			to = q.To.AddDate(0, 0, 1)
		}
		inc := true
		excl := false
		dr := bleve.NewDateRangeInclusiveQuery(from, to, &inc, &excl)
		dr.SetField("date")
		must = append(must, dr)
	}
	if len(must) == 0 {
		must = append(must, bleve.NewMatchAllQuery())
	}
	var qq query.Query = bleve.NewConjunctionQuery(must...)
	if q.State == "" {
		qq = withoutOpen(qq) // the archive is of decisions; drafts under review only when asked for by state
	}
	limit := min(q.Limit, MaxHits)
	if limit <= 0 {
		limit = 20
	}
	switch {
	case len(words) > 0 && s.frequent(ctx, words):
		return s.newestHits(ctx, qq, words, limit, texts)
	case len(words) > 0:
		return s.phraseHits(ctx, qq, words, limit, texts, true)
	}
	req := bleve.NewSearchRequestOptions(qq, limit, 0, false)
	req.Fields = hitFields
	req.SortBy(newestSort)
	res, err := s.query(ctx, req)
	if err != nil {
		return nil, err
	}
	return hitsOf(res), nil
}

// query runs a search request, telling a search cut short from a failure.
func (s *searchIndex) query(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	res, err := s.idx.SearchInContext(ctx, req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
			return nil, err
		}
		return nil, storeErr("检索失败", err)
	}
	return res, nil
}

// similarRunes is how much of a draft's text the similarity query uses.
const similarRunes = 600

// similar finds decided records sharing the most weighted bigrams with text.
func (s *searchIndex) similar(ctx context.Context, text string, n int) ([]Hit, error) {
	rs := []rune(strings.Join(strings.Fields(text), ""))
	if len(rs) > similarRunes {
		rs = rs[:similarRunes]
	}
	if len(rs) < 2 {
		return nil, nil
	}
	like := bleve.NewMatchQuery(string(rs))
	like.SetField("content")
	req := bleve.NewSearchRequestOptions(withoutOpen(like), n, 0, false)
	req.Fields = hitFields
	res, err := s.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, storeErr("查找相似决定失败", err)
	}
	return hitsOf(res), nil
}

// withoutOpen leaves drafts still under review or returned out of q's results.
func withoutOpen(q query.Query) query.Query {
	open := bleve.NewTermQuery("yes")
	open.SetField("open")
	b := bleve.NewBooleanQuery()
	b.AddMust(q)
	b.AddMustNot(open)
	return b
}

// hitsOf turns bleve's results into hits with their stored fields.
func hitsOf(res *bleve.SearchResult) []Hit {
	hits := make([]Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		var id int64
		fmt.Sscan(h.ID, &id)
		hit := Hit{ID: id, Score: h.Score}
		hit.Title, _ = h.Fields["title"].(string)
		hit.File, _ = h.Fields["file"].(string)
		hit.Attribute, _ = h.Fields["attribute"].(string)
		hit.Basis, _ = h.Fields["basis"].(string)
		if d, ok := h.Fields["date"].(string); ok {
			if t, err := time.Parse(time.RFC3339, d); err == nil {
				hit.Date = t.In(time.Local).Format("2006-01-02")
			}
		}
		hits = append(hits, hit)
	}
	return hits
}
