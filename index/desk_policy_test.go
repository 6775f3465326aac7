package index_test

import (
	"testing"
	"time"

	"prepub/index"
	"prepub/review"
)

// TestDeskPolicy ensures a desk with an office policy in force scans with the
// office's keyword file, and each draft keeps the version it was scanned with,
// covered by the audit chain.
func TestDeskPolicy(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		d := desk(t, a)
		kw := review.PolicyFile{Name: "/etc/prepub/keywords.toml", Text: "[[class]]\ncategory = \"secrecy-term\"\nseverity = \"high\"\nterms = [\"青松工程\"]\n"}
		p, err := review.NewPolicy(review.PolicyFile{Name: review.DefaultRulesSource, Text: string(review.DefaultRules().Raw)},
			review.BuiltinKeywords(), []review.PolicyFile{kw}, nil, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		text := []byte("关于青松工程进度的通报\n")
		before, err := d.Submit(ctx, clerk, "", "a.txt", text, review.Decision{Attribute: review.Public})
		if err != nil || len(before.Findings) != 0 || before.PolicyVersion != "" {
			t.Fatalf("without the office policy: %v %+v", err, before)
		}
		d.UsePolicy(p)
		rec, err := d.Submit(ctx, clerk, "", "b.txt", text, review.Decision{Attribute: review.Public})
		if err != nil || len(rec.Findings) != 1 || rec.Findings[0].Text != "青松工程" || rec.State != review.StateSecrecyReview {
			t.Fatalf("office keyword not applied: %v %+v", err, rec)
		}
		stored, err := d.Archive.Store.Get(ctx, rec.ID)
		if err != nil || stored.PolicyVersion != p.Version {
			t.Fatalf("version not kept: %v %q", err, stored.PolicyVersion)
		}
		if v, _ := d.Archive.Verify(ctx); !v.OK {
			t.Fatalf("%+v", v)
		}
	})
}
