package index_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"prepub/index"
	"prepub/review"
)

// updateGolden rewrites the report's golden files from the fixture archive: go test ./index -run Golden -update.
var updateGolden = flag.Bool("update", false, "rewrite testdata/report_golden.json and .csv")

// reportTable3 is table 三 of the 〔2021〕30号 format as the DOMAIN lists it, written out by hand.
var reportTable3 = [][2]string{
	{"一", "本年新收政府信息公开申请数量"},
	{"二", "上年结转政府信息公开申请数量"},
	{"三（一）", "予以公开"},
	{"三（二）", "部分公开（区分处理的，只计这一情形，不计其他情形）"},
	{"三（三）1", "属于国家秘密"},
	{"三（三）2", "其他法律行政法规禁止公开"},
	{"三（三）3", "危及“三安全一稳定”"},
	{"三（三）4", "保护第三方合法权益"},
	{"三（三）5", "属于三类内部事务信息"},
	{"三（三）6", "属于四类过程性信息"},
	{"三（三）7", "属于行政执法案卷"},
	{"三（三）8", "属于行政查询事项"},
	{"三（四）1", "本机关不掌握相关政府信息"},
	{"三（四）2", "没有现成信息需要另行制作"},
	{"三（四）3", "补正后申请内容仍不明确"},
	{"三（五）1", "信访举报投诉类申请"},
	{"三（五）2", "重复申请"},
	{"三（五）3", "要求提供公开出版物"},
	{"三（五）4", "无正当理由大量反复申请"},
	{"三（五）5", "要求行政机关确认或重新出具已获取信息"},
	{"三（六）1", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
	{"三（六）2", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
	{"三（六）3", "其他"},
	{"三（七）", "总计"},
	{"四", "结转下年度继续办理"},
}

// reportAt is a local time in the year, month and day given, at hh:mm.
func reportAt(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, time.Local)
}

// reportRedacted is a decision with one passage withheld.
var reportRedacted = review.Decision{Redactions: []review.Redaction{{Text: "张三 13812345678", Basis: "third-party", Reason: "个人信息"}}}

// reportRecords is a mix of years, attributes, bases and states; 11 of them count for 2024.
func reportRecords() []index.Record {
	mid := reportAt(2024, 6, 15, 10, 0)
	return []index.Record{
		// Counted in 2024.
		{ID: 1, Attribute: review.Public, State: review.StatePublished, DecidedAt: reportAt(2024, 1, 1, 0, 0)},
		{ID: 2, Attribute: review.OnRequest, State: review.StateOnRequest, DecidedAt: mid},
		{ID: 3, Attribute: review.Public, State: review.StatePublished, DecidedAt: mid, Decision: reportRedacted},
		{ID: 4, Attribute: review.OnRequest, State: review.StateOnRequest, DecidedAt: mid, Decision: reportRedacted},
		{ID: 5, Attribute: review.Withheld, Basis: "state-secret", State: review.StateWithheldFinal, DecidedAt: mid},
		{ID: 6, Attribute: review.Withheld, Basis: "process-info", State: review.StateWithheldFinal, DecidedAt: mid},
		{ID: 7, Attribute: review.Withheld, Basis: "process-info", State: review.StateWithheldFinal, DecidedAt: reportAt(2024, 12, 31, 23, 59)},
		{ID: 8, Attribute: review.Withheld, Basis: "query-matter", State: review.StateWithheldFinal, DecidedAt: mid},
		{ID: 9, Attribute: review.Withheld, Basis: "", State: review.StateWithheldFinal, DecidedAt: mid},
		{ID: 10, Attribute: review.Withheld, Basis: "no-such-basis", State: review.StateWithheldFinal, DecidedAt: mid},
		// Withheld with redactions is not partial: it counts under its basis.
		{ID: 11, Attribute: review.Withheld, Basis: "third-party", State: review.StateWithheldFinal, DecidedAt: mid, Decision: reportRedacted},
		// Not counted: undecided, returned, other years, never decided.
		{ID: 12, Attribute: review.Public, State: review.StateLegalReview, DecidedAt: mid},
		{ID: 13, Attribute: review.Withheld, Basis: "state-secret", State: review.StateReturned, DecidedAt: mid},
		{ID: 14, Attribute: review.Withheld, Basis: "state-secret", State: review.StateDraft},
		{ID: 15, Attribute: review.Public, State: review.StatePublished, DecidedAt: reportAt(2023, 12, 31, 23, 59)},
		{ID: 16, Attribute: review.Withheld, Basis: "law-forbids", State: review.StateWithheldFinal, DecidedAt: reportAt(2025, 1, 1, 0, 0)},
		{ID: 17, Attribute: review.Public, State: review.StatePublished},
	}
}

// TestReportTable3ZeroInOrder ensures table 三 has the format's rows and labels in order and stays all zero
// however many drafts were decided: it counts applications from the public, never drafts.
func TestReportTable3ZeroInOrder(t *testing.T) {
	for _, year := range []int{2024, 1999} {
		r := index.BuildReport(year, reportRecords(), nil, nil)
		if len(r.Rows) != len(reportTable3) {
			t.Fatalf("%d rows, want %d", len(r.Rows), len(reportTable3))
		}
		for i, row := range r.Rows {
			if row.Row != reportTable3[i][0] || row.Label != reportTable3[i][1] {
				t.Errorf("row %d = %q %q, want %q %q", i, row.Row, row.Label, reportTable3[i][0], reportTable3[i][1])
			}
			if row.Count != 0 {
				t.Errorf("%d: %s = %d: table 三 must not count drafts", year, row.Row, row.Count)
			}
		}
	}
	r := index.BuildReport(2024, nil, nil, nil)
	for i, b := range review.Bases {
		if got := r.Rows[4+i]; got.Label != b.Name || got.Row != "三（三）"+strconv.Itoa(i+1) {
			t.Errorf("basis %s: row %q %q, want label %q", b.Code, got.Row, got.Label, b.Name)
		}
	}
}

// TestReportOwnStatistics ensures the office's own statistics count the year's draft decisions by attribute and basis.
func TestReportOwnStatistics(t *testing.T) {
	r := index.BuildReport(2024, reportRecords(), nil, nil)
	if r.Year != 2024 || r.Total != 11 || r.Partial != 2 {
		t.Errorf("year %d, total %d, partial %d; want 2024, 11, 2", r.Year, r.Total, r.Partial)
	}
	wantAttr := map[string]int{"public": 2, "on-request": 2, "withheld": 7}
	if len(r.ByAttribute) != len(wantAttr) {
		t.Errorf("ByAttribute = %v, want %v", r.ByAttribute, wantAttr)
	}
	for a, n := range wantAttr {
		if r.ByAttribute[a] != n {
			t.Errorf("ByAttribute[%s] = %d, want %d", a, r.ByAttribute[a], n)
		}
	}
	wantBasis := map[string]int{"state-secret": 1, "third-party": 1, "process-info": 2, "query-matter": 1}
	if len(r.ByBasis) != len(review.Bases) {
		t.Errorf("ByBasis has %d codes, want all %d: %v", len(r.ByBasis), len(review.Bases), r.ByBasis)
	}
	for _, b := range review.Bases {
		if n, ok := r.ByBasis[b.Code]; !ok || n != wantBasis[b.Code] {
			t.Errorf("ByBasis[%s] = %d (present %v), want %d", b.Code, n, ok, wantBasis[b.Code])
		}
	}
	r25 := index.BuildReport(2025, reportRecords(), nil, nil)
	if r25.Total != 1 || r25.ByBasis["law-forbids"] != 1 {
		t.Errorf("2025: total %d, law-forbids %d", r25.Total, r25.ByBasis["law-forbids"])
	}
	empty := index.BuildReport(2024, nil, nil, nil)
	if empty.Total != 0 || len(empty.ByBasis) != 8 || len(empty.ByAttribute) != 3 || len(empty.Section2) != 2 {
		t.Errorf("empty report: %+v", empty)
	}
}

// reportDoc is one document of the fixture archive.
type reportDoc struct {
	title, date string
	attr        review.Attribute
	basis       string
	doc         review.DocType
	until       string
	mark        string // validity status the office sets, with since
	since       string
}

// reportFixture is an archive over 2024–2026 with rules and normative documents issued,
// expiring by their period, repealed, expired and reinstated, and items typed in for 2026.
var reportFixture = []reportDoc{
	{title: "某县人民政府关于规章甲的决定", date: "2024-12-31", attr: review.Public, doc: review.DocRegulation},
	{title: "某县规章乙", date: "2025-03-01", attr: review.Public, doc: review.DocRegulation},
	{title: "规范性文件一（有效期至2025年10月31日，2026年起恢复有效）", date: "2025-04-01", attr: review.Public, doc: review.DocNormative, until: "2025-10-31", mark: index.InForce, since: "2026-01-01"},
	{title: "规范性文件二（2026年3月废止）", date: "2025-06-01", attr: review.Public, doc: review.DocNormative, mark: index.Repealed, since: "2026-03-01"},
	{title: "规范性文件三（有效期至2027年6月30日）", date: "2025-07-01", attr: review.Public, doc: review.DocNormative, until: "2027-06-30"},
	{title: "关于召开全县会议的通知", date: "2025-05-01", attr: review.Public},
	{title: "关于防汛物资储备的情况报告", date: "2025-08-01", attr: review.Withheld, basis: "state-secret"},
	{title: "关于个别企业补贴的批复", date: "2025-09-01", attr: review.OnRequest},
	{title: "依申请公开的规范性文件（不计入第二十条）", date: "2025-09-10", attr: review.OnRequest, doc: review.DocNormative},
	{title: "某县规章丙", date: "2026-02-01", attr: review.Public, doc: review.DocRegulation},
	{title: "规范性文件四（2026年12月31日废止）", date: "2026-01-15", attr: review.Public, doc: review.DocNormative, mark: index.Repealed, since: "2026-12-31"},
	{title: "规范性文件五（2026年9月失效）", date: "2026-05-05", attr: review.Public, doc: review.DocNormative, mark: index.Expired, since: "2026-09-01"},
	{title: "规范性文件六（有效期至2026年12月31日）", date: "2026-06-06", attr: review.Public, doc: review.DocNormative, until: "2026-12-31"},
	{title: "关于征求意见稿的说明", date: "2026-03-03", attr: review.Withheld, basis: "process-info"},
}

// reportTyped are the items the office types in for 2026, as typed (full-width digits, separators).
var reportTyped = map[string]string{
	"licensing": "１２", "penalty": "1,234", "compulsion": "0", "fees": "56.78",
	"reconsideration.upheld": "2", "reconsideration.corrected": "1", "litigation.pending": "1",
	"problems": "  政务公开专栏更新不够及时，下一步将建立每月检查制度。\n",
}

// loadReportFixture imports the fixture documents, sets their validity marks and types the 2026 items.
func loadReportFixture(t testing.TB, a *index.Archive) {
	t.Helper()
	sc := scanner(t)
	for i, d := range reportFixture {
		m := index.ImportMeta{Attribute: d.attr, Basis: d.basis, Title: d.title, Department: "县政府办", Date: d.date,
			Actor: "政务公开办", DocType: d.doc, ValidUntil: d.until}
		if d.attr != review.Public {
			m.Reason = "本件涉及的事项依法不宜主动公开，特此说明理由。"
		}
		id, _, err := a.Import(ctx, sc, fmt.Sprintf("%02d.txt", i+1), []byte(d.title+"\n各单位：现将有关事项通知如下。\n"), m)
		if err != nil {
			t.Fatalf("import %s: %v", d.title, err)
		}
		if d.mark != "" {
			if _, err := a.SetValidity(ctx, id, d.mark, d.since, "清理规范性文件", "政务公开办"); err != nil {
				t.Fatalf("mark %s: %v", d.title, err)
			}
		}
	}
	if _, err := a.SetReportValues(ctx, 2026, reportTyped, "政务公开办"); err != nil {
		t.Fatal(err)
	}
}

// TestReportSection2 ensures section 二's rows on a real archive across two years: issued in the year,
// repealed in the year, and in force on its last day, with periods running out by themselves.
func TestReportSection2(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		loadReportFixture(t, a)
		for _, tc := range []struct {
			year           int
			reg, normative index.Section2Row
			total          int
		}{
			{2025, index.Section2Row{Issued: 1, Repealed: 0, InForce: 2}, index.Section2Row{Issued: 3, Repealed: 0, InForce: 2}, 8},
			{2026, index.Section2Row{Issued: 1, Repealed: 0, InForce: 3}, index.Section2Row{Issued: 3, Repealed: 2, InForce: 3}, 5},
		} {
			r, err := a.Report(ctx, tc.year)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Section2) != 2 || r.Section2[0].Row != "规章" || r.Section2[1].Row != "行政规范性文件" {
				t.Fatalf("section2 rows %+v", r.Section2)
			}
			for i, want := range []index.Section2Row{tc.reg, tc.normative} {
				got := r.Section2[i]
				if got.Issued != want.Issued || got.Repealed != want.Repealed || got.InForce != want.InForce {
					t.Errorf("%d %s: issued/repealed/in force %d/%d/%d, want %d/%d/%d", tc.year, got.Row,
						got.Issued, got.Repealed, got.InForce, want.Issued, want.Repealed, want.InForce)
				}
			}
			if r.Total != tc.total {
				t.Errorf("%d: %d draft decisions, want %d", tc.year, r.Total, tc.total)
			}
			for _, row := range r.Rows {
				if row.Count != 0 {
					t.Errorf("%d: table 三 %s = %d", tc.year, row.Row, row.Count)
				}
			}
		}
		if v, err := a.Verify(ctx); err != nil || !v.OK {
			t.Fatalf("verify: %v %+v", err, v)
		}
	})
}

// TestReportGolden ensures the report's JSON and CSV on the fixture archive are exactly the golden files
// (regenerate with -update), on SQLite and PostgreSQL alike.
func TestReportGolden(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		loadReportFixture(t, a)
		r, err := a.Report(ctx, 2026)
		if err != nil {
			t.Fatal(err)
		}
		js, err := json.MarshalIndent(r, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		js = append(js, '\n')
		var csv bytes.Buffer
		if err := r.WriteCSV(&csv); err != nil {
			t.Fatal(err)
		}
		for _, g := range []struct {
			file string
			got  []byte
		}{{"report_golden.json", js}, {"report_golden.csv", csv.Bytes()}} {
			path := filepath.Join("testdata", g.file)
			if *updateGolden && strings.HasSuffix(t.Name(), "SQLite") {
				if err := os.WriteFile(path, g.got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./index -run Golden -update to write it)", err)
			}
			if !bytes.Equal(g.got, want) {
				t.Errorf("%s differs from the golden file (rerun with -update if the change is meant):\n%s", g.file, g.got)
			}
		}
		// The contract's fields, as the DESIGN spells them.
		var c struct {
			Year     int `json:"year"`
			Section2 []struct {
				Row      *string `json:"row"`
				Issued   *int    `json:"issued"`
				Repealed *int    `json:"repealed"`
				InForce  *int    `json:"in_force"`
			} `json:"section2"`
			Rows []struct {
				Row, Label string
				Count      *int
			} `json:"rows"`
			ByAttribute map[string]int `json:"by_attribute"`
			ByBasis     map[string]int `json:"by_basis"`
		}
		if err := json.Unmarshal(js, &c); err != nil {
			t.Fatal(err)
		}
		if c.Year != 2026 || len(c.Section2) != 2 || c.Section2[1].InForce == nil || *c.Section2[1].Repealed != 2 ||
			len(c.Rows) != len(reportTable3) || c.Rows[4].Label != "属于国家秘密" || c.ByBasis["process-info"] != 1 || c.ByAttribute["public"] != 4 {
			t.Errorf("contract fields: %s", js)
		}
		if !bytes.Contains(js, []byte(`"row": "三（三）1",`)) || !bytes.HasPrefix(csv.Bytes(), []byte("\xEF\xBB\xBF表,序号,项目,栏目,数值\r\n")) {
			t.Errorf("JSON row codes or CSV heading not as specified")
		}
	})
}

// TestReportValues ensures typed-in items are checked and normalized, kept per year with an audit entry,
// cleared when emptied, and that a value changed outside the program is found by verify.
func TestReportValues(t *testing.T) {
	a, dir := mustOpen(t)
	got, err := a.SetReportValues(ctx, 2026, reportTyped, "政务公开办")
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{"licensing": "12", "penalty": "1234", "fees": "56.78", "problems": "政务公开专栏更新不够及时，下一步将建立每月检查制度。"} {
		if got[k] != want {
			t.Errorf("%s = %q, want %q", k, got[k], want)
		}
	}
	for _, bad := range []map[string]string{{"licensing": "十二"}, {"licensing": "-1"}, {"fees": "1.23456"}, {"fees": "abc"}, {"no-such-item": "1"}} {
		if _, err := a.SetReportValues(ctx, 2026, bad, "政务公开办"); review.ErrorCode(err) != review.ErrInvalid || !strings.ContainsAny(review.ErrorMessage(err), "应年") {
			t.Errorf("%v accepted or unclear: %v", bad, err)
		}
	}
	if _, err := a.SetReportValues(ctx, 2026, map[string]string{"penalty": ""}, "政务公开办"); err != nil {
		t.Fatal(err)
	}
	vals, _ := a.ReportValues(ctx, 2026)
	if _, ok := vals["penalty"]; ok || vals["licensing"] != "12" {
		t.Errorf("after clearing penalty: %v", vals)
	}
	if other, _ := a.ReportValues(ctx, 2025); len(other) != 0 {
		t.Errorf("2025 has values: %v", other)
	}
	entries, _ := a.Store.Audit(ctx, 0)
	if len(entries) != 2 || entries[1].Action != "report-values:2026" || entries[1].Actor != "政务公开办" {
		t.Fatalf("audit %+v", entries)
	}
	rep, _ := a.Report(ctx, 2026)
	if rep.Value("licensing") != "12" || rep.Section4[0].Upheld != 2 || rep.Section4[0].Total != 3 || rep.Section4[1].Pending != 1 {
		t.Errorf("report typed %+v, section4 %+v", rep.Typed, rep.Section4)
	}
	if v, _ := a.Verify(ctx); !v.OK {
		t.Fatalf("%+v", v)
	}
	sqlExec(t, dir, `UPDATE report_values SET value='99' WHERE item='licensing'`)
	if v, _ := a.Verify(ctx); v.OK || !strings.Contains(v.Problem, "年报填报数据") {
		t.Fatalf("tampered value not found: %+v", v)
	}
}

// TestReportXLSX ensures the workbook has a sheet per part and the office's own statistics apart, each
// printing on one A4 page with its heading rows repeated, with table 三 all zero.
func TestReportXLSX(t *testing.T) {
	a, _ := mustOpen(t)
	loadReportFixture(t, a)
	rep, err := a.Report(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rep.WriteXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、行政复议和行政诉讼情况", "五、六、问题改进及其他事项", "本机关公文公开属性统计"}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	titles := map[string]bool{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" {
			titles[d.Scope] = true
		}
	}
	for i, s := range want {
		tall := 1 // a table a page; sections 五 and 六 are text, as long as written
		if i == 3 {
			tall = 0
		}
		pl, err := f.GetPageLayout(s)
		if err != nil || pl.Size == nil || *pl.Size != 9 || pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != tall {
			t.Errorf("%s: page layout %+v %v", s, pl, err)
		}
		if p, _ := f.GetSheetProps(s); p.FitToPage == nil || !*p.FitToPage {
			t.Errorf("%s: not fitted to the page", s)
		}
		if !titles[s] {
			t.Errorf("%s: no repeated heading rows", s)
		}
	}
	get := func(sheet, cell string) string {
		t.Helper()
		v, err := f.GetCellValue(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	s2 := want[0]
	for cell, v := range map[string]string{
		"A1": "二、主动公开政府信息情况（2026年度）", "A2": "第二十条第（一）项", "B3": "本年制发件数",
		"A4": "规章", "B4": "1", "D4": "3", "A5": "行政规范性文件", "B5": "3", "C5": "2", "D5": "3",
		"A6": "第二十条第（五）项", "A8": "行政许可", "B8": "12", "A11": "行政处罚", "B11": "1234", "A12": "行政强制", "B12": "0",
		"A15": "行政事业性收费", "B15": "56.78",
	} {
		if got := get(s2, cell); got != v {
			t.Errorf("%s %s = %q, want %q", s2, cell, got, v)
		}
	}
	s3 := want[1]
	for i, row := range reportTable3 {
		n := strconv.Itoa(4 + i)
		if get(s3, "A"+n) != row[0] || get(s3, "B"+n) != row[1] {
			t.Errorf("table 三 row %s = %q %q", n, get(s3, "A"+n), get(s3, "B"+n))
		}
		for _, c := range "CDEFGHI" {
			if got := get(s3, string(c)+n); got != "0" {
				t.Errorf("table 三 %c%s = %q, want 0", c, n, got)
			}
		}
	}
	if note := get(s3, "A30"); !strings.Contains(note, "申请") || !strings.Contains(note, "本机关公文公开属性统计") {
		t.Errorf("note under table 三 = %q", note)
	}
	if get(want[2], "A5") != "2" || get(want[2], "E5") != "3" || get(want[2], "J5") != "1" {
		t.Errorf("section 四 row: %q %q %q", get(want[2], "A5"), get(want[2], "E5"), get(want[2], "J5"))
	}
	if !strings.Contains(get(want[3], "A3"), "每月检查") {
		t.Errorf("section 五 text %q", get(want[3], "A3"))
	}
	own := want[4]
	if get(own, "A1") != "本机关公文公开属性统计（2026年度）" || get(own, "A3") != "主动公开" || get(own, "B3") != "4" || get(own, "B7") != "5" {
		t.Errorf("own statistics: %q %q %q %q", get(own, "A1"), get(own, "A3"), get(own, "B3"), get(own, "B7"))
	}
}

func BenchmarkBuildReport(b *testing.B) {
	bases := make([]string, 0, len(review.Bases)+1)
	for _, bs := range review.Bases {
		bases = append(bases, bs.Code)
	}
	bases = append(bases, "")
	states := []review.State{review.StatePublished, review.StateOnRequest, review.StateWithheldFinal, review.StateLegalReview}
	types := []review.DocType{review.DocOther, review.DocNormative, review.DocRegulation}
	recs := make([]index.Record, 100_000)
	marks := map[int64]*index.ValidityMark{}
	start := reportAt(2022, 1, 1, 9, 0)
	for i := range recs {
		st := states[i%len(states)]
		r := index.Record{ID: int64(i + 1), State: st, DecidedAt: start.Add(time.Duration(i) * 17 * time.Minute)}
		r.Decision.DocType = types[i%len(types)]
		switch st {
		case review.StatePublished, review.StateLegalReview:
			r.Attribute = review.Public
		case review.StateOnRequest:
			r.Attribute = review.OnRequest
		default:
			r.Attribute, r.Basis = review.Withheld, bases[i%len(bases)]
		}
		if i%7 == 0 && r.Attribute != review.Withheld {
			r.Decision.Redactions = reportRedacted.Redactions
		}
		if i%11 == 0 {
			marks[r.ID] = &index.ValidityMark{ID: r.ID, Status: index.Repealed, Since: "2023-06-01"}
		}
		recs[i] = r
	}
	for b.Loop() {
		if r := index.BuildReport(2023, recs, marks, nil); r.Total == 0 {
			b.Fatal("nothing counted")
		}
	}
}
