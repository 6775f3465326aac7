package index

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"prepub/review"
)

// ReportRow is one row of table 3 of the annual report.
type ReportRow struct {
	Row   string `json:"row"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

// Report is the annual report's table 3 for one year, with counts by attribute and basis.
type Report struct {
	Year        int            `json:"year"`
	Rows        []ReportRow    `json:"rows"`
	ByAttribute map[string]int `json:"by_attribute"`
	ByBasis     map[string]int `json:"by_basis"`
	Total       int            `json:"total"`
}

// Row codes of table 3 that drafts fill, besides 三（三）1–8 (one per basis).
const (
	rowPublic  = "三（一）"
	rowPartial = "三（二）"
	rowOther   = "三（六）3"
	rowTotal   = "三（七）"
)

// reportLayout returns the rows of table 3 (〔2021〕30号 format) in order, all counts zero.
func reportLayout() []ReportRow {
	rows := make([]ReportRow, 0, 24)
	rows = append(rows,
		ReportRow{Row: rowPublic, Label: "予以公开"},
		ReportRow{Row: rowPartial, Label: "部分公开（区分处理的，只计这一情形，不计其他情形）"},
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
	return append(rows, ReportRow{Row: rowTotal, Label: "总计"})
}

// decidedAttribute is the attribute a decided record counts under: its own, or the one its state implies.
func decidedAttribute(r *Record) review.Attribute {
	if r.Attribute.Valid() {
		return r.Attribute
	}
	switch r.State {
	case review.StatePublished:
		return review.Public
	case review.StateOnRequest:
		return review.OnRequest
	}
	return review.Withheld
}

// BuildReport counts the decided records whose DecidedAt falls in year (local time).
func BuildReport(year int, recs []Record) *Report {
	rows := reportLayout()
	at := make(map[string]int, len(rows))
	for i, row := range rows {
		at[row.Row] = i
	}
	basisRow := make(map[string]int, len(review.Bases))
	byBasis := make(map[string]int, len(review.Bases))
	for i, b := range review.Bases {
		basisRow[b.Code] = at["三（三）"+strconv.Itoa(i+1)]
		byBasis[b.Code] = 0
	}
	byAttr := make(map[string]int, len(review.Attributes))
	for _, a := range review.Attributes {
		byAttr[string(a)] = 0
	}
	iPublic, iPartial, iOther, iTotal := at[rowPublic], at[rowPartial], at[rowOther], at[rowTotal]

	total := 0
	for k := range recs {
		r := &recs[k]
		if !r.State.Decided() || r.DecidedAt.IsZero() || r.DecidedAt.In(time.Local).Year() != year {
			continue
		}
		attr := decidedAttribute(r)
		byAttr[string(attr)]++
		total++
		switch {
		case attr != review.Withheld && len(r.Decision.Redactions) > 0: // Partial(), with the derived attribute
			rows[iPartial].Count++
		case attr != review.Withheld:
			rows[iPublic].Count++
		default:
			if i, ok := basisRow[r.Basis]; ok {
				rows[i].Count++
				byBasis[r.Basis]++
			} else {
				rows[iOther].Count++
			}
		}
	}
	sum := 0
	for i := range rows[:iTotal] {
		sum += rows[i].Count
	}
	rows[iTotal].Count = sum
	return &Report{Year: year, Rows: rows, ByAttribute: byAttr, ByBasis: byBasis, Total: total}
}

// Applicant columns of table 3, leaf level, in order; the review app fills only 总计.
var applicantColumns = []string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"}

// WriteCSV writes table 3 as CSV (UTF-8 with BOM so Excel/WPS open it correctly): header row then one row per table row, columns as below.
//
// Columns: 序号, 项目, then the applicant kinds 自然人, 商业企业, 科研机构, 社会公益组织,
// 法律服务机构, 其他 (the last five under 法人或其他组织), all 0, and 总计 with the count.
func (r *Report) WriteCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // what Excel and WPS write and expect
	if err := cw.Write(append([]string{"序号", "项目"}, applicantColumns...)); err != nil {
		return err
	}
	rec := make([]string, 2+len(applicantColumns))
	for _, row := range r.Rows {
		rec[0], rec[1] = row.Row, row.Label
		for i := 2; i < len(rec)-1; i++ {
			rec[i] = "0"
		}
		rec[len(rec)-1] = strconv.Itoa(row.Count)
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// XLSX layout of table 3.
const (
	// reportSheet is the sheet's name: 17 UTF-16 units, within Excel's limit of 31.
	reportSheet = "三、收到和处理政府信息公开申请情况"
	// reportNote is printed under the table.
	reportNote = "注：本表由发文公开属性审查系统根据本年度已作出决定的稿件统计生成。系统不掌握申请人信息，" +
		"各类申请人栏均填0，全部数量计入“总计”栏；三（四）、三（五）及三（六）1–2项来自政府信息公开申请的办理，" +
		"不来自发文稿件，填0。部分公开的只计入三（二），不计其他情形。"
	firstDataRow = 4 // rows 1: title, 2–3: header
	lastCol      = "I"
	labelWidth   = 46               // column B, in character widths
	labelChars   = labelWidth/2 - 1 // Chinese characters per line of column B
)

// WriteXLSX writes table 3 as an .xlsx in the 国办公开办函〔2021〕30号 layout with its Chinese headings.
func (r *Report) WriteXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := r.fillSheet(f); err != nil {
		return fmt.Errorf("report xlsx: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("report xlsx: %w", err)
	}
	return nil
}

// fillSheet lays table 3 out on the workbook's only sheet.
func (r *Report) fillSheet(f *excelize.File) error {
	s := reportSheet
	if err := f.SetSheetName(f.GetSheetName(0), s); err != nil {
		return err
	}
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	font := func(size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: "宋体", Size: size, Bold: bold}
	}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	styles := []*excelize.Style{
		{Font: font(14, true), Alignment: center},                                                                   // title
		{Font: font(11, true), Alignment: center, Border: border},                                                   // header
		{Font: font(11, false), Alignment: center, Border: border},                                                  // row code, counts
		{Font: font(11, false), Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}, Border: border}, // label
		{Font: font(10, false), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}},                    // note
	}
	ids := make([]int, len(styles))
	for i, st := range styles {
		id, err := f.NewStyle(st)
		if err != nil {
			return err
		}
		ids[i] = id
	}
	sTitle, sHead, sNum, sLabel, sNote := ids[0], ids[1], ids[2], ids[3], ids[4]

	// Title.
	if err := f.SetCellValue(s, "A1", fmt.Sprintf("三、收到和处理政府信息公开申请情况（%d年度）", r.Year)); err != nil {
		return err
	}
	if err := f.MergeCell(s, "A1", lastCol+"1"); err != nil {
		return err
	}
	// Header: 项目 (A:B) | 自然人 | 法人或其他组织 (D:H, five kinds under it) | 总计.
	head := [][2]string{
		{"A2", "项目"}, {"C2", "自然人"}, {"D2", "法人或其他组织"}, {"I2", "总计"},
		{"D3", "商业企业"}, {"E3", "科研机构"}, {"F3", "社会公益组织"}, {"G3", "法律服务机构"}, {"H3", "其他"},
	}
	for _, h := range head {
		if err := f.SetCellValue(s, h[0], h[1]); err != nil {
			return err
		}
	}
	for _, m := range [][2]string{{"A2", "B3"}, {"C2", "C3"}, {"D2", "H2"}, {"I2", "I3"}} {
		if err := f.MergeCell(s, m[0], m[1]); err != nil {
			return err
		}
	}
	// Body.
	for i, row := range r.Rows {
		n := strconv.Itoa(firstDataRow + i)
		vals := []any{row.Row, row.Label, 0, 0, 0, 0, 0, 0, row.Count}
		for c, v := range vals {
			cell, err := excelize.CoordinatesToCellName(c+1, firstDataRow+i)
			if err != nil {
				return err
			}
			if err := f.SetCellValue(s, cell, v); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle(s, "A"+n, "A"+n, sNum); err != nil {
			return err
		}
		if err := f.SetCellStyle(s, "B"+n, "B"+n, sLabel); err != nil {
			return err
		}
		if err := f.SetCellStyle(s, "C"+n, lastCol+n, sNum); err != nil {
			return err
		}
		lines := (utf8.RuneCountInString(row.Label) + labelChars - 1) / labelChars
		if err := f.SetRowHeight(s, firstDataRow+i, float64(max(lines, 1))*15+5); err != nil {
			return err
		}
	}
	last := firstDataRow + len(r.Rows) - 1
	note := strconv.Itoa(last + 2)
	if err := f.SetCellValue(s, "A"+note, reportNote); err != nil {
		return err
	}
	if err := f.MergeCell(s, "A"+note, lastCol+note); err != nil {
		return err
	}
	// Styles, widths, heights.
	for _, st := range []struct {
		from, to string
		id       int
	}{
		{"A1", lastCol + "1", sTitle},
		{"A2", lastCol + "3", sHead},
		{"A" + note, lastCol + note, sNote},
	} {
		if err := f.SetCellStyle(s, st.from, st.to, st.id); err != nil {
			return err
		}
	}
	for _, cw := range []struct {
		from, to string
		w        float64
	}{{"A", "A", 11}, {"B", "B", labelWidth}, {"C", "H", 10}, {"I", "I", 9}} {
		if err := f.SetColWidth(s, cw.from, cw.to, cw.w); err != nil {
			return err
		}
	}
	for _, rh := range [][2]int{{1, 30}, {2, 22}, {3, 30}, {last + 2, 48}} {
		if err := f.SetRowHeight(s, rh[0], float64(rh[1])); err != nil {
			return err
		}
	}
	return nil
}
