package index_test

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"prepub/index"
	"prepub/review"
)

// sqlExec runs a statement on an archive folder's SQLite file behind the program's back.
func sqlExec(t *testing.T, dir, q string) {
	t.Helper()
	db, err := sql.Open("sqlite", filepath.Join(dir, "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(q); err != nil {
		t.Fatal(err)
	}
}

// TestValidityOn ensures a document's standing on a day: a validity period runs out by itself the day
// after its last day, the office's mark counts from its day, and a reinstatement outlasts the period.
func TestValidityOn(t *testing.T) {
	dec := review.Decision{DocType: review.DocNormative, ValidUntil: "2026-06-30"}
	for _, tc := range []struct {
		name  string
		dec   review.Decision
		mark  *index.ValidityMark
		day   string
		want  string
		since string
	}{
		{"NoPeriod", review.Decision{}, nil, "2099-01-01", index.InForce, ""},
		{"LastDayOfPeriod", dec, nil, "2026-06-30", index.InForce, ""},
		{"DayAfterPeriod", dec, nil, "2026-07-01", index.Expired, "2026-07-01"},
		{"RepealedBefore", dec, &index.ValidityMark{Status: index.Repealed, Since: "2026-03-01"}, "2026-03-01", index.Repealed, "2026-03-01"},
		{"RepealNotYet", dec, &index.ValidityMark{Status: index.Repealed, Since: "2026-03-01"}, "2026-02-28", index.InForce, ""},
		{"PeriodBeforeLateRepeal", dec, &index.ValidityMark{Status: index.Repealed, Since: "2026-09-01"}, "2026-08-01", index.Expired, "2026-07-01"},
		{"MarkedExpired", review.Decision{}, &index.ValidityMark{Status: index.Expired, Since: "2026-01-01"}, "2026-12-31", index.Expired, "2026-01-01"},
		{"Reinstated", dec, &index.ValidityMark{Status: index.InForce, Since: "2026-07-01"}, "2027-01-01", index.InForce, ""},
		{"ReinstatedLater", dec, &index.ValidityMark{Status: index.InForce, Since: "2026-08-01"}, "2026-07-15", index.Expired, "2026-07-01"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := index.ValidityOn(tc.dec, tc.mark, tc.day)
			if v.Status != tc.want || v.Since != tc.since {
				t.Errorf("ValidityOn(%s) = %+v, want %s since %q", tc.day, v, tc.want, tc.since)
			}
		})
	}
	for s, zh := range map[string]string{index.InForce: "有效", index.Repealed: "废止", index.Expired: "失效"} {
		if index.ValidityChinese(s) != zh {
			t.Errorf("%s: %s", s, index.ValidityChinese(s))
		}
	}
}

// TestRepealAudited ensures repealing a decided document is refused when it makes no sense, and otherwise
// kept, told in the record's history, chained in the audit, and checked by verify.
func TestRepealAudited(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		id := mustImport(t, a, "n.txt", []byte("关于印发某县规范性文件的通知\n各单位：\n"),
			index.ImportMeta{Attribute: review.Public, Date: "2025-04-01", DocType: review.DocNormative})
		d := desk(t, a)
		open, err := d.Submit(ctx, clerk, "县政府办", "d.txt", []byte("关于做好防汛工作的通知\n各单位：\n"), review.Decision{Attribute: review.Public})
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name                string
			id                  int64
			status, since, code string
		}{
			{"Undecided", open.ID, index.Repealed, "2026-01-01", review.ErrConflict},
			{"BeforeDecision", id, index.Repealed, "2025-03-31", review.ErrInvalid},
			{"BadDate", id, index.Repealed, "2026-13-01", review.ErrInvalid},
			{"BadStatus", id, "cancelled", "2026-01-01", review.ErrInvalid},
			{"NothingToReinstate", id, index.InForce, "2026-01-01", review.ErrConflict},
			{"NoRecord", 999, index.Repealed, "2026-01-01", review.ErrNotFound},
		} {
			if _, err := a.SetValidity(ctx, tc.id, tc.status, tc.since, "", "政务公开办"); review.ErrorCode(err) != tc.code {
				t.Errorf("%s: %v, want %s", tc.name, err, tc.code)
			}
		}
		before, _ := a.Store.Audit(ctx, 0)
		m, err := a.SetValidity(ctx, id, index.Repealed, "2026-03-01", "已被新文件替代", "政务公开办")
		if err != nil || m.Status != index.Repealed || m.Since != "2026-03-01" {
			t.Fatalf("%+v %v", m, err)
		}
		if _, err := a.SetValidity(ctx, id, index.Repealed, "2026-03-01", "", "政务公开办"); review.ErrorCode(err) != review.ErrConflict {
			t.Errorf("the same repeal twice: %v", err)
		}
		after, _ := a.Store.Audit(ctx, 0)
		if len(after) != len(before)+2 || after[len(after)-2].Action != index.ActionRepeal || after[len(after)-2].DraftID != id ||
			after[len(after)-1].Action != "validity:"+itoa(id)+":repealed" || after[len(after)-1].Actor != "政务公开办" {
			t.Fatalf("audit after repeal: %+v", after[len(before):])
		}
		rec, _ := a.Store.Get(ctx, id)
		last := rec.History[len(rec.History)-1]
		if last.Action != index.ActionRepeal || last.User != "政务公开办" || !strings.Contains(last.Note, "自 2026-03-01 起废止：已被新文件替代") {
			t.Errorf("history %+v", last)
		}
		if got, _ := a.Validity(ctx, id); got == nil || *got != *m {
			t.Errorf("kept mark %+v", got)
		}
		if _, err := a.SetValidity(ctx, id, index.InForce, "2026-05-01", "清理后继续有效", "政务公开办"); err != nil {
			t.Fatal(err)
		}
		if v, err := a.Verify(ctx); err != nil || !v.OK {
			t.Fatalf("%+v %v", v, err)
		}
		if v, _ := a.Verify(ctx); !v.OK {
			t.Fatalf("%+v", v)
		}
	})
}

// TestValidityTampered ensures verify names a validity mark changed or removed outside the program.
func TestValidityTampered(t *testing.T) {
	for _, tc := range []struct{ name, sql, want string }{
		{"Edit", `UPDATE validity SET since='2025-01-01'`, "有效性标注"},
		{"Delete", `DELETE FROM validity`, "已被删除"},
		{"Insert", `INSERT INTO validity (draft_id, status, since, note) VALUES (1, 'repealed', '2026-01-01', '')`, "绕过程序"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, dir := mustOpen(t)
			ids := loadCorpus(t, a)
			if tc.name != "Insert" {
				if _, err := a.SetValidity(ctx, ids["kaiyang-speech.txt"], index.Expired, "2026-01-01", "", "政务公开办"); err != nil {
					t.Fatal(err)
				}
			}
			sqlExec(t, dir, tc.sql)
			if v, err := a.Verify(ctx); err != nil || v.OK || !strings.Contains(v.Problem, tc.want) {
				t.Fatalf("want a problem naming %q, got %+v %v", tc.want, v, err)
			}
		})
	}
}
