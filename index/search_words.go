package index

import (
	"regexp"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
)

// wordQuery finds the drafts whose content holds every term the index keeps
// of word w (the terms an analyzes it into). A Chinese character standing
// alone in the query, beside letters or digits (第 and 号 in 第12号), is
// indexed alone only where it stands alone in a text too; in 第12号文件 it is
// in the bigram 号文 only. So such a term is left out when the word has
// others, and the phrase check (phrase.go) still holds every hit to the
// whole word. A word that is a single character finds the terms that begin
// or end with it.
func wordQuery(an analysis.Analyzer, w string) query.Query {
	var terms, lone []string
	for _, tok := range an.Analyze([]byte(w)) {
		if tok.Type == analysis.Single {
			lone = append(lone, string(tok.Term))
		} else {
			terms = append(terms, string(tok.Term))
		}
	}
	var must []query.Query
	for _, t := range terms {
		must = append(must, contentQuery(bleve.NewTermQuery(t)))
	}
	if len(must) == 0 {
		for _, c := range lone {
			must = append(must, bleve.NewDisjunctionQuery(
				contentQuery(bleve.NewTermQuery(c)),
				contentQuery(bleve.NewPrefixQuery(c)),
				contentQuery(bleve.NewRegexpQuery("."+regexp.QuoteMeta(c)))))
		}
	}
	if len(must) == 0 {
		return bleve.NewMatchNoneQuery() // nothing the index reads: punctuation alone
	}
	return bleve.NewConjunctionQuery(must...)
}

// contentQuery sets q to the drafts' text field and returns it.
func contentQuery[Q interface {
	query.Query
	SetField(string)
}](q Q) query.Query {
	q.SetField("content")
	return q
}
