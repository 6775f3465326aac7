// Command archivebench builds an archive of many drafts varied from the
// corpus texts, then measures the search index build rate, search latency
// (p50, p95) over a fixed query list beside rg over the same texts written as
// files, the time of the annual report, and the time of reopening it, when
// the index is checked against the store record by record. bench/archive.sh runs it.
package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"prepub/index"
	"prepub/review"
	"prepub/review/extract"
	"prepub/review/scan"
)

// queries are what a disclosure office searches for.
var queries = []string{"政务公开", "依申请公开", "保密审查", "政府信息", "主动公开", "公开属性", "法制办", "考核", "网站", "政策解读", "监督检查", "办事公开", "信息公开", "国家秘密", "工作推进会"}

var departments = []string{"县政府办", "县政务公开办", "县发改局", "县财政局", "县教育局", "县卫健局", "县住建局", "县司法局"}

func main() {
	n := flag.Int("n", 100000, "number of drafts")
	dir := flag.String("archive", "bench/out/archive", "archive folder (rebuilt when its draft count differs)")
	corpus := flag.String("corpus", "../shared/corpus", "corpus folder")
	runs := flag.Int("runs", 20, "runs of each query")
	rebuild := flag.Bool("rebuild", true, "time a rebuild of the search index from the store first")
	flag.Parse()
	if err := run(*n, *dir, *corpus, *runs, *rebuild); err != nil {
		fmt.Fprintln(os.Stderr, "archivebench:", err)
		os.Exit(1)
	}
}

func run(n int, dir, corpus string, runs int, rebuild bool) error {
	ctx := context.Background()
	paras, err := paragraphs(corpus)
	if err != nil {
		return err
	}
	a, err := index.Open(dir, nil)
	if err != nil {
		return err
	}
	have, _ := a.Store.Count(ctx)
	if have != n {
		a.Close()
		os.RemoveAll(dir)
		if a, err = index.Open(dir, nil); err != nil {
			return err
		}
		t0 := time.Now()
		if err := build(ctx, a, dir, paras, n); err != nil {
			return err
		}
		fmt.Printf("built %d drafts (store, files and index) in %s\n", n, time.Since(t0).Round(time.Millisecond))
	}
	if rebuild {
		t0 := time.Now()
		if err := a.Reindex(ctx, nil); err != nil {
			return err
		}
		took := time.Since(t0)
		fmt.Printf("index build from the store: %d drafts in %s = %.0f drafts/s\n", n, took.Round(time.Millisecond), float64(n)/took.Seconds())
	} else if err := a.WaitIndexed(ctx); err != nil {
		return err
	}
	size, _ := dirSize(filepath.Join(dir, "search.bleve"))
	dbSize, _ := dirSize(filepath.Join(dir, "archive.db"))
	fmt.Printf("sizes: store %.0f MB, index %.0f MB\n", float64(dbSize)/(1<<20), float64(size)/(1<<20))

	var ours []time.Duration
	for _, q := range queries {
		for r := 0; r < runs; r++ {
			t := time.Now()
			if _, err := a.Search(ctx, index.Query{Text: q, Limit: 20}); err != nil {
				return err
			}
			ours = append(ours, time.Since(t))
		}
	}
	var rg []time.Duration
	files := filepath.Join(dir, "files")
	for _, q := range queries {
		for r := 0; r < 3; r++ {
			t := time.Now()
			cmd := exec.Command("rg", "-l", "-F", "--", q, files)
			cmd.Stdout = nil
			if err := cmd.Run(); err != nil {
				if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() > 1 {
					return fmt.Errorf("rg: %v", err)
				}
			}
			rg = append(rg, time.Since(t))
		}
	}
	p50, p95 := pct(ours, 50), pct(ours, 95)
	r50, r95 := pct(rg, 50), pct(rg, 95)
	fmt.Printf("search over %d drafts, %d queries: prepub p50 %s p95 %s; rg -l p50 %s p95 %s; ratio (rg/prepub) p50 %.0f×, p95 %.0f×\n",
		n, len(queries), p50, p95, r50, r95, float64(r50)/float64(p50), float64(r95)/float64(p95))
	fmt.Printf("targets: p95 ≤ 25 ms %s; ≥ 100× rg at p50 %s; ≥ 30× rg at p95 %s\n",
		met(p95 <= 25*time.Millisecond), met(r50 >= 100*p50), met(r95 >= 30*p95))

	t0 := time.Now()
	rep, err := a.Report(ctx, 2025)
	if err != nil {
		return err
	}
	fmt.Printf("annual report 2025: %d decisions counted in %s\n", rep.Total, time.Since(t0).Round(time.Millisecond))
	if err := a.Close(); err != nil {
		return err
	}
	t0 = time.Now()
	if a, err = index.Open(dir, nil); err != nil {
		return err
	}
	a.WaitIndexed(ctx)
	fmt.Printf("reopen, index checked against the store record by record: %d drafts in %s\n", n, time.Since(t0).Round(time.Millisecond))
	return a.Close()
}

// build writes n drafts varied from the corpus paragraphs to the archive and as files for rg.
func build(ctx context.Context, a *index.Archive, dir string, paras []string, n int) error {
	files := filepath.Join(dir, "files")
	if err := os.MkdirAll(files, 0o755); err != nil {
		return err
	}
	rng := rand.New(rand.NewSource(1))
	attrs := []review.Attribute{review.Public, review.Public, review.Public, review.OnRequest, review.Withheld}
	const batch = 1000
	for start := 0; start < n; start += batch {
		var recs []*index.Record
		for i := start; i < min(start+batch, n); i++ {
			var b strings.Builder
			title := fmt.Sprintf("关于%s第%d号事项的通知", departments[i%len(departments)], i)
			b.WriteString(title + "\n")
			for k := 0; k < 3+rng.Intn(6); k++ {
				b.WriteString(paras[rng.Intn(len(paras))])
				b.WriteString("\n")
			}
			text := b.String()
			attr := attrs[rng.Intn(len(attrs))]
			basis := ""
			if attr == review.Withheld {
				basis = review.Bases[rng.Intn(len(review.Bases))].Code
			}
			decided := time.Date(2023+rng.Intn(3), time.Month(1+rng.Intn(12)), 1+rng.Intn(28), 10, 0, 0, 0, time.Local)
			recs = append(recs, &index.Record{
				Title: title, Department: departments[i%len(departments)], File: fmt.Sprintf("%06d.txt", i),
				Attribute: attr, Basis: basis, State: map[review.Attribute]review.State{review.Public: review.StatePublished, review.OnRequest: review.StateOnRequest, review.Withheld: review.StateWithheldFinal}[attr],
				IssueDate: decided.Format("2006-01-02"), DecidedAt: decided,
				Decision: review.Decision{Attribute: attr, Basis: basis},
				Parts:    []extract.Part{{Kind: extract.Body, Name: "正文", Text: text}},
			})
			if err := os.WriteFile(filepath.Join(files, fmt.Sprintf("%06d.txt", i)), []byte(text), 0o644); err != nil {
				return err
			}
		}
		if err := a.PutMany(ctx, recs, nil, "bench", "import"); err != nil {
			return err
		}
	}
	return nil
}

// paragraphs returns the corpus lines, folded, split at sentence ends into pieces of at most ~200 characters.
func paragraphs(dir string) ([]string, error) {
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var out []string
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(scan.Fold(string(data)), "\n") {
			var cur []rune
			for _, r := range strings.TrimSpace(line) {
				cur = append(cur, r)
				if len(cur) >= 60 && strings.ContainsRune("。.；！？", r) || len(cur) >= 200 {
					out = append(out, string(cur))
					cur = nil
				}
			}
			if len(cur) > 20 {
				out = append(out, string(cur))
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no corpus texts in %s", dir)
	}
	return out, nil
}

// met words a target's verdict.
func met(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT met"
}

func pct(ds []time.Duration, p int) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[(len(s)-1)*p/100].Round(10 * time.Microsecond)
}

func dirSize(path string) (int64, error) {
	var n int64
	err := filepath.Walk(path, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return err
	})
	return n, err
}
