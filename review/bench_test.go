package review_test

import (
	"testing"

	"prepub/review"
)

// BenchmarkCheck measures checking a decision and routing it, as the clerk's form does on every keystroke.
func BenchmarkCheck(b *testing.B) {
	rules := review.DefaultRules()
	d := draftOf(b, "机密★1年\n"+plain+corpusText(b, "xuyi-news.txt"))
	dec := review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: "载明储备库位置和数量，经定密属于国家秘密事项"}
	b.ResetTimer()
	for range b.N {
		if o := rules.Check(d, dec); o.Result != review.Routed {
			b.Fatal(o.Returns)
		}
	}
}

// BenchmarkParseRules measures reading and validating the rules file, every kind of draft included.
func BenchmarkParseRules(b *testing.B) {
	for range b.N {
		if _, err := review.ParseRules("rules.toml", defaultRulesText()); err != nil {
			b.Fatal(err)
		}
	}
}
