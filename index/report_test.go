package index_test

import (
	"bytes"
	"encoding/json"
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

// reportTable3 is table 3 of the 〔2021〕30号 format as the DOMAIN lists it, written out by hand.
var reportTable3 = [][2]string{
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

// reportCounts maps row codes to the counts of a report.
func reportCounts(r *index.Report) map[string]int {
	m := make(map[string]int, len(r.Rows))
	for _, row := range r.Rows {
		m[row.Row] = row.Count
	}
	return m
}

func TestReportRowsInTableOrder(t *testing.T) {
	for _, year := range []int{2024, 1999} {
		r := index.BuildReport(year, reportRecords())
		if len(r.Rows) != len(reportTable3) {
			t.Fatalf("%d rows, want %d", len(r.Rows), len(reportTable3))
		}
		for i, row := range r.Rows {
			if row.Row != reportTable3[i][0] || row.Label != reportTable3[i][1] {
				t.Errorf("row %d = %q %q, want %q %q", i, row.Row, row.Label, reportTable3[i][0], reportTable3[i][1])
			}
		}
	}
	r := index.BuildReport(2024, nil)
	for i, b := range review.Bases {
		if got := r.Rows[2+i]; got.Label != b.Name || got.Row != "三（三）"+strconv.Itoa(i+1) {
			t.Errorf("basis %s: row %q %q, want label %q", b.Code, got.Row, got.Label, b.Name)
		}
	}
}

func TestReportCounts(t *testing.T) {
	r := index.BuildReport(2024, reportRecords())
	if r.Year != 2024 {
		t.Errorf("Year = %d", r.Year)
	}
	want := map[string]int{
		"三（一）": 2, "三（二）": 2,
		"三（三）1": 1, "三（三）4": 1, "三（三）6": 2, "三（三）8": 1,
		"三（六）3": 2, "三（七）": 11,
	}
	for code, n := range reportCounts(r) {
		if n != want[code] {
			t.Errorf("%s = %d, want %d", code, n, want[code])
		}
	}
	if r.Total != 11 {
		t.Errorf("Total = %d, want 11", r.Total)
	}
	sum := 0
	for _, row := range r.Rows[:len(r.Rows)-1] {
		sum += row.Count
	}
	if last := r.Rows[len(r.Rows)-1]; last.Count != sum || last.Count != r.Total {
		t.Errorf("三（七） = %d, rows above sum to %d, Total %d", last.Count, sum, r.Total)
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

	// Another year sees only its own decisions.
	r25 := index.BuildReport(2025, reportRecords())
	if r25.Total != 1 || reportCounts(r25)["三（三）2"] != 1 || r25.ByBasis["law-forbids"] != 1 {
		t.Errorf("2025: total %d, 三（三）2 %d", r25.Total, reportCounts(r25)["三（三）2"])
	}
}

func TestReportEmpty(t *testing.T) {
	r := index.BuildReport(2024, nil)
	if r.Total != 0 || len(r.Rows) != len(reportTable3) {
		t.Fatalf("empty report: total %d, %d rows", r.Total, len(r.Rows))
	}
	for _, row := range r.Rows {
		if row.Count != 0 {
			t.Errorf("%s = %d in an empty report", row.Row, row.Count)
		}
	}
	if len(r.ByBasis) != 8 || len(r.ByAttribute) != 3 {
		t.Errorf("empty report: ByBasis %v, ByAttribute %v", r.ByBasis, r.ByAttribute)
	}
}

func TestReportJSON(t *testing.T) {
	b, err := json.Marshal(index.BuildReport(2024, reportRecords()))
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Year int `json:"year"`
		Rows []struct {
			Row   string `json:"row"`
			Label string `json:"label"`
			Count int    `json:"count"`
		} `json:"rows"`
		ByAttribute map[string]int `json:"by_attribute"`
		ByBasis     map[string]int `json:"by_basis"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Year != 2024 || len(got.Rows) != len(reportTable3) || got.ByBasis["process-info"] != 2 || got.ByAttribute["withheld"] != 7 {
		t.Errorf("JSON round trip: %s", b)
	}
	if !bytes.Contains(b, []byte(`{"row":"三（三）1","label":"属于国家秘密","count":1}`)) {
		t.Errorf("JSON lacks the 三（三）1 row as the contract spells it: %s", b)
	}
}

func TestReportCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := index.BuildReport(2024, reportRecords()).WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("testdata", "expected", "report-2024.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\xEF\xBB\xBF")) {
		t.Error("CSV does not start with a UTF-8 BOM")
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("CSV differs from testdata/expected/report-2024.csv:\n%s", buf.String())
	}
}

func TestReportXLSX(t *testing.T) {
	rep := index.BuildReport(2024, reportRecords())
	var buf bytes.Buffer
	if err := rep.WriteXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	const name = "三、收到和处理政府信息公开申请情况"
	if len(sheets) != 1 || sheets[0] != name {
		t.Fatalf("sheets = %q, want [%q]", sheets, name)
	}
	get := func(cell string) string {
		t.Helper()
		v, err := f.GetCellValue(name, cell)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if got := get("A1"); got != "三、收到和处理政府信息公开申请情况（2024年度）" {
		t.Errorf("title = %q", got)
	}
	for cell, want := range map[string]string{
		"A2": "项目", "C2": "自然人", "D2": "法人或其他组织", "I2": "总计",
		"D3": "商业企业", "E3": "科研机构", "F3": "社会公益组织", "G3": "法律服务机构", "H3": "其他",
	} {
		if got := get(cell); got != want {
			t.Errorf("header %s = %q, want %q", cell, got, want)
		}
	}
	merged, err := f.GetMergeCells(name)
	if err != nil {
		t.Fatal(err)
	}
	ranges := map[string]bool{}
	for _, m := range merged {
		ranges[m.GetStartAxis()+":"+m.GetEndAxis()] = true
	}
	for _, want := range []string{"A1:I1", "A2:B3", "C2:C3", "D2:H2", "I2:I3"} {
		if !ranges[want] {
			t.Errorf("merged ranges %v lack %s", ranges, want)
		}
	}
	for i, row := range rep.Rows {
		n := strconv.Itoa(4 + i)
		if get("A"+n) != reportTable3[i][0] || get("B"+n) != reportTable3[i][1] {
			t.Errorf("row %s = %q %q, want %q %q", n, get("A"+n), get("B"+n), reportTable3[i][0], reportTable3[i][1])
		}
		if got := get("I" + n); got != strconv.Itoa(row.Count) {
			t.Errorf("总计 of %s = %q, want %d", row.Row, got, row.Count)
		}
		for _, c := range "CDEFGH" {
			if got := get(string(c) + n); got != "0" {
				t.Errorf("%c%s = %q, want 0", c, n, got)
			}
		}
	}
	if got := get("I25"); got != "11" {
		t.Errorf("三（七） 总计 = %q, want 11", got)
	}
	if note := get("A27"); !strings.Contains(note, "申请人") || !strings.Contains(note, "总计") {
		t.Errorf("note under the table = %q", note)
	}
}

func BenchmarkBuildReport(b *testing.B) {
	bases := make([]string, 0, len(review.Bases)+1)
	for _, bs := range review.Bases {
		bases = append(bases, bs.Code)
	}
	bases = append(bases, "")
	states := []review.State{review.StatePublished, review.StateOnRequest, review.StateWithheldFinal, review.StateLegalReview}
	recs := make([]index.Record, 100_000)
	start := reportAt(2022, 1, 1, 9, 0)
	for i := range recs {
		st := states[i%len(states)]
		r := index.Record{ID: int64(i + 1), State: st, DecidedAt: start.Add(time.Duration(i) * 17 * time.Minute)}
		switch st {
		case review.StatePublished, review.StateLegalReview:
			r.Attribute = review.Public
		case review.StateOnRequest:
			r.Attribute = review.OnRequest
		default:
			r.Attribute, r.Basis = review.Withheld, bases[i%len(bases)]
		}
		if i%7 == 0 && r.Attribute != review.Withheld {
			r.Decision = reportRedacted
		}
		recs[i] = r
	}
	for b.Loop() {
		if r := index.BuildReport(2023, recs); r.Total == 0 {
			b.Fatal("nothing counted")
		}
	}
}
