package index_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"sync/atomic"
	"testing"

	"prepub/index"
	"prepub/review"
)

// BenchmarkConcurrentWrites has 50 writers change drafts at once, each change
// one transaction with its audit entry, as the office server's clients do:
// one op is one audited write. On PostgreSQL only when PREPUB_TEST_PG is set.
func BenchmarkConcurrentWrites(b *testing.B) {
	b.Run("SQLite", func(b *testing.B) {
		a, _ := mustOpen(b)
		benchWrites(b, a.Store)
	})
	if base := os.Getenv(pgEnv); base != "" {
		b.Run("PostgreSQL", func(b *testing.B) { benchWrites(b, mustOpenPostgres(b, base)) })
	}
}

// benchWrites runs b.N audited writes from 50 goroutines: a new draft, then
// changes to it, as a clerk submits and reviewers act.
func benchWrites(b *testing.B, st *index.Store) {
	file := []byte("正文")
	sum := sha256.Sum256(file)
	var writer atomic.Int64
	b.SetParallelism((50 + 1) / 2)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		w := writer.Add(1)
		var id int64
		for n := 0; pb.Next(); n++ {
			var err error
			if n%5 == 0 {
				rec := &index.Record{Title: fmt.Sprintf("草稿 %d-%d", w, n), Department: "办公室",
					FileHash: hex.EncodeToString(sum[:]), State: review.StateSecrecyReview}
				id, err = st.Put(ctx, rec, file, fmt.Sprintf("clerk%d", w), review.ActionSubmit)
			} else {
				_, err = st.Update(ctx, id, fmt.Sprintf("officer%d", w), review.ActionApprove, func(r *index.Record) error {
					r.Reason = fmt.Sprintf("第 %d 步", n%5)
					return nil
				})
			}
			if err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.StopTimer()
	if v, err := st.Verify(ctx); err != nil || !v.OK {
		b.Fatalf("the chain does not verify: %v %+v", err, v)
	}
}
