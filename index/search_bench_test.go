package index_test

import (
	"math/rand"
	"os"
	"strings"
	"testing"
	"time"

	"prepub/index"
)

// officeQueries are what a disclosure office searches for (bench/archivebench's list).
var officeQueries = []string{"政务公开", "依申请公开", "保密审查", "政府信息", "主动公开", "公开属性", "法制办", "考核", "网站", "政策解读", "监督检查", "办事公开", "信息公开", "国家秘密", "工作推进会"}

// benchArchive opens the archive named by PREPUB_BENCH_ARCHIVE (bench/archive.sh
// builds one of 100,000 drafts), or builds one of 3,000 drafts made of
// corpus lines.
func benchArchive(b *testing.B) *index.Archive {
	if dir := os.Getenv("PREPUB_BENCH_ARCHIVE"); dir != "" {
		a, err := index.Open(dir, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { a.Close() })
		if err := a.WaitIndexed(ctx); err != nil {
			b.Fatal(err)
		}
		return a
	}
	a, _ := mustOpen(b)
	var lines []string
	for _, name := range []string{"kaiyang-speech.txt", "xuyi-news.txt", "county-summary.txt", "speech-traditional.txt", "opinion-traditional.txt"} {
		for _, l := range strings.Split(string(corpus(b, name)), "\n") {
			if len([]rune(l)) > 20 {
				lines = append(lines, l)
			}
		}
	}
	rng := rand.New(rand.NewSource(1))
	for start := 0; start < 3000; start += 500 {
		var recs []*index.Record
		for i := start; i < start+500; i++ {
			var t strings.Builder
			for k := 0; k < 3+rng.Intn(6); k++ {
				t.WriteString(lines[rng.Intn(len(lines))] + "\n")
			}
			d := time.Date(2023+rng.Intn(3), time.Month(1+rng.Intn(12)), 1+rng.Intn(28), 10, 0, 0, 0, time.Local)
			recs = append(recs, publishedNotice(i, d, t.String()))
		}
		if err := a.PutMany(ctx, recs, nil, "bench", "import"); err != nil {
			b.Fatal(err)
		}
	}
	return a
}

// BenchmarkSearch times the office queries, top 20 with snippets, one
// sub-benchmark each; bench/archivebench gives their p50 and p95 beside rg.
func BenchmarkSearch(b *testing.B) {
	a := benchArchive(b)
	for _, q := range officeQueries {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				if _, err := a.Search(ctx, index.Query{Text: q, Limit: 20}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
