package index_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"prepub/index"
	"prepub/review"
)

// withheldDraft submits a draft proposed withheld for a third party's interests and has the legal office approve it: one signature from its decision.
func withheldDraft(t *testing.T, d *index.Desk, text string) *index.Record {
	t.Helper()
	rec, err := d.Submit(ctx, clerk, "县政府办", "d.txt", []byte(text),
		review.Decision{Attribute: review.Withheld, Basis: "third-party", Reason: "载明企业的投标报价，公开会损害其合法权益"})
	if err != nil {
		t.Fatal(err)
	}
	if rec, err = d.Act(ctx, rec.ID, legal, review.ActionApprove, -1, "依据适当"); err != nil {
		t.Fatal(err)
	}
	return rec
}

// TestIndexRepairsStale ensures that records the index missed (a crash between
// the store's commit and the index's write) are found record by record at the
// next open, though the counts agree, and repaired in the background while
// searches are told the index is being rebuilt.
func TestIndexRepairsStale(t *testing.T) {
	a, dir := mustOpen(t)
	d := desk(t, a)
	ids := loadCorpus(t, a)
	rec := withheldDraft(t, d, "关于某企业投标报价的情况说明\n该企业投标报价为人民币一百万元。\n")
	// The store alone takes the decision: the index still holds the draft as under review.
	if _, err := a.Store.Update(ctx, rec.ID, principal.User, review.ActionSign, func(r *index.Record) error {
		r.State = review.StateWithheldFinal
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := index.Unindex(a, ids["xuyi-news.txt"]); err != nil {
		t.Fatal(err)
	}
	if err := index.IndexAgrees(a); err == nil {
		t.Fatal("the index was not made stale")
	}
	a.Close()

	release := make(chan struct{})
	b, err := index.Open(dir, func(done, total int) { <-release })
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, err := b.Search(ctx, index.Query{Text: "投标报价"}); review.ErrorCode(err) != review.ErrBusy || !strings.Contains(review.ErrorMessage(err), "正在重建检索索引") {
		t.Fatalf("search during the repair: %v", err)
	}
	close(release)
	b.WaitIndexed(ctx)
	if err := index.IndexAgrees(b); err != nil {
		t.Fatal(err)
	}
	if h, err := b.Search(ctx, index.Query{Text: "投标报价", State: string(review.StateWithheldFinal)}); err != nil || len(h) != 1 || h[0].ID != rec.ID {
		t.Fatalf("decided draft after the repair: %v %v", h, err)
	}
	if h, _ := b.Search(ctx, index.Query{Text: "投标报价", State: string(review.StatePrincipalSign)}); len(h) != 0 {
		t.Fatalf("decided draft still indexed as under review: %v", h)
	}
	if h, _ := b.Search(ctx, index.Query{Text: "盱眙"}); len(h) == 0 {
		t.Fatal("the unindexed record was not put back")
	}
}

// TestIndexRecordItCannotTake ensures a record whose row cannot be read is
// kept in the index as such, named, and not tried again at the next start.
func TestIndexRecordItCannotTake(t *testing.T) {
	a, dir := mustOpen(t)
	ids := loadCorpus(t, a)
	a.Close()
	broken := ids["kaiyang-speech.txt"]
	sqlExec(t, dir, `UPDATE drafts SET body='{' WHERE id=`+itoa(broken))
	sqlExec(t, dir, `UPDATE audit SET content_hash='changed' WHERE draft_id=`+itoa(broken))
	b, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	b.WaitIndexed(ctx)
	if p := b.IndexProblems(); len(p) != 1 || p[0].ID != broken || !strings.Contains(p[0].Reason, "已损坏") {
		t.Fatalf("problems: %+v", p)
	}
	if h, err := b.Search(ctx, index.Query{Text: "政务公开"}); err != nil || len(h) < 3 {
		t.Fatalf("search beside the broken record: %v %v", h, err)
	}
	b.Close()
	c, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if p := c.IndexProblems(); len(p) != 0 {
		t.Fatalf("the broken record was tried again: %+v", p)
	}
	if _, err := c.Search(ctx, index.Query{Text: "政务公开"}); err != nil {
		t.Fatalf("a repair started again: %v", err)
	}
}

// TestOpenLazy ensures an archive opened lazily leaves a stale index as it
// is until StartCheck or the first search, which then finds and repairs it
// as Open does; and that one closed before either starts nothing and does
// not hang.
func TestOpenLazy(t *testing.T) {
	a, dir := mustOpen(t)
	ids := loadCorpus(t, a)
	if err := index.Unindex(a, ids["xuyi-news.txt"]); err != nil {
		t.Fatal(err)
	}
	a.Close()

	b, err := index.OpenLazy(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	b.Close() // never started: returns
	repaired, release := make(chan struct{}, 1), make(chan struct{})
	b, err = index.OpenLazy(dir, func(done, total int) {
		select {
		case repaired <- struct{}{}:
		default:
		}
		<-release // the repair is held until the busy search is seen
	})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var releaseOnce sync.Once
	let := func() { releaseOnce.Do(func() { close(release) }) }
	defer let() // before Close, should the test stop early
	select {
	case <-repaired:
		t.Fatal("the index was repaired before anything asked for it")
	case <-time.After(200 * time.Millisecond):
	}
	if err := index.IndexAgrees(b); err == nil {
		t.Fatal("the stale index was changed before anything asked for it")
	}
	if _, err := b.Search(ctx, index.Query{Text: "盱眙"}); review.ErrorCode(err) != review.ErrBusy {
		t.Fatalf("first search: %v, want the index being rebuilt", err)
	}
	let()
	b.WaitIndexed(ctx)
	if err := index.IndexAgrees(b); err != nil {
		t.Fatal(err)
	}
	if h, _ := b.Search(ctx, index.Query{Text: "盱眙"}); len(h) == 0 {
		t.Fatal("the unindexed record was not put back")
	}
}
