package index

import (
	"context"
	"encoding/csv"
	"io"
	"strconv"
	"time"

	"prepub/review"
)

// The annual report on government information disclosure (国办公开办函〔2021〕30号
// format), as far as the archive knows it, with what the office typed in:
//   - section 二, Art. 20 item (一): rules (规章) and normative documents (行政规范性文件)
//     issued, repealed and in force, from the decided public drafts and their validity;
//     the other rows of section 二 are typed in;
//   - table 三 counts applications from the public (依申请公开 requests), which the app
//     does not record yet: its rows are all zero, never filled from drafts;
//   - section 四 (reconsideration and litigation), 五 and 六 are typed in;
//   - the office's own statistics of the year's draft decisions, by attribute and basis,
//     are kept apart from the format's tables (by_attribute, by_basis; a sheet of their own).

// Section2Row is a row of section 二's first table (Art. 20 item (一)): a document type's counts.
type Section2Row struct {
	Row      string         `json:"row"` // 规章 or 行政规范性文件
	DocType  review.DocType `json:"doc_type"`
	Issued   int            `json:"issued"`   // 本年制发件数: decided public in the year
	Repealed int            `json:"repealed"` // 本年废止件数: marked repealed from a day in the year
	InForce  int            `json:"in_force"` // 现行有效件数: decided public by the year's end and in force on its last day
}

// ReportRow is one row of table 三 of the annual report.
type ReportRow struct {
	Row   string `json:"row"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

// TypedItem is a typed-in item of the report with the value kept for the year, "" when none.
type TypedItem struct {
	ReportItem
	Value string `json:"value"`
}

// Section4Row is a row of section 四's table: reconsideration, or litigation
// with or without reconsideration first, by result, from the typed-in items.
type Section4Row struct {
	Row       string `json:"row"`   // 行政复议, 未经复议直接起诉 or 复议后起诉
	Group     string `json:"group"` // 行政复议 or 行政诉讼
	Upheld    int    `json:"upheld"`
	Corrected int    `json:"corrected"`
	Other     int    `json:"other"`
	Pending   int    `json:"pending"`
	Total     int    `json:"total"`
}

// Report is the annual report of one year.
type Report struct {
	Year     int           `json:"year"`
	Section2 []Section2Row `json:"section2"`
	Rows     []ReportRow   `json:"rows"` // table 三, in its order: applications, all zero until the app records them
	// The office's own statistics: the year's draft decisions by attribute and,
	// for withholdings, by basis (every basis code present, zero when none).
	ByAttribute map[string]int `json:"by_attribute"`
	ByBasis     map[string]int `json:"by_basis"`
	Total       int            `json:"total"`   // the year's draft decisions
	Partial     int            `json:"partial"` // of which public or on request with passages withheld (区分处理)
	Typed       []TypedItem    `json:"typed"`   // every typed-in item, in the format's order
	Section4    []Section4Row  `json:"section4"`
}

// reportLayout returns the rows of table 三 (〔2021〕30号 format) in order, all counts zero.
func reportLayout() []ReportRow {
	rows := make([]ReportRow, 0, 25)
	rows = append(rows,
		ReportRow{Row: "一", Label: "本年新收政府信息公开申请数量"},
		ReportRow{Row: "二", Label: "上年结转政府信息公开申请数量"},
		ReportRow{Row: "三（一）", Label: "予以公开"},
		ReportRow{Row: "三（二）", Label: "部分公开（区分处理的，只计这一情形，不计其他情形）"},
	)
	for i, b := range review.Bases {
		rows = append(rows, ReportRow{Row: "三（三）" + strconv.Itoa(i+1), Label: b.Name})
	}
	for i, l := range []string{"本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"} {
		rows = append(rows, ReportRow{Row: "三（四）" + strconv.Itoa(i+1), Label: l})
	}
	for i, l := range []string{"信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请", "要求行政机关确认或重新出具已获取信息"} {
		rows = append(rows, ReportRow{Row: "三（五）" + strconv.Itoa(i+1), Label: l})
	}
	for i, l := range []string{
		"申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
		"申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
		"其他",
	} {
		rows = append(rows, ReportRow{Row: "三（六）" + strconv.Itoa(i+1), Label: l})
	}
	return append(rows, ReportRow{Row: "三（七）", Label: "总计"}, ReportRow{Row: "四", Label: "结转下年度继续办理"})
}

// section2Types are section 二's document types, in the format's order.
var section2Types = []review.DocType{review.DocRegulation, review.DocNormative}

// decidedAttribute is the attribute a decided record counts under: its own, or the one its state implies.
func decidedAttribute(r *Record) review.Attribute {
	if r.Attribute.Valid() {
		return r.Attribute
	}
	return review.AttributeOf(r.State)
}

// BuildReport builds a year's report from the decided records (at least those
// decided in the year, and every public rule and normative document decided
// by its end; others are ignored), the office's validity marks by record, and
// the items typed in for the year. Days are local.
func BuildReport(year int, recs []Record, marks map[int64]*ValidityMark, typed ReportValues) *Report {
	rep := &Report{Year: year, Rows: reportLayout(), ByAttribute: map[string]int{}, ByBasis: map[string]int{}}
	for _, t := range section2Types {
		rep.Section2 = append(rep.Section2, Section2Row{Row: t.Chinese(), DocType: t})
	}
	for _, a := range review.Attributes {
		rep.ByAttribute[string(a)] = 0
	}
	for _, b := range review.Bases {
		rep.ByBasis[b.Code] = 0
	}
	y := strconv.Itoa(year)
	first, last := y+"-01-01", y+"-12-31"
	for k := range recs {
		r := &recs[k]
		if !r.State.Decided() || r.DecidedAt.IsZero() {
			continue
		}
		day := dayOf(r.DecidedAt)
		if day >= first && day <= last {
			rep.count(r)
		}
		if r.State != review.StatePublished || day > last {
			continue
		}
		for i, t := range section2Types {
			if r.Decision.Kind() != t {
				continue
			}
			row := &rep.Section2[i]
			if day >= first {
				row.Issued++
			}
			m := marks[r.ID]
			if m != nil && m.Status == Repealed && m.Since >= first && m.Since <= last {
				row.Repealed++
			}
			if ValidityOn(r.Decision, m, last).Status == InForce {
				row.InForce++
			}
		}
	}
	rep.Typed = make([]TypedItem, len(ReportItems))
	for i, it := range ReportItems {
		rep.Typed[i] = TypedItem{ReportItem: it, Value: typed[it.Key]}
	}
	for _, g := range section4Groups {
		row := Section4Row{Row: g.label, Group: g.group}
		for _, c := range section4Columns {
			n, _ := strconv.Atoi(typed[g.key+"."+c.key])
			switch c.key {
			case "upheld":
				row.Upheld = n
			case "corrected":
				row.Corrected = n
			case "other":
				row.Other = n
			case "pending":
				row.Pending = n
			}
			row.Total += n
		}
		rep.Section4 = append(rep.Section4, row)
	}
	return rep
}

// count adds a draft decided in the year to the office's own statistics.
func (rep *Report) count(r *Record) {
	attr := decidedAttribute(r)
	rep.ByAttribute[string(attr)]++
	rep.Total++
	if attr != review.Withheld && len(r.Decision.Redactions) > 0 {
		rep.Partial++
	}
	if _, ok := rep.ByBasis[r.Basis]; ok && attr == review.Withheld {
		rep.ByBasis[r.Basis]++
	}
}

// Value returns the value typed in for an item, "" when none.
func (rep *Report) Value(key string) string {
	for _, t := range rep.Typed {
		if t.Key == key {
			return t.Value
		}
	}
	return ""
}

// Report builds the annual report of a year from the archive: the year's
// decisions, the public rules and normative documents with their validity,
// and the items typed in for the year.
func (a *Archive) Report(ctx context.Context, year int) (*Report, error) {
	if a.Store == nil {
		return nil, errClosed
	}
	// A day's margin each side: the records are stored in UTC, the year is local.
	from := time.Date(year, 1, 1, 0, 0, 0, 0, time.Local).AddDate(0, 0, -1)
	to := time.Date(year+1, 1, 1, 0, 0, 0, 0, time.Local).AddDate(0, 0, 1)
	recs, err := a.Store.Decisions(ctx, from, to)
	if err != nil {
		return nil, err
	}
	docs, err := a.Store.decisions(ctx, Filter{States: []review.State{review.StatePublished},
		DocTypes: []review.DocType{review.DocRegulation, review.DocNormative}, DecidedBefore: to})
	if err != nil {
		return nil, err
	}
	seen := make(map[int64]bool, len(recs))
	for _, r := range recs {
		seen[r.ID] = true
	}
	for _, r := range docs {
		if !seen[r.ID] {
			recs = append(recs, r)
		}
	}
	marks, err := a.Store.marks(ctx)
	if err != nil {
		return nil, err
	}
	typed, err := reportValuesOf(a.Store.query(ctx), year)
	if err != nil {
		return nil, err
	}
	return BuildReport(year, recs, marks, typed), nil
}

// Titles of the report's parts, as the format and the workbook's sheets name them.
const (
	titleSection2 = "二、主动公开政府信息情况"
	titleTable3   = "三、收到和处理政府信息公开申请情况"
	titleSection4 = "四、政府信息公开行政复议、行政诉讼情况"
	titleSection5 = "五、存在的主要问题及改进情况"
	titleSection6 = "六、其他需要报告的事项"
	titleOwnStats = "本机关公文公开属性统计"
)

// applicantColumns are table 三's columns, leaf level, in order; the last five
// kinds but one sit under 法人或其他组织.
var applicantColumns = []string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"}

// WriteCSV writes the whole report as CSV, one number or text a line (UTF-8
// with BOM and CRLF, as Excel and WPS expect): 表 (the part), 序号 (the item
// or row code), 项目 (the row), 栏目 (the column), 数值. Items not typed in
// are empty; table 三 is all zero; the office's own statistics come last.
func (r *Report) WriteCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	put := func(part, code, row, col, val string) { cw.Write([]string{part, code, row, col, val}) }
	put("表", "序号", "项目", "栏目", "数值")
	for _, row := range r.Section2 {
		for _, c := range [][2]string{{"本年制发件数", strconv.Itoa(row.Issued)}, {"本年废止件数", strconv.Itoa(row.Repealed)}, {"现行有效件数", strconv.Itoa(row.InForce)}} {
			put(titleSection2, "第二十条第（一）项", row.Row, c[0], c[1])
		}
	}
	for _, t := range r.Typed {
		if t.Section == "二" {
			put(titleSection2, t.Group, t.Label, t.Column, t.Value)
		}
	}
	for _, row := range r.Rows {
		for i, c := range applicantColumns {
			val := "0" // no applicant kinds are recorded: the count stands under 总计
			switch {
			case i == len(applicantColumns)-1:
				val = strconv.Itoa(row.Count)
			case i > 0:
				c = "法人或其他组织·" + c
			}
			put(titleTable3, row.Row, row.Label, c, val)
		}
	}
	for _, row := range r.Section4 {
		for _, c := range [][2]string{{"结果维持", strconv.Itoa(row.Upheld)}, {"结果纠正", strconv.Itoa(row.Corrected)},
			{"其他结果", strconv.Itoa(row.Other)}, {"尚未审结", strconv.Itoa(row.Pending)}, {"总计", strconv.Itoa(row.Total)}} {
			put(titleSection4, row.Group, row.Row, c[0], c[1])
		}
	}
	put(titleSection5, "", "", "内容", r.Value("problems"))
	put(titleSection6, "", "", "内容", r.Value("other-matters"))
	for _, a := range review.Attributes {
		put(titleOwnStats, "公开属性", a.Chinese(), "件数", strconv.Itoa(r.ByAttribute[string(a)]))
	}
	put(titleOwnStats, "公开属性", "其中：部分公开（区分处理）", "件数", strconv.Itoa(r.Partial))
	put(titleOwnStats, "公开属性", "合计", "件数", strconv.Itoa(r.Total))
	for _, b := range review.Bases {
		put(titleOwnStats, "不予公开的法律依据", b.Name, "件数", strconv.Itoa(r.ByBasis[b.Code]))
	}
	put(titleOwnStats, "不予公开的法律依据", "未注明有效依据", "件数", strconv.Itoa(r.withheldNoBasis()))
	cw.Flush()
	return cw.Error()
}

// withheldNoBasis is the number of the year's withholdings without a valid basis code (older imports).
func (r *Report) withheldNoBasis() int {
	n := r.ByAttribute[string(review.Withheld)]
	for _, c := range r.ByBasis {
		n -= c
	}
	return n
}
