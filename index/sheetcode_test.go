package index_test

import (
	"database/sql"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"prepub/index"
	"prepub/review"
)

// TestSheetCode ensures a sheet's code verifies while the draft is as printed,
// and no longer once it changes; unknown and malformed codes are told apart.
func TestSheetCode(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		d := desk(t, a)
		rec, err := d.Submit(ctx, clerk, "县政府办", "d.txt", []byte("机密★1年\n关于防汛物资储备的通知\n"),
			review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: "载明储备库位置和数量，经定密属于国家秘密事项"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.Act(ctx, rec.ID, secrecy, review.ActionConfirm, 0, "确属国家秘密"); err != nil {
			t.Fatal(err)
		}
		printed, code, err := a.Store.SheetRecord(ctx, rec.ID)
		if err != nil || printed.ID != rec.ID || len(printed.History) != 2 {
			t.Fatalf("%v %+v", err, printed)
		}
		if !regexp.MustCompile(`^[0-9A-F]{4}(-[0-9A-F]{4}){3}$`).MatchString(code) {
			t.Fatalf("code %q", code)
		}
		if c, _ := a.SheetCode(ctx, rec.ID); c != code {
			t.Fatalf("SheetCode %q, SheetRecord %q", c, code)
		}
		audit, _ := a.Store.Audit(ctx, rec.ID)
		if last := audit[len(audit)-1]; index.FormatCode(last.Hash) != code {
			t.Fatalf("code %s is not of the last entry %s", code, last.Hash)
		}
		typed := strings.ToLower(strings.ReplaceAll(code, "-", " "))
		full := strings.Map(func(r rune) rune { // as typed with a Chinese input method: full-width
			if r >= '0' && r <= '9' || r >= 'A' && r <= 'F' {
				return r - '0' + '０'
			}
			return r
		}, code)
		for _, c := range []string{code, typed, full} {
			res, err := a.VerifyCode(ctx, c)
			if err != nil || !res.OK || res.Status != index.CodeValid || res.DraftID != rec.ID || res.State != review.StateSecrecyReview || !strings.Contains(res.Message, "有效") {
				t.Fatalf("fresh code %q: %+v %v", c, res, err)
			}
		}

		if _, err := d.Act(ctx, rec.ID, secrecy, review.ActionApprove, -1, "同意"); err != nil {
			t.Fatal(err)
		}
		res, err := a.VerifyCode(ctx, code)
		if err != nil || res.OK || res.Status != index.CodeChanged || res.Latest == nil || res.Latest.Action != review.ActionApprove ||
			!strings.Contains(res.Message, "已失效") || !strings.Contains(res.Message, "李保密") {
			t.Fatalf("code after a later action: %+v %v", res, err)
		}
		fresh, _ := a.SheetCode(ctx, rec.ID)
		if res, _ := a.VerifyCode(ctx, fresh); fresh == code || !res.OK {
			t.Fatalf("reprinted code %s: %+v", fresh, res)
		}

		if res, err := a.VerifyCode(ctx, "0000-0000-0000-0000"); err != nil || res.OK || res.Status != index.CodeUnknown {
			t.Fatalf("unknown code: %+v %v", res, err)
		}
		if err := a.Store.AddUser(ctx, index.User{Name: "admin", Role: index.RoleAdmin}, "correct horse battery", "admin"); err != nil {
			t.Fatal(err)
		}
		all, _ := a.Store.Audit(ctx, 0)
		if res, _ := a.VerifyCode(ctx, index.FormatCode(all[len(all)-1].Hash)); res.OK || res.Status != index.CodeUnknown {
			t.Fatalf("an account's entry taken for a sheet: %+v", res)
		}
		for _, bad := range []string{"", "1234", "1A2B-3C4D-5E6F-7A8G", "1A2B-3C4D-5E6F-7A8B-9C0D"} {
			if _, err := a.VerifyCode(ctx, bad); review.ErrorCode(err) != review.ErrInvalid {
				t.Errorf("malformed code %q: %v", bad, err)
			}
		}
		if _, _, err := a.Store.SheetRecord(ctx, 999); review.ErrorCode(err) != review.ErrNotFound {
			t.Fatalf("no such draft: %v", err)
		}
	})
}

// TestSheetCodeTampered ensures a code is not vouched for once a row was edited outside the program, and such a row gets no new sheet.
func TestSheetCodeTampered(t *testing.T) {
	a, dir := mustOpen(t)
	d := desk(t, a)
	rec, err := d.Submit(ctx, clerk, "县政府办", "d.txt", []byte("关于做好防汛工作的通知\n各单位：\n"), review.Decision{Attribute: review.Public})
	if err != nil {
		t.Fatal(err)
	}
	code, err := a.SheetCode(ctx, rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", filepath.Join(dir, "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE drafts SET title='关于暂停防汛工作的通知' WHERE id=$1`, rec.ID); err != nil {
		t.Fatal(err)
	}
	res, err := a.VerifyCode(ctx, code)
	if err != nil || res.OK || res.Status != index.CodeBroken || !strings.Contains(res.Message, "审计链不一致") {
		t.Fatalf("code of a tampered row: %+v %v", res, err)
	}
	if _, _, err := a.Store.SheetRecord(ctx, rec.ID); review.ErrorCode(err) != review.ErrConflict {
		t.Fatalf("sheet of a tampered row: %v", err)
	}
}
