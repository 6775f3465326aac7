package index

import (
	"context"

	"prepub/review"
)

// The desk also answers the disclosure office's paperwork: the sign-off
// sheet of a draft, the public catalogue, validity marks and the items of the
// annual report typed in. Each method takes the caller and decides here, once,
// whether they may act, so the desktop app and the office server refuse alike.

// mayKeep refuses a caller who does not keep the archive (the disclosure office, an administrator).
func mayKeep(a review.Actor, what string) error {
	if !MayKeepArchive(a.Role) {
		return review.Errorf(review.ErrForbidden, "只有政务公开办和管理员可以%s", what)
	}
	return nil
}

// Sheet returns a draft as it is now with the verification code of exactly
// that state, for its sign-off sheet (审查表), to whoever may read the record
// (desk_read.go); to anyone else, another clerk included, it is not found.
func (d *Desk) Sheet(ctx context.Context, a review.Actor, id int64) (*Record, string, error) {
	if !validAccountRole(a.Role) {
		return nil, "", review.Errorf(review.ErrForbidden, "请先登录")
	}
	rec, code, err := d.Archive.Store.SheetRecord(ctx, id)
	if err != nil {
		return nil, "", err
	}
	if !mayRead(rec, a) {
		return nil, "", notFound(id)
	}
	return rec, code, nil
}

// CatalogueEntries returns the public catalogue entries published in a year, with their validity today.
func (d *Desk) CatalogueEntries(ctx context.Context, a review.Actor, year int) ([]CatalogueEntry, error) {
	if err := mayKeep(a, "查看政府信息公开目录"); err != nil {
		return nil, err
	}
	if err := checkYear(year); err != nil {
		return nil, err
	}
	return d.Archive.Catalogue(ctx, year, "")
}

// CorrectCatalogue corrects one field of a record's catalogue entry (Archive.CorrectCatalogue).
func (d *Desk) CorrectCatalogue(ctx context.Context, a review.Actor, id int64, field, value, note string) (*CatalogueEntry, error) {
	if err := mayKeep(a, "更正政府信息公开目录"); err != nil {
		return nil, err
	}
	return d.Archive.CorrectCatalogue(ctx, id, field, value, note, a.User)
}

// SetValidity marks a decided document repealed, expired or in force again from a day (Archive.SetValidity).
func (d *Desk) SetValidity(ctx context.Context, a review.Actor, id int64, status, since, note string) (*ValidityMark, error) {
	if err := mayKeep(a, "标注文件的有效性"); err != nil {
		return nil, err
	}
	return d.Archive.SetValidity(ctx, id, status, since, note, a.User)
}

// ReportValues returns the annual report's items typed in for a year.
func (d *Desk) ReportValues(ctx context.Context, a review.Actor, year int) (ReportValues, error) {
	if err := mayKeep(a, "查看年度报告"); err != nil {
		return nil, err
	}
	if err := checkYear(year); err != nil {
		return nil, err
	}
	return d.Archive.ReportValues(ctx, year)
}

// SetReportValues keeps the annual report's items typed in for a year (Archive.SetReportValues).
func (d *Desk) SetReportValues(ctx context.Context, a review.Actor, year int, values map[string]string) (ReportValues, error) {
	if err := mayKeep(a, "填报年度报告"); err != nil {
		return nil, err
	}
	if err := checkYear(year); err != nil {
		return nil, err
	}
	return d.Archive.SetReportValues(ctx, year, values, a.User)
}

// LatestDecisionYear returns the (local) year of the archive's latest
// decision, or 0 when nothing has been decided yet: the year the report and
// the catalogue open on.
func (d *Desk) LatestDecisionYear(ctx context.Context, a review.Actor) (int, error) {
	if err := mayKeep(a, "查看年度报告"); err != nil {
		return 0, err
	}
	return d.Archive.Store.latestDecisionYear(ctx)
}
