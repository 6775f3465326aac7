package index

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"prepub/review"
	"prepub/review/extract"
)

// CatalogueEntry is one item of the public catalogue (政府信息公开目录): a
// draft decided public, with the fields the office's website shows.
type CatalogueEntry struct {
	ID        int64  `json:"id"`        // the draft's record
	IndexNo   string `json:"index_no"`  // 索引号
	Title     string `json:"title"`     // 信息名称
	Publisher string `json:"publisher"` // 发布机构
	DocNo     string `json:"doc_no"`    // 文号, empty when the draft had none
	Written   string `json:"written"`   // 成文日期, YYYY-MM-DD
	Published string `json:"published"` // 发布日期, YYYY-MM-DD: the day it was decided public
	Category  string `json:"category"`  // 主题分类
	// 有效性 on the day asked (有效, 废止 or 失效), its code and since when;
	// computed from the office's marks and the decision's validity period.
	Validity      string         `json:"validity"`
	ValidityCode  string         `json:"validity_code"`
	ValiditySince string         `json:"validity_since,omitempty"`
	Access        string         `json:"access"`   // 公开方式: always 主动公开
	DocType       review.DocType `json:"doc_type"` // 规章, 行政规范性文件 or other
	Series        string         `json:"-"`        // the index number with {seq} in place of the sequence
	Seq           int            `json:"-"`        // the sequence within the series
	Year          int            `json:"-"`        // the year of Published
}

// Catalogue fields the disclosure office may correct. The index number is
// allocated, never typed, so it cannot be corrected.
const (
	FieldTitle     = "title"
	FieldPublisher = "publisher"
	FieldDocNo     = "doc_no"
	FieldWritten   = "written"
	FieldPublished = "published"
	FieldCategory  = "category"
)

// CatalogueFields names the fields that may be corrected, in Chinese, in the catalogue's column order.
var CatalogueFields = []struct{ Key, Name string }{
	{FieldTitle, "信息名称"}, {FieldPublisher, "发布机构"}, {FieldDocNo, "文号"},
	{FieldWritten, "成文日期"}, {FieldPublished, "发布日期"}, {FieldCategory, "主题分类"},
}

// catalogueColumns are the stored columns of an entry, in the order its content hash covers them.
const catalogueColumns = `draft_id, index_no, series, seq, year, title, publisher, doc_no, written, published, category`

// hash is the content hash of an entry as stored.
func (e *CatalogueEntry) hash() string {
	return fieldsHash("catalogue", strconv.FormatInt(e.ID, 10), e.IndexNo, e.Series, strconv.Itoa(e.Seq), strconv.Itoa(e.Year),
		e.Title, e.Publisher, e.DocNo, e.Written, e.Published, e.Category)
}

// addCatalogue gives a draft just decided public its catalogue entry, inside
// the transaction that decides it: the next sequence of its series, read in
// the transaction that holds the audit chain's write lock, so no two entries
// ever share a number (and UNIQUE constraints say so too). A draft that has
// an entry keeps it, and nil is returned.
func (s *Store) addCatalogue(ctx context.Context, tx *writeTx, rec *Record, sch *CatalogueScheme, actor string) (*CatalogueEntry, error) {
	var have int
	if err := tx.queryRow(`SELECT COUNT(*) FROM catalogue WHERE draft_id=$1`, rec.ID).Scan(&have); err != nil {
		return nil, storeErr("无法读取公开目录", err)
	}
	if have > 0 {
		return nil, nil
	}
	published := rec.DecidedAt
	if published.IsZero() {
		published = s.now()
	}
	e := &CatalogueEntry{ID: rec.ID, Series: sch.series(published), Title: rec.Title, Publisher: sch.publisher(rec.Department),
		DocNo: review.DocNumber(&extract.Document{Parts: rec.Parts}), Published: dayOf(published), Category: sch.Category(rec.Department)}
	e.Year = published.In(time.Local).Year()
	e.Written = e.Published
	if rec.IssueDate != "" {
		e.Written = rec.IssueDate
	}
	if err := tx.queryRow(`SELECT COALESCE(MAX(seq), 0) + 1 FROM catalogue WHERE series=$1`, e.Series).Scan(&e.Seq); err != nil {
		return nil, storeErr("无法编排索引号", err)
	}
	e.IndexNo = sch.number(e.Series, e.Seq)
	err := tx.exec(`INSERT INTO catalogue (`+catalogueColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		e.ID, e.IndexNo, e.Series, e.Seq, e.Year, e.Title, e.Publisher, e.DocNo, e.Written, e.Published, e.Category)
	if err != nil {
		if unique(err) {
			return nil, review.Errorf(review.ErrConflict, "索引号 %s 已被占用：请检查公开目录编号方案是否改动过（index_format、agency_code）", e.IndexNo)
		}
		return nil, storeErr("无法写入公开目录", err)
	}
	if err := s.appendAudit(ctx, tx, actor, sideActionOf(sideCatalogue, e.ID, "assign"), 0, e.hash()); err != nil {
		return nil, err
	}
	return e, nil
}

// unique reports a UNIQUE or PRIMARY KEY violation, in SQLite's words or PostgreSQL's.
func unique(err error) bool {
	m := err.Error()
	return strings.Contains(m, "UNIQUE") || strings.Contains(m, "duplicate key")
}

// scanEntry reads an entry's stored columns.
func scanEntry(sc scanner) (*CatalogueEntry, error) {
	e := &CatalogueEntry{}
	err := sc.Scan(&e.ID, &e.IndexNo, &e.Series, &e.Seq, &e.Year, &e.Title, &e.Publisher, &e.DocNo, &e.Written, &e.Published, &e.Category)
	return e, err
}

// catalogueOf returns the stored entries of a year (0: every year), in index number order.
func (s *Store) catalogueOf(ctx context.Context, db querier, year int) ([]CatalogueEntry, error) {
	q := `SELECT ` + catalogueColumns + ` FROM catalogue`
	var args []any
	if year != 0 {
		q, args = q+" WHERE year = $1", []any{year}
	}
	rows, err := db.QueryContext(ctx, q+` ORDER BY published, series, seq`, args...)
	if err != nil {
		return nil, storeErr("无法读取公开目录", err)
	}
	defer rows.Close()
	var out []CatalogueEntry
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, storeErr("无法读取公开目录", err)
		}
		out = append(out, *e)
	}
	return out, rows.Err()
}

// withValidity fills in an entry's validity on day and its document type, from its record and mark.
func (e *CatalogueEntry) withValidity(dec review.Decision, mark *ValidityMark, day string) {
	v := ValidityOn(dec, mark, day)
	e.Validity, e.ValidityCode, e.ValiditySince = ValidityChinese(v.Status), v.Status, v.Since
	e.Access, e.DocType = review.Public.Chinese(), dec.Kind()
}

// Catalogue returns the catalogue entries published in a year, in index
// number order, with their validity as of day (YYYY-MM-DD; empty: today).
func (a *Archive) Catalogue(ctx context.Context, year int, day string) ([]CatalogueEntry, error) {
	if a.Store == nil {
		return nil, errClosed
	}
	if day == "" {
		day = dayOf(a.Store.now())
	}
	entries, err := a.Store.catalogueOf(ctx, a.Store.db, year)
	if err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return entries, nil
	}
	docs, err := a.Store.decisions(ctx, Filter{CatalogueYear: year})
	if err != nil {
		return nil, err
	}
	decs := make(map[int64]review.Decision, len(docs))
	for _, d := range docs {
		decs[d.ID] = d.Decision
	}
	marks, err := a.Store.marks(ctx)
	if err != nil {
		return nil, err
	}
	for i := range entries {
		entries[i].withValidity(decs[entries[i].ID], marks[entries[i].ID], day)
	}
	return entries, nil
}

// CatalogueEntry returns one record's catalogue entry with its validity as of day (empty: today), or an ErrNotFound error.
func (a *Archive) CatalogueEntry(ctx context.Context, id int64, day string) (*CatalogueEntry, error) {
	if a.Store == nil {
		return nil, errClosed
	}
	e, err := scanEntry(a.Store.db.QueryRowContext(ctx, `SELECT `+catalogueColumns+` FROM catalogue WHERE draft_id=$1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, review.Errorf(review.ErrNotFound, "第 %d 号记录不在公开目录中：只有签发决定主动公开的稿件才编入目录", id)
	}
	if err != nil {
		return nil, storeErr("无法读取公开目录", err)
	}
	if day == "" {
		day = dayOf(a.Store.now())
	}
	docs, err := a.Store.decisions(ctx, Filter{ID: id})
	if err != nil {
		return nil, err
	}
	mark, err := a.Validity(ctx, id)
	if err != nil {
		return nil, err
	}
	var dec review.Decision
	if len(docs) == 1 {
		dec = docs[0].Decision
	}
	e.withValidity(dec, mark, day)
	return e, nil
}

// CorrectCatalogue corrects one field of a record's catalogue entry (see
// CatalogueFields): the category must be one of the scheme's, dates are
// YYYY-MM-DD. The record's history says who changed what from what and why;
// both are written with their audit entries in one transaction.
func (a *Archive) CorrectCatalogue(ctx context.Context, id int64, field, value, note, actor string) (*CatalogueEntry, error) {
	if a.Store == nil {
		return nil, errClosed
	}
	name := ""
	for _, f := range CatalogueFields {
		if f.Key == field {
			name = f.Name
		}
	}
	value = strings.TrimSpace(value)
	if err := review.CheckText("更正的内容", value, review.MaxTitleRunes); err != nil {
		return nil, err
	}
	if err := review.CheckText("更正说明", note, review.MaxReasonRunes); err != nil {
		return nil, err
	}
	switch {
	case name == "":
		return nil, review.Errorf(review.ErrInvalid, "公开目录没有可更正的字段 %q：可更正 title、publisher、doc_no、written、published、category（索引号由系统编排，不能更正）", field)
	case value == "" && field != FieldDocNo:
		return nil, review.Errorf(review.ErrInvalid, "%s不能为空", name)
	case field == FieldWritten || field == FieldPublished:
		if _, err := time.Parse(time.DateOnly, value); err != nil {
			return nil, review.Errorf(review.ErrInvalid, "%s %q 无效：应为 YYYY-MM-DD，如 2026-03-15", name, value)
		}
	case field == FieldCategory:
		sch, err := a.CatalogueScheme()
		if err != nil {
			return nil, err
		}
		if !sch.HasCategory(value) {
			return nil, review.Errorf(review.ErrInvalid, "主题分类“%s”不在本机关的分类中（%s）", value, sch.Source)
		}
	}
	var e *CatalogueEntry
	rec, err := a.Store.update(ctx, id, actor, ActionCatalogueCorrect, func(ctx context.Context, tx *writeTx, r *Record) error {
		var err error
		e, err = scanEntry(tx.queryRow(`SELECT `+catalogueColumns+` FROM catalogue WHERE draft_id=$1`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return review.Errorf(review.ErrNotFound, "第 %d 号记录不在公开目录中：只有签发决定主动公开的稿件才编入目录", id)
		}
		if err != nil {
			return storeErr("无法读取公开目录", err)
		}
		ptr := map[string]*string{FieldTitle: &e.Title, FieldPublisher: &e.Publisher, FieldDocNo: &e.DocNo,
			FieldWritten: &e.Written, FieldPublished: &e.Published, FieldCategory: &e.Category}[field]
		if *ptr == value {
			return review.Errorf(review.ErrConflict, "%s已经是“%s”，无需更正", name, value)
		}
		what := fmt.Sprintf("更正公开目录的%s：由“%s”改为“%s”", name, *ptr, value)
		if note = strings.TrimSpace(note); note != "" {
			what += "。" + note
		}
		*ptr = value
		if field == FieldPublished {
			e.Year, _ = strconv.Atoi(value[:4])
		}
		r.History = append(r.History, review.Action{Action: ActionCatalogueCorrect, User: actor, Role: RoleDisclosureOffice, Step: -1,
			Note: what, At: a.Store.now(), State: r.State})
		return nil
	}, func(ctx context.Context, tx *writeTx, r *Record) error {
		tx.queue(`UPDATE catalogue SET title=$2, publisher=$3, doc_no=$4, written=$5, published=$6, category=$7, year=$8 WHERE draft_id=$1`,
			id, e.Title, e.Publisher, e.DocNo, e.Written, e.Published, e.Category, e.Year)
		return a.Store.appendAudit(ctx, tx, actor, sideActionOf(sideCatalogue, id, "correct:"+field), 0, e.hash())
	})
	if err != nil {
		return nil, err
	}
	a.index(rec)
	return a.CatalogueEntry(ctx, id, "")
}

// Catalogue actions in a record's history.
const (
	ActionCatalogue        = "catalogue"         // entered in the catalogue when decided public
	ActionCatalogueCorrect = "catalogue-correct" // a field corrected by the disclosure office
)
