// Command analyzers compares Chinese analyzers for bleve on the shared corpus:
// the built-in CJK bigram analyzer, the standard analyzer, and gse word
// segmentation. It prints a markdown table of relevance, size and speed.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/go-ego/gse"

	"prepub/review/scan"
)

// queries are phrases a disclosure office would search for.
var queries = []string{
	"政务公开", "信息公开", "依申请公开", "保密审查", "国家秘密",
	"政府信息", "主动公开", "公开属性", "法制办", "考核",
	"网站", "政策解读", "涉密", "办事公开", "监督检查",
}

// doc is one indexed paragraph or chunk.
type doc struct {
	Text string `json:"text"`
}

// result is what one analyzer scored.
type result struct {
	name              string
	build, latency    time.Duration
	sizeKB            int64
	precision, recall float64
	falseHits         int
	missed            int // phrase docs not matched at all
	matches           uint64
	perQuery          []string // "relevant/returned" per query
}

func main() {
	dir := flag.String("corpus", "../../../shared/corpus", "folder of *.txt corpus files")
	repeat := flag.Int("repeat", 1, "index the corpus this many times")
	runs := flag.Int("runs", 50, "times each query is run for latency")
	flag.Parse()

	docs, err := loadDocs(*dir)
	if err != nil {
		log.Fatal(err)
	}
	start := time.Now()
	seg, err := gse.NewEmbed("zh_s")
	if err != nil {
		log.Fatal(err)
	}
	dictLoad := time.Since(start)
	gse.ToLower = false // keep byte offsets; bleve's lowercase filter folds case
	registerGse(&seg)

	var all []doc
	for range *repeat {
		all = append(all, docs...)
	}
	text := 0
	for _, d := range all {
		text += len(d.Text)
	}
	fmt.Printf("%d documents (%d distinct × %d, %d KB of text), %d queries, %d runs each; gse dictionary load %v\n\n",
		len(all), len(docs), *repeat, text/1024, len(queries), *runs, dictLoad.Round(time.Millisecond))
	if _, err := measure(cjk.AnalyzerName, docs[:10], 1); err != nil { // warm up
		log.Fatal(err)
	}
	var results []result
	fmt.Println("| analyzer | mean P@10 | mean recall@10 | false hits in top 10 | all matches / phrase docs | phrase docs not matched | index KB | build | mean query |")
	fmt.Println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
	for _, name := range []string{cjk.AnalyzerName, standard.Name, gseAnalyzer} {
		r, err := measure(name, all, *runs)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("| %s | %.3f | %.3f | %d | %d / %d | %d | %d | %v | %v |\n", r.name, r.precision, r.recall,
			r.falseHits, r.matches, phraseDocs(all), r.missed, r.sizeKB, r.build.Round(time.Millisecond), r.latency.Round(time.Microsecond))
		results = append(results, r)
	}
	fmt.Print("\nRelevant/returned in the top 10, per query:\n\n")
	fmt.Println("| query | docs with phrase | cjk | standard | gse |\n| --- | --- | --- | --- | --- |")
	for i, q := range queries {
		fmt.Printf("| %s | %d | %s | %s | %s |\n", q, countPhrase(all, q), results[0].perQuery[i], results[1].perQuery[i], results[2].perQuery[i])
	}
	fmt.Println()
	showTokens("依申请公开的政府信息由法制办进行保密审查")
}

// loadDocs reads the corpus, keeps lines over 20 runes, folds them to
// Simplified and cuts long lines into chunks of about 100–300 runes.
func loadDocs(dir string) ([]doc, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no corpus in %s: %v", dir, err)
	}
	var docs []doc
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for line := range strings.Lines(string(data)) {
			line = strings.TrimSpace(scan.Fold(line))
			for _, c := range chunks(line) {
				if utf8.RuneCountInString(c) > 20 {
					docs = append(docs, doc{Text: c})
				}
			}
		}
	}
	return docs, nil
}

// chunks splits a line longer than 300 runes at sentence ends into pieces of
// about 100–300 runes; shorter lines are returned whole.
func chunks(line string) []string {
	if utf8.RuneCountInString(line) <= 300 {
		return []string{line}
	}
	var out []string
	var cur strings.Builder
	n := 0 // runes in cur
	for _, r := range line {
		cur.WriteRune(r)
		n++
		if n >= 100 && strings.ContainsRune("。.！？；!?;", r) {
			out = append(out, cur.String())
			cur.Reset()
			n = 0
		}
	}
	if n > 0 {
		if n < 50 && len(out) > 0 {
			out[len(out)-1] += cur.String()
		} else {
			out = append(out, cur.String())
		}
	}
	return out
}

// measure indexes docs with the named analyzer and runs the queries. The docs
// go in one batch, so the index is one segment and its size does not depend
// on how far scorch's background merging got.
func measure(name string, docs []doc, runs int) (result, error) {
	r := result{name: name}
	dir, err := os.MkdirTemp("", "bench-"+name)
	if err != nil {
		return r, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "idx")

	start := time.Now()
	idx, err := bleve.New(path, newMapping(name))
	if err != nil {
		return r, err
	}
	b := idx.NewBatch()
	for i, d := range docs {
		if err := b.Index(strconv.Itoa(i), d); err != nil {
			return r, err
		}
	}
	if err := idx.Batch(b); err != nil {
		return r, err
	}
	if err := idx.Close(); err != nil {
		return r, err
	}
	r.build = time.Since(start)
	r.sizeKB = dirSize(path) / 1024

	idx, err = bleve.Open(path)
	if err != nil {
		return r, err
	}
	defer idx.Close()
	var answered int
	var elapsed time.Duration
	for _, q := range queries {
		req := bleve.NewSearchRequestOptions(matchQuery(q), 10, 0, false)
		start := time.Now()
		var res *bleve.SearchResult
		for range runs {
			if res, err = idx.Search(req); err != nil {
				return r, err
			}
		}
		elapsed += time.Since(start)
		r.matches += res.Total
		all, err := idx.Search(bleve.NewSearchRequestOptions(matchQuery(q), len(docs), 0, false))
		if err != nil {
			return r, err
		}
		relevant, want := countRelevant(res.Hits, docs, q), countPhrase(docs, q)
		r.missed += want - countRelevant(all.Hits, docs, q)
		r.falseHits += len(res.Hits) - relevant
		r.perQuery = append(r.perQuery, fmt.Sprintf("%d/%d", relevant, len(res.Hits)))
		if len(res.Hits) > 0 {
			r.precision += float64(relevant) / float64(len(res.Hits))
			answered++
		}
		r.recall += float64(relevant) / float64(max(1, min(10, want)))
	}
	if answered > 0 {
		r.precision /= float64(answered)
	}
	r.recall /= float64(len(queries))
	r.latency = elapsed / time.Duration(len(queries)*runs)
	return r, nil
}

// countRelevant counts the hits whose text contains q.
func countRelevant(hits search.DocumentMatchCollection, docs []doc, q string) int {
	n := 0
	for _, h := range hits {
		if i, _ := strconv.Atoi(h.ID); strings.Contains(docs[i].Text, q) {
			n++
		}
	}
	return n
}

// matchQuery finds docs whose text field has every token of q.
func matchQuery(q string) query.Query {
	m := bleve.NewMatchQuery(scan.Fold(q))
	m.SetField("text")
	m.SetOperator(query.MatchQueryOperatorAnd)
	return m
}

// newMapping indexes the text field as the archive does (stored, with term
// vectors for highlighting), with the named analyzer and no _all field.
func newMapping(analyzer string) mapping.IndexMapping {
	m := bleve.NewIndexMapping()
	if analyzer == gseAnalyzer {
		err := m.AddCustomAnalyzer(gseAnalyzer, map[string]any{
			"type":          custom.Name,
			"tokenizer":     gseAnalyzer,
			"token_filters": []string{lowercase.Name},
		})
		if err != nil {
			log.Fatal(err)
		}
	}
	f := bleve.NewTextFieldMapping()
	f.Analyzer = analyzer
	f.Store = true
	f.IncludeTermVectors = true
	f.IncludeInAll = false
	d := bleve.NewDocumentMapping()
	d.AddFieldMappingsAt("text", f)
	m.DefaultMapping = d
	m.DefaultAnalyzer = analyzer
	return m
}

// phraseDocs counts docs containing each query phrase, summed over queries.
func phraseDocs(docs []doc) int {
	n := 0
	for _, q := range queries {
		n += countPhrase(docs, q)
	}
	return n
}

// countPhrase counts docs whose text contains q verbatim.
func countPhrase(docs []doc, q string) int {
	n := 0
	for _, d := range docs {
		if strings.Contains(d.Text, q) {
			n++
		}
	}
	return n
}

// dirSize is the total size of the files under dir.
func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			if info, err := e.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

// showTokens prints how each analyzer splits s.
func showTokens(s string) {
	fmt.Printf("Tokens (term@position[start:end]) of %q:\n\n", s)
	for _, name := range []string{cjk.AnalyzerName, standard.Name, gseAnalyzer} {
		var terms []string
		for _, t := range newMapping(name).AnalyzerNamed(name).Analyze([]byte(s)) {
			terms = append(terms, fmt.Sprintf("%s@%d[%d:%d]", t.Term, t.Position, t.Start, t.End))
		}
		fmt.Printf("- %s: %s\n", name, strings.Join(terms, " "))
	}
}

// gseAnalyzer names both the gse tokenizer and the analyzer built on it.
const gseAnalyzer = "gse"

// registerGse registers a bleve tokenizer that segments with seg.
func registerGse(seg *gse.Segmenter) {
	err := registry.RegisterTokenizer(gseAnalyzer, func(map[string]any, *registry.Cache) (analysis.Tokenizer, error) {
		return gseTokenizer{seg}, nil
	})
	if err != nil {
		log.Fatal(err)
	}
}

// gseTokenizer emits gse's search-mode words with their byte offsets: each
// word of the accurate (DAG + HMM) cut, preceded by its 2- and 3-rune
// sub-words found in the dictionary, which share the word's position.
type gseTokenizer struct{ seg *gse.Segmenter }

// Tokenize implements analysis.Tokenizer.
func (t gseTokenizer) Tokenize(input []byte) analysis.TokenStream {
	s := string(input)
	var ts analysis.TokenStream
	off, pos := 0, 0
	for _, w := range t.seg.Cut(s, true) {
		i := strings.Index(s[off:], w)
		if i < 0 {
			continue // cannot happen: the cut keeps every byte
		}
		start := off + i
		off = start + len(w)
		if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue
		}
		pos++
		runes := []rune(w)
		for _, n := range []int{2, 3} {
			b := start
			for i := 0; n < len(runes) && i+n <= len(runes); i++ {
				g := string(runes[i : i+n])
				if f, _, ok := t.seg.Find(g); ok && f > 0 {
					ts = append(ts, token(g, b, pos))
				}
				b += utf8.RuneLen(runes[i])
			}
		}
		ts = append(ts, token(w, start, pos))
	}
	return ts
}

// token makes a bleve token for term at byte offset start.
func token(term string, start, pos int) *analysis.Token {
	typ := analysis.AlphaNumeric
	if strings.ContainsFunc(term, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		typ = analysis.Ideographic
	}
	return &analysis.Token{Term: []byte(term), Start: start, End: start + len(term), Position: pos, Type: typ}
}
