package index_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"prepub/index"
	"prepub/review"
	"prepub/review/extract"
	"prepub/review/scan"
)

var ctx = context.Background()

func scanner(t testing.TB) *scan.Scanner {
	s, err := scan.Default()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// mustOpen opens an archive in a new temporary folder.
func mustOpen(t testing.TB) (*index.Archive, string) {
	t.Helper()
	dir := t.TempDir()
	a, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a, dir
}

func corpus(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../../shared/corpus/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustImport(t testing.TB, a *index.Archive, name string, data []byte, m index.ImportMeta) int64 {
	t.Helper()
	if m.Actor == "" {
		m.Actor = "政务公开办"
	}
	id, status, err := a.Import(ctx, scanner(t), name, data, m)
	if err != nil || status != index.Added {
		t.Fatalf("import %s: %s %v", name, status, err)
	}
	return id
}

// loadCorpus imports the five corpus texts with varied decisions.
func loadCorpus(t testing.TB, a *index.Archive) map[string]int64 {
	ids := map[string]int64{}
	for i, f := range []struct {
		name string
		m    index.ImportMeta
	}{
		{"kaiyang-speech.txt", index.ImportMeta{Attribute: review.Public, Department: "县政府办", Date: "2025-03-01"}},
		{"xuyi-news.txt", index.ImportMeta{Attribute: review.Public, Department: "县政务公开办", Date: "2025-06-10"}},
		{"speech-traditional.txt", index.ImportMeta{Attribute: review.OnRequest, Reason: "讲话稿仅供内部学习", Department: "区政府办", Date: "2024-05-20"}},
		{"opinion-traditional.txt", index.ImportMeta{Attribute: review.Withheld, Basis: "process-info", Reason: "意见尚在征求意见阶段，内容可能调整", Department: "县政府办", Date: "2024-09-01"}},
		{"county-summary.txt", index.ImportMeta{Attribute: review.Public, Department: "县政务公开办", Date: "2025-12-30"}},
	} {
		ids[f.name] = mustImport(t, a, fmt.Sprintf("%d-%s", i, f.name), corpus(t, f.name), f.m)
	}
	return ids
}

// TestImportAndGet ensures an imported document keeps its text, findings, decision and file, and is not imported twice.
func TestImportAndGet(t *testing.T) {
	a, _ := mustOpen(t)
	data := []byte("机密★1年\n关于某事项的通知\n联系电话13812345678\n")
	id := mustImport(t, a, "d.txt", data, index.ImportMeta{Attribute: review.Withheld, Basis: "state-secret", Reason: "经定密属于国家秘密", Title: "关于某事项的通知", Date: "2026-01-05"})
	r, err := a.Store.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if r.State != review.StateWithheldFinal || r.Basis != "state-secret" || r.IssueDate != "2026-01-05" || len(r.Findings) != 2 || !strings.Contains(r.Text(), "关于某事项") {
		t.Fatalf("%+v", r)
	}
	if f, _ := a.Store.File(ctx, id); string(f) != string(data) {
		t.Fatal("original file not kept")
	}
	if again, status, err := a.Import(ctx, scanner(t), "copy.txt", data, index.ImportMeta{Attribute: review.Public}); err != nil || status != index.Exists || again != id {
		t.Fatalf("second import: %d %s %v", again, status, err)
	}
	for _, bad := range []index.ImportMeta{{Attribute: "secret"}, {Attribute: review.Withheld}, {Attribute: review.Public, Date: "2026/1/5"}} {
		if _, _, err := a.Import(ctx, scanner(t), "x.txt", []byte("文字"), bad); review.ErrorCode(err) != review.ErrInvalid {
			t.Errorf("%+v accepted: %v", bad, err)
		}
	}
	unread := mustImport(t, a, "scan.pdf", []byte("%PDF-1.4 broken"), index.ImportMeta{Attribute: review.Public})
	if r, _ := a.Store.Get(ctx, unread); r.Unreadable == "" || len(r.Findings) != 0 {
		t.Fatalf("unreadable file not marked: %+v", r)
	}
}

// TestSearch ensures Chinese full-text search, Simplified and Traditional alike, with filters and highlighted snippets.
func TestSearch(t *testing.T) {
	a, _ := mustOpen(t)
	ids := loadCorpus(t, a)
	hits, err := a.Search(ctx, index.Query{Text: "政务公开"})
	if err != nil || len(hits) < 4 {
		t.Fatalf("%d hits, %v", len(hits), err)
	}
	if !strings.Contains(hits[0].Snippet, "【政务公开】") {
		t.Fatalf("snippet not highlighted: %q", hits[0].Snippet)
	}
	simp, _ := a.Search(ctx, index.Query{Text: "保守国家秘密法"})
	trad, _ := a.Search(ctx, index.Query{Text: "保守國家秘密法"})
	if len(simp) != 1 || len(trad) != 1 || simp[0].ID != ids["opinion-traditional.txt"] || trad[0].ID != simp[0].ID {
		t.Fatalf("simplified %v, traditional %v", simp, trad)
	}
	if h, _ := a.Search(ctx, index.Query{Text: "政务公开", Attribute: "withheld"}); len(h) != 1 || h[0].Basis != "process-info" {
		t.Fatalf("attribute filter: %v", h)
	}
	if h, _ := a.Search(ctx, index.Query{Text: "政务公开", Department: "县政务公开办"}); len(h) != 2 {
		t.Fatalf("department filter: %v", h)
	}
	from, _ := time.ParseInLocation("2006-01-02", "2025-01-01", time.Local)
	to, _ := time.ParseInLocation("2006-01-02", "2025-06-10", time.Local)
	if h, _ := a.Search(ctx, index.Query{From: from, To: to}); len(h) != 2 {
		t.Fatalf("date range (inclusive): %v", h)
	}
	if _, err := a.Search(ctx, index.Query{From: to, To: from}); review.ErrorCode(err) != review.ErrInvalid || !strings.Contains(err.Error(), "起始日期晚于截止日期") {
		t.Fatalf("a range that ends before it starts: %v", err)
	}
	if h, _ := a.Search(ctx, index.Query{Text: "量子纠缠"}); len(h) != 0 {
		t.Fatalf("nonsense found: %v", h)
	}
	sim, err := a.Similar(ctx, string(corpus(t, "xuyi-news.txt")), ids["xuyi-news.txt"], 3)
	if err != nil || len(sim) == 0 || sim[0].ID == ids["xuyi-news.txt"] {
		t.Fatalf("similar: %v %v", sim, err)
	}
}

// TestReindex ensures the index is rebuilt from the store, once Open's repair has run, when missing or of an old version.
func TestReindex(t *testing.T) {
	a, dir := mustOpen(t)
	loadCorpus(t, a)
	a.Close()
	for _, spoil := range []func(){
		func() { os.RemoveAll(filepath.Join(dir, "search.bleve")) },
		func() { os.WriteFile(filepath.Join(dir, "search.bleve", "prepub-version"), []byte("0"), 0o644) },
	} {
		spoil()
		b, err := index.Open(dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		b.WaitIndexed(ctx)
		if h, err := b.Search(ctx, index.Query{Text: "政务公开"}); len(h) < 4 {
			t.Fatalf("rebuilt index finds %d: %v", len(h), err)
		}
		b.Close()
	}
}

// TestVerify ensures the audit chain verifies, then that every kind of tampering is named.
func TestVerify(t *testing.T) {
	exec := func(dir, q string) {
		db, err := sql.Open("sqlite", filepath.Join(dir, "archive.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name, sql, want string
	}{
		{"EditRow", `UPDATE drafts SET attribute='public', state='decided-public' WHERE id=4`, "记录 4"},
		{"EditText", `UPDATE drafts SET body=replace(body, '政务', '政府') WHERE id=2`, "记录 2"},
		{"DeleteRow", `DELETE FROM drafts WHERE id=3`, "记录 3 已被删除"},
		{"EditAudit", `UPDATE audit SET actor='别人' WHERE seq=2`, "第 2 条"},
		{"DeleteAudit", `DELETE FROM audit WHERE seq=2`, "第 2 条缺失"},
		{"RewriteAuditTail", `UPDATE audit SET content_hash='x' WHERE seq=5`, "第 5 条"},
		{"ReplaceFile", `UPDATE drafts SET file_bytes=x'00' WHERE id=1`, "原文件"},
		{"NullFile", `UPDATE drafts SET file_bytes=NULL WHERE id=2`, "记录 2 的原文件缺失"},
		{"EmptyFile", `UPDATE drafts SET file_bytes=x'' WHERE id=3`, "记录 3 的原文件缺失"},
		{"InsertRow", `INSERT INTO drafts (id, title, department, file, file_hash, file_bytes, attribute, basis, reason, state, issue_date, decided_at, reviewed_at, drafter, partial, unreadable, body)
			SELECT 99, title, department, file, file_hash, file_bytes, attribute, basis, reason, state, issue_date, decided_at, reviewed_at, drafter, partial, unreadable, body FROM drafts WHERE id=1`, "记录 99"},
		{"EditDocType", `UPDATE drafts SET doc_type='regulation' WHERE id=1`, "记录 1 的文件类型"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, dir := mustOpen(t)
			loadCorpus(t, a)
			v, err := a.Verify(ctx)
			if err != nil || !v.OK || v.Entries != 5 || v.Records != 5 {
				t.Fatalf("untouched archive: %+v %v", v, err)
			}
			exec(dir, tc.sql)
			v, err = a.Verify(ctx)
			if err != nil || v.OK || !strings.Contains(v.Problem, tc.want) {
				t.Fatalf("want a problem naming %q, got %+v %v", tc.want, v, err)
			}
		})
	}
}

// TestReReview ensures the yearly queue, keeping with a note, converting to a new public decision, and expired markings.
func TestReReview(t *testing.T) {
	a, _ := mustOpen(t)
	ids := loadCorpus(t, a)
	marked := mustImport(t, a, "m.txt", []byte("机密★1年\n关于某工程的通知\n"), index.ImportMeta{Attribute: review.Withheld, Basis: "state-secret", Reason: "经定密属于国家秘密", Date: "2024-02-01"})
	now := time.Date(2025, 10, 1, 0, 0, 0, 0, time.Local)
	due, err := a.ReviewDue(ctx, now, index.DefaultReviewPeriod)
	if err != nil || len(due) != 3 {
		t.Fatalf("due %d %v", len(due), err)
	}
	if err := a.Keep(ctx, marked, reReviewer, ""); review.ErrorCode(err) != review.ErrInvalid {
		t.Fatalf("keep without note: %v", err)
	}
	a.Store.Clock = func() time.Time { return now }
	if err := a.Keep(ctx, marked, reReviewer, "仍属国家秘密"); err != nil {
		t.Fatal(err)
	}
	if due, _ = a.ReviewDue(ctx, now, index.DefaultReviewPeriod); len(due) != 2 {
		t.Fatalf("kept item still due: %d", len(due))
	}
	newID, out, err := a.Convert(ctx, review.DefaultRules(), ids["opinion-traditional.txt"], reReviewer, "征求意见已结束，方案已定稿")
	if err != nil || out.Result != review.Routed {
		t.Fatalf("%v %+v", err, out)
	}
	n, _ := a.Store.Get(ctx, newID)
	if n.Attribute != review.Public || n.State.Decided() || len(n.Route) == 0 {
		t.Fatalf("converted record should wait on its new route: %+v", n)
	}
	if err := a.Keep(ctx, ids["kaiyang-speech.txt"], reReviewer, "x"); review.ErrorCode(err) != review.ErrConflict {
		t.Fatalf("public record re-reviewed: %v", err)
	}
	exp, err := a.ExpiredMarkings(ctx, now)
	if err != nil || len(exp) != 1 || exp[0].ID != marked || exp[0].Expires.Format("2006-01-02") != "2025-02-01" {
		t.Fatalf("%+v %v", exp, err)
	}
	if v, _ := a.Verify(ctx); !v.OK {
		t.Fatalf("%+v", v)
	}
}

// TestArchiveReport ensures the report counts the year's decisions from the store.
func TestArchiveReport(t *testing.T) {
	a, _ := mustOpen(t)
	loadCorpus(t, a)
	r, err := a.Report(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if r.ByAttribute["public"] != 3 || r.Total != 3 || r.Rows[2].Count != 0 || r.Rows[len(r.Rows)-2].Count != 0 {
		t.Fatalf("%+v", r)
	}
	r, _ = a.Report(ctx, 2024)
	if r.ByBasis["process-info"] != 1 || r.ByAttribute["on-request"] != 1 {
		t.Fatalf("%+v", r)
	}
}

var _ = extract.Body
