package index_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"prepub/index"
	"prepub/internal/pgtest"
	"prepub/review"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// officeScheme is an office's own catalogue scheme, as its file says it.
const officeScheme = `
publisher = "某县人民政府办公室"
index_format = "{agency}/{period}-{seq}"
agency_code = "11010500-0"
period = "year"
sequence_width = 5
categories = ["综合政务", "财政、金融、审计", "城乡建设、环境保护"]
default_category = "综合政务"
[departments]
"县财政局" = "财政、金融、审计"
`

func mustScheme(t testing.TB, text string) *index.CatalogueScheme {
	t.Helper()
	s, err := index.ParseCatalogueScheme("office.toml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var deputy = review.Actor{User: "赵分管", Role: review.DeputyHead}

// signedPublic submits an ordinary public draft and has the deputy head sign it.
func signedPublic(t testing.TB, d *index.Desk, dept, text string) *index.Record {
	t.Helper()
	rec, err := d.Submit(ctx, clerk, dept, "d.txt", []byte(text), review.Decision{Attribute: review.Public})
	if err != nil || rec.State != review.StateDeputySignOff {
		t.Fatalf("submit: %v %+v", err, rec)
	}
	if rec, err = d.Act(ctx, rec.ID, deputy, review.ActionSign, -1, "同意"); err != nil || rec.State != review.StatePublished {
		t.Fatalf("sign: %v %+v", err, rec)
	}
	return rec
}

// TestCatalogueOnSign ensures the signature that decides a draft public enters it in the catalogue in the
// same transaction, numbered on the office's scheme, and that nothing else is entered.
func TestCatalogueOnSign(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		day := time.Date(2026, 3, 15, 10, 30, 0, 0, time.Local)
		a.Store.Clock = func() time.Time { return day }
		d := desk(t, a)
		d.Catalogue = mustScheme(t, officeScheme)
		rec := signedPublic(t, d, "县财政局", "某县财政局文件\nX财发〔2026〕7号\n关于做好2026年预算公开工作的通知\n各乡镇：\n依据《预算法》（主席令第12号）……\n")
		entries, _ := a.Store.Audit(ctx, 0)
		n := len(entries)
		if assign, sign := entries[n-2], entries[n-1]; assign.Action != "catalogue:"+itoa(rec.ID)+":assign" || assign.DraftID != 0 ||
			sign.Action != review.ActionSign || sign.DraftID != rec.ID || assign.At != sign.At {
			t.Fatalf("the catalogue entry is not written with the signature: %+v %+v", assign, sign)
		}
		e, err := a.CatalogueEntry(ctx, rec.ID, "")
		if err != nil {
			t.Fatal(err)
		}
		want := index.CatalogueEntry{ID: rec.ID, IndexNo: "11010500-0/2026-00001", Title: "关于做好2026年预算公开工作的通知", Publisher: "某县人民政府办公室",
			DocNo: "X财发〔2026〕7号", Written: "2026-03-15", Published: "2026-03-15", Category: "财政、金融、审计",
			Validity: "有效", ValidityCode: index.InForce, Access: "主动公开", DocType: review.DocOther}
		got := *e
		got.Series, got.Seq, got.Year = "", 0, 0
		if got != want {
			t.Errorf("entry\n got %+v\nwant %+v", got, want)
		}
		stored, _ := a.Store.Get(ctx, rec.ID)
		if h := stored.History[len(stored.History)-1]; h.Action != index.ActionCatalogue || !strings.Contains(h.Note, "11010500-0/2026-00001") {
			t.Errorf("history does not tell the index number: %+v", h)
		}
		// The next one follows; a department without a category gets the default.
		if next := signedPublic(t, d, "县住建局", "关于开展城乡环境整治的通知\n各乡镇：\n"); true {
			e2, _ := a.CatalogueEntry(ctx, next.ID, "")
			if e2.IndexNo != "11010500-0/2026-00002" || e2.Category != "综合政务" || e2.DocNo != "" {
				t.Errorf("second entry %+v", e2)
			}
		}
		// Withheld decisions and imports are not entered.
		w, _ := d.Submit(ctx, clerk, "县政府办", "w.txt", []byte("关于某工程标底的说明\n"),
			review.Decision{Attribute: review.Withheld, Basis: "third-party", Reason: "该文件载有投标人的报价等商业秘密，公开会损害其合法权益"})
		d.Act(ctx, w.ID, legal, review.ActionApprove, -1, "依据适当")
		d.Act(ctx, w.ID, principal, review.ActionSign, -1, "同意")
		imp := mustImport(t, a, "i.txt", []byte("关于往年工作的通知\n"), index.ImportMeta{Attribute: review.Public, Date: "2026-01-05"})
		for _, id := range []int64{w.ID, imp} {
			if _, err := a.CatalogueEntry(ctx, id, ""); review.ErrorCode(err) != review.ErrNotFound {
				t.Errorf("record %d entered in the catalogue: %v", id, err)
			}
		}
		list, err := a.Catalogue(ctx, 2026, "")
		if err != nil || len(list) != 2 {
			t.Fatalf("catalogue 2026: %v %+v", err, list)
		}
		if v, err := a.Verify(ctx); err != nil || !v.OK {
			t.Fatalf("%+v %v", v, err)
		}
		if _, err := a.SheetCode(ctx, rec.ID); err != nil {
			t.Errorf("a catalogued draft gets no sheet code: %v", err)
		}
	})
}

// TestCatalogueConcurrentSigning ensures index numbers never repeat or skip when two desks on one
// database (two office servers, or a server and a desktop) sign many drafts at once, on SQLite and PostgreSQL.
func TestCatalogueConcurrentSigning(t *testing.T) {
	const drafts = 16
	run := func(t *testing.T, open func() *index.Store) {
		var desks []*index.Desk
		for range 2 {
			st := open()
			a, err := index.OpenWith(st, t.TempDir(), nil)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { a.Close() })
			d := desk(t, a)
			d.Catalogue = mustScheme(t, officeScheme)
			desks = append(desks, d)
		}
		var ids []int64
		for i := range drafts {
			rec, err := desks[0].Submit(ctx, clerk, "县政府办", "d.txt", fmt.Appendf(nil, "关于第%d项工作的通知\n各单位：\n", i), review.Decision{Attribute: review.Public})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, rec.ID)
		}
		var wg sync.WaitGroup
		errs := make([]error, drafts)
		for i, id := range ids {
			wg.Go(func() {
				_, errs[i] = desks[i%2].Act(ctx, id, deputy, review.ActionSign, -1, "同意")
			})
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("draft %d: %v", ids[i], err)
			}
		}
		list, err := desks[1].Archive.Catalogue(ctx, time.Now().Year(), "")
		if err != nil || len(list) != drafts {
			t.Fatalf("%d entries, want %d: %v", len(list), drafts, err)
		}
		seen := map[string]bool{}
		for _, e := range list {
			seen[e.IndexNo] = true
		}
		for seq := 1; seq <= drafts; seq++ {
			if no := fmt.Sprintf("11010500-0/%d-%05d", time.Now().Year(), seq); !seen[no] {
				t.Errorf("%s missing: %v", no, seen)
			}
		}
		if v, err := desks[0].Archive.Verify(ctx); err != nil || !v.OK {
			t.Fatalf("%+v %v", v, err)
		}
	}
	t.Run("SQLite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "archive.db")
		run(t, func() *index.Store {
			st, err := index.OpenStore(path)
			if err != nil {
				t.Fatal(err)
			}
			return st
		})
	})
	t.Run("PostgreSQL", func(t *testing.T) {
		base := os.Getenv(pgEnv)
		if base == "" {
			t.Skip(pgEnv + " not set: run through scripts/test-pg.sh")
		}
		u := pgtest.Database(t, base)
		run(t, func() *index.Store {
			st, err := index.OpenPostgres(u)
			if err != nil {
				t.Fatal(err)
			}
			return st
		})
	})
}

// TestCatalogueCorrect ensures the disclosure office corrects a field, audited and in the record's
// history, within the office's categories, never the index number; and verify finds a hand-made change.
func TestCatalogueCorrect(t *testing.T) {
	a, dir := mustOpen(t)
	if err := os.WriteFile(filepath.Join(dir, index.CatalogueFile), []byte(officeScheme), 0o600); err != nil {
		t.Fatal(err)
	}
	d := desk(t, a) // no scheme of its own: the archive folder's catalogue.toml
	rec := signedPublic(t, d, "县政府办", "关于加强城乡环境卫生管理的通知\n各乡镇：\n")
	e, _ := a.CatalogueEntry(ctx, rec.ID, "")
	if !strings.HasPrefix(e.IndexNo, "11010500-0/") || e.Publisher != "某县人民政府办公室" {
		t.Fatalf("the archive folder's scheme is not in force: %+v", e)
	}
	for _, tc := range []struct{ field, value, code string }{
		{"index_no", "11010500-0/2026-00099", review.ErrInvalid},
		{index.FieldCategory, "不存在的分类", review.ErrInvalid},
		{index.FieldWritten, "2026/3/1", review.ErrInvalid},
		{index.FieldTitle, "", review.ErrInvalid},
		{index.FieldCategory, e.Category, review.ErrConflict},
	} {
		if _, err := a.CorrectCatalogue(ctx, rec.ID, tc.field, tc.value, "", "政务公开办"); review.ErrorCode(err) != tc.code {
			t.Errorf("%s=%q: %v, want %s", tc.field, tc.value, err, tc.code)
		}
	}
	got, err := a.CorrectCatalogue(ctx, rec.ID, index.FieldCategory, "城乡建设、环境保护", "按内容归类", "政务公开办")
	if err != nil || got.Category != "城乡建设、环境保护" || got.IndexNo != e.IndexNo {
		t.Fatalf("%+v %v", got, err)
	}
	if got, err = a.CorrectCatalogue(ctx, rec.ID, index.FieldDocNo, "县政办发〔2026〕3号", "", "政务公开办"); err != nil || got.DocNo != "县政办发〔2026〕3号" {
		t.Fatalf("%+v %v", got, err)
	}
	stored, _ := a.Store.Get(ctx, rec.ID)
	h := stored.History[len(stored.History)-2]
	if h.Action != index.ActionCatalogueCorrect || h.User != "政务公开办" || !strings.Contains(h.Note, "主题分类：由“综合政务”改为“城乡建设、环境保护”。按内容归类") {
		t.Errorf("history %+v", h)
	}
	entries, _ := a.Store.Audit(ctx, 0)
	if last := entries[len(entries)-1]; last.Action != "catalogue:"+itoa(rec.ID)+":correct:doc_no" {
		t.Errorf("last audit entry %+v", last)
	}
	if v, _ := a.Verify(ctx); !v.OK {
		t.Fatalf("%+v", v)
	}
	sqlExec(t, dir, `UPDATE catalogue SET title='别的标题'`)
	if v, _ := a.Verify(ctx); v.OK || !strings.Contains(v.Problem, "公开目录条目") {
		t.Fatalf("tampered entry not found: %+v", v)
	}
}

// TestCatalogueExport ensures a year's catalogue exports as CSV, .xlsx and JSON with the contract's fields,
// validity included.
func TestCatalogueExport(t *testing.T) {
	a, _ := mustOpen(t)
	a.Store.Clock = func() time.Time { return time.Date(2026, 4, 1, 9, 0, 0, 0, time.Local) }
	d := desk(t, a)
	d.Catalogue = mustScheme(t, officeScheme)
	r1 := signedPublic(t, d, "县财政局", "关于公布某县财政资金使用情况的通知\n各单位：\n")
	signedPublic(t, d, "县政府办", "关于召开全县安全生产会议的通知\n各单位：\n")
	if _, err := a.SetValidity(ctx, r1.ID, index.Repealed, "2026-04-01", "", "政务公开办"); err != nil {
		t.Fatal(err)
	}
	list, err := a.Catalogue(ctx, 2026, "2026-04-02")
	if err != nil || len(list) != 2 || list[0].Validity != "废止" || list[1].Validity != "有效" {
		t.Fatalf("%v %+v", err, list)
	}
	if old, _ := a.Catalogue(ctx, 2026, "2026-03-31"); old[0].Validity != "有效" {
		t.Errorf("validity before the repeal: %+v", old[0])
	}
	var csv bytes.Buffer
	if err := index.WriteCatalogueCSV(&csv, list); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(csv.String()), "\r\n")
	if len(lines) != 3 || lines[0] != "\uFEFF索引号,信息名称,发布机构,文号,成文日期,发布日期,主题分类,公开方式,有效性,档案编号" ||
		lines[1] != "11010500-0/2026-00001,关于公布某县财政资金使用情况的通知,某县人民政府办公室,,2026-04-01,2026-04-01,财政、金融、审计,主动公开,废止,"+itoa(r1.ID) {
		t.Errorf("csv:\n%s", csv.String())
	}
	var xb bytes.Buffer
	if err := index.WriteCatalogueXLSX(&xb, 2026, list); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&xb)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	rows, _ := f.GetRows(sheet)
	if sheet != "2026年政府信息公开目录" || len(rows) != 4 || rows[1][0] != "索引号" || rows[2][0] != "11010500-0/2026-00001" || rows[3][8] != "有效" {
		t.Errorf("xlsx %s: %q", sheet, rows)
	}
	if pl, _ := f.GetPageLayout(sheet); pl.Size == nil || *pl.Size != 9 || *pl.Orientation != "landscape" {
		t.Errorf("page layout %+v", pl)
	}
	b, _ := json.Marshal(list[0])
	var m map[string]any
	json.Unmarshal(b, &m)
	for _, k := range []string{"index_no", "title", "publisher", "doc_no", "written", "published", "category", "validity", "id"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, b)
		}
	}
}

// TestCatalogueScheme ensures the default scheme holds, an office's month-numbered scheme numbers by month,
// and a scheme that cannot number or classify is refused with a message naming what to change.
func TestCatalogueScheme(t *testing.T) {
	def := index.DefaultCatalogueScheme()
	if def.Period != index.PeriodYear || def.SequenceWidth != 5 || len(def.Categories) != 21 || def.Category("县政府办") != "综合政务" {
		t.Errorf("default scheme %+v", def)
	}
	month := strings.Replace(strings.Replace(officeScheme, `period = "year"`, `period = "month"`, 1), "sequence_width = 5", "sequence_width = 3", 1)
	a, _ := mustOpen(t)
	a.Store.Clock = func() time.Time { return time.Date(2026, 10, 8, 9, 0, 0, 0, time.Local) }
	d := desk(t, a)
	d.Catalogue = mustScheme(t, month)
	rec := signedPublic(t, d, "县财政局", "关于某事项的通知\n各单位：\n")
	if e, _ := a.CatalogueEntry(ctx, rec.ID, ""); e.IndexNo != "11010500-0/202610-001" {
		t.Errorf("month scheme: %q", e.IndexNo)
	}
	for _, tc := range []struct{ name, change, want string }{
		{"NoSeq", `index_format = "{agency}/{period}"`, "{seq}"},
		{"UnknownPart", `index_format = "{agency}/{year}-{seq}"`, "只能用"},
		{"BadPeriod", `period = "quarter"`, "period"},
		{"Width", `sequence_width = 0`, "sequence_width"},
		{"UnknownKey", `prefix = "x"`, "无法识别"},
		{"DefaultNotListed", `default_category = "其他"`, "default_category"},
		{"Syntax", `agency_code = `, "第"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := officeScheme
			key, _, _ := strings.Cut(tc.change, " =")
			if i := strings.Index(text, "\n"+key+" ="); i >= 0 {
				end := strings.Index(text[i+1:], "\n")
				text = text[:i+1] + tc.change + text[i+1+end:]
			} else {
				text = tc.change + "\n" + text
			}
			_, err := index.ParseCatalogueScheme("office.toml", []byte(text))
			if review.ErrorCode(err) != review.ErrInvalid || !strings.Contains(review.ErrorMessage(err), tc.want) || !strings.Contains(review.ErrorMessage(err), "office.toml") {
				t.Errorf("%v, want a message naming %q", err, tc.want)
			}
		})
	}
}

// TestBackupKeepsSideRows ensures a backup restores catalogue entries, validity marks and typed report
// values exactly, so the restored chain verifies and numbering goes on after them.
func TestBackupKeepsSideRows(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		d := desk(t, a)
		d.Catalogue = mustScheme(t, officeScheme)
		rec := signedPublic(t, d, "县财政局", "关于公布某县专项资金分配结果的通知\n各单位：\n")
		if _, err := a.SetValidity(ctx, rec.ID, index.Expired, "", "到期", "政务公开办"); err != nil {
			t.Fatal(err)
		}
		if _, err := a.SetReportValues(ctx, 2026, map[string]string{"licensing": "3", "problems": "无"}, "政务公开办"); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := a.Store.Backup(ctx, &buf); err != nil {
			t.Fatal(err)
		}
		b, _ := mustOpen(t)
		if err := b.Store.Restore(ctx, bytes.NewReader(buf.Bytes())); err != nil {
			t.Fatal(err)
		}
		if v, err := b.Verify(ctx); err != nil || !v.OK {
			t.Fatalf("%+v %v", v, err)
		}
		e1, _ := a.CatalogueEntry(ctx, rec.ID, "")
		e2, err := b.CatalogueEntry(ctx, rec.ID, "")
		if err != nil || *e1 != *e2 || e2.Validity != "失效" {
			t.Fatalf("restored entry %+v, was %+v: %v", e2, e1, err)
		}
		if vals, _ := b.ReportValues(ctx, 2026); vals["licensing"] != "3" || vals["problems"] != "无" {
			t.Errorf("restored values %v", vals)
		}
		d2 := desk(t, b)
		d2.Catalogue = d.Catalogue
		next := signedPublic(t, d2, "县财政局", "关于另一事项的通知\n各单位：\n")
		if e, _ := b.CatalogueEntry(ctx, next.ID, ""); e.Seq != e1.Seq+1 {
			t.Errorf("numbering after restore: %+v", e)
		}
	})
}

// TestMigrateDocTypes ensures an archive made before document types (schema version 2) opens with its
// drafts marked normative counted as normative documents, and still verifies.
func TestMigrateDocTypes(t *testing.T) {
	a, dir := mustOpen(t)
	// A decision as the app kept it before document types: marked normative, no type.
	old := &index.Record{Title: "关于印发某县规范性文件的通知", Attribute: review.Public, State: review.StatePublished,
		DecidedAt: time.Date(2025, 2, 1, 0, 0, 0, 0, time.Local), Decision: review.Decision{Attribute: review.Public, Normative: true}}
	if _, err := a.Put(ctx, old, nil, "政务公开办", "import"); err != nil {
		t.Fatal(err)
	}
	mustImport(t, a, "p.txt", []byte("关于召开会议的通知\n"), index.ImportMeta{Attribute: review.Public, Date: "2025-02-02"})
	a.Close()
	// Back to version 2: the tables and columns this change added are gone.
	sqlExec(t, dir, `DROP INDEX drafts_doc_type; ALTER TABLE drafts DROP COLUMN doc_type; ALTER TABLE drafts DROP COLUMN valid_until;
		DROP TABLE catalogue; DROP TABLE validity; DROP TABLE report_values; DROP TABLE release_copies; DROP TABLE submissions;
		ALTER TABLE users DROP COLUMN disabled; ALTER TABLE users DROP COLUMN password_changed_at; DELETE FROM schema_migrations WHERE version > 2`)
	a, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if v, err := a.Verify(ctx); err != nil || !v.OK {
		t.Fatalf("%+v %v", v, err)
	}
	r, err := a.Report(ctx, 2025)
	if err != nil || r.Section2[1].Issued != 1 || r.Section2[1].InForce != 1 || r.Section2[0].Issued != 0 || r.ByAttribute["public"] != 2 {
		t.Fatalf("%v %+v", err, r.Section2)
	}
}
