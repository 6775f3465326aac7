package index_test

import (
	"testing"

	"prepub/index"
	"prepub/review"
)

var office = review.Actor{User: "周公开", Role: index.RoleDisclosureOffice}

// TestDeskOfficeWhoMayAct ensures the desk lets the disclosure office keep the catalogue, the validity marks
// and the report's typed items, refuses a clerk or a signer with a Chinese message, and changes nothing then.
func TestDeskOfficeWhoMayAct(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		d := desk(t, a)
		rec := signedPublic(t, d, "县政府办", "关于加强城乡环境卫生管理的通知\n各乡镇：\n")
		year := rec.DecidedAt.Local().Year()
		for _, who := range []review.Actor{clerk, deputy} {
			if _, err := d.CatalogueEntries(ctx, who, year); review.ErrorCode(err) != review.ErrForbidden || review.ErrorMessage(err) == "" {
				t.Errorf("%s catalogue: %v", who.Role, err)
			}
			if _, err := d.CorrectCatalogue(ctx, who, rec.ID, index.FieldTitle, "别的标题", ""); review.ErrorCode(err) != review.ErrForbidden {
				t.Errorf("%s correct: %v", who.Role, err)
			}
			if _, err := d.SetValidity(ctx, who, rec.ID, index.Repealed, "", ""); review.ErrorCode(err) != review.ErrForbidden {
				t.Errorf("%s validity: %v", who.Role, err)
			}
			if _, err := d.SetReportValues(ctx, who, year, map[string]string{"licensing": "3"}); review.ErrorCode(err) != review.ErrForbidden {
				t.Errorf("%s report values: %v", who.Role, err)
			}
			if _, err := d.LatestDecisionYear(ctx, who); review.ErrorCode(err) != review.ErrForbidden {
				t.Errorf("%s latest year: %v", who.Role, err)
			}
		}
		if m, _ := a.Validity(ctx, rec.ID); m != nil {
			t.Fatalf("a refused mark was kept: %+v", m)
		}
		if v, _ := a.ReportValues(ctx, year); len(v) != 0 {
			t.Fatalf("refused values were kept: %v", v)
		}

		entries, err := d.CatalogueEntries(ctx, office, year)
		if err != nil || len(entries) != 1 || entries[0].ID != rec.ID {
			t.Fatalf("%v %+v", err, entries)
		}
		if e, err := d.CorrectCatalogue(ctx, office, rec.ID, index.FieldTitle, "关于加强环境卫生管理的通知", "标题有误"); err != nil || e.Title != "关于加强环境卫生管理的通知" {
			t.Fatalf("%v %+v", err, e)
		}
		if m, err := d.SetValidity(ctx, office, rec.ID, index.Repealed, "", "已被新文件替代"); err != nil || m.Status != index.Repealed {
			t.Fatalf("%v %+v", err, m)
		}
		vals, err := d.SetReportValues(ctx, office, year, map[string]string{"licensing": "１２", "fees": "3.50"})
		if err != nil || vals["licensing"] != "12" || vals["fees"] != "3.5" {
			t.Fatalf("%v %v", err, vals)
		}
		if got, err := d.ReportValues(ctx, office, year); err != nil || got["licensing"] != "12" {
			t.Fatalf("%v %v", err, got)
		}
		if y, err := d.LatestDecisionYear(ctx, office); err != nil || y != year {
			t.Fatalf("latest year %d %v, want %d", y, err, year)
		}
		if v, _ := a.Verify(ctx); !v.OK {
			t.Fatalf("%+v", v)
		}
	})
}

// TestDeskSheet ensures a draft's sheet comes with the code of its last audit entry, and a clerk gets only their own: another's is not found.
func TestDeskSheet(t *testing.T) {
	a, _ := mustOpen(t)
	d := desk(t, a)
	if y, err := d.LatestDecisionYear(ctx, office); err != nil || y != 0 {
		t.Fatalf("empty archive: %d %v", y, err)
	}
	rec := signedPublic(t, d, "县政府办", "关于加强城乡环境卫生管理的通知\n各乡镇：\n")
	got, code, err := d.Sheet(ctx, deputy, rec.ID)
	want, _ := a.SheetCode(ctx, rec.ID)
	if err != nil || got.ID != rec.ID || code == "" || code != want || len(got.History) == 0 {
		t.Fatalf("%v %q %q %+v", err, code, want, got)
	}
	if _, _, err := d.Sheet(ctx, clerk, rec.ID); err != nil {
		t.Fatalf("the drafter's own sheet: %v", err)
	}
	other := review.Actor{User: "刘文书", Role: review.RoleClerk}
	if _, _, err := d.Sheet(ctx, other, rec.ID); review.ErrorCode(err) != review.ErrNotFound {
		t.Fatalf("another clerk: %v", err)
	}
	if _, _, err := d.Sheet(ctx, deputy, rec.ID+100); review.ErrorCode(err) != review.ErrNotFound {
		t.Fatalf("no such draft: %v", err)
	}
}
