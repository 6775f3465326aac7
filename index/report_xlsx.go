package index

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"prepub/review"
)

// Sheet names of the report's workbook (at most 31 UTF-16 units each).
const (
	sheetSection2 = "二、主动公开政府信息情况"
	sheetTable3   = "三、收到和处理政府信息公开申请情况"
	sheetSection4 = "四、行政复议和行政诉讼情况"
	sheetSection5 = "五、六、问题改进及其他事项"
	sheetOwnStats = titleOwnStats
)

// table3Note is printed under table 三.
const table3Note = "注：本表统计收到和处理的政府信息公开申请。本系统尚未登记申请，生成时各栏均为 0，" +
	"请依据申请办理台账填写。公文稿件的公开属性决定不是申请的办理结果，不计入本表，另见“本机关公文公开属性统计”表。"

// ownStatsNote is printed under the office's own statistics.
const ownStatsNote = "注：本表为本机关自行统计，不属于年度报告的表格。按本年度作出决定的公文稿件统计，" +
	"部分公开（区分处理）的稿件同时计入其公开属性。"

// WriteXLSX writes the report as an .xlsx workbook in the 国办公开办函〔2021〕30号
// layout with its Chinese headings: one sheet per part (二, 三, 四, 五 and 六),
// then the office's own statistics on a sheet of their own. Each sheet prints
// on one A4 page, its heading rows repeated.
func (r *Report) WriteXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	x, err := newReportBook(f)
	if err == nil {
		for i, fill := range []func(*reportBook){r.fillSection2, r.fillTable3, r.fillSection4, r.fillTexts, r.fillOwnStats} {
			if i > 0 {
				_, err := f.NewSheet(x.names[i])
				x.keep(err)
			}
			x.sheet = x.names[i]
			fill(x)
		}
		err = x.err
	}
	if err == nil {
		err = f.Write(w)
	}
	if err != nil {
		return fmt.Errorf("report xlsx: %w", err)
	}
	return nil
}

// reportBook writes cells with the report's styles, keeping the first error.
type reportBook struct {
	f                                          *excelize.File
	sheet                                      string
	names                                      []string
	title, head, num, label, note, text, group int
	err                                        error
}

// newReportBook makes the styles and names the first sheet.
func newReportBook(f *excelize.File) (*reportBook, error) {
	x := &reportBook{f: f, names: []string{sheetSection2, sheetTable3, sheetSection4, sheetSection5, sheetOwnStats}}
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	font := func(size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: "宋体", Size: size, Bold: bold}
	}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	left := &excelize.Alignment{Vertical: "center", WrapText: true}
	for _, s := range []struct {
		id *int
		st *excelize.Style
	}{
		{&x.title, &excelize.Style{Font: font(14, true), Alignment: center}},
		{&x.head, &excelize.Style{Font: font(11, true), Alignment: center, Border: border}},
		{&x.num, &excelize.Style{Font: font(11, false), Alignment: center, Border: border}},
		{&x.label, &excelize.Style{Font: font(11, false), Alignment: left, Border: border}},
		{&x.note, &excelize.Style{Font: font(10, false), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&x.text, &excelize.Style{Font: font(11, false), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: border}},
		{&x.group, &excelize.Style{Font: font(11, true), Alignment: left, Border: border}},
	} {
		id, err := f.NewStyle(s.st)
		if err != nil {
			return nil, err
		}
		*s.id = id
	}
	return x, f.SetSheetName(f.GetSheetName(0), x.names[0])
}

func (x *reportBook) keep(err error) {
	if x.err == nil {
		x.err = err
	}
}

// cell writes a value with a style.
func (x *reportBook) cell(col, row int, v any, style int) {
	name, err := excelize.CoordinatesToCellName(col, row)
	x.keep(err)
	if x.err != nil {
		return
	}
	x.keep(x.f.SetCellValue(x.sheet, name, v))
	x.keep(x.f.SetCellStyle(x.sheet, name, name, style))
}

// span writes a value into a merged range of cells, all with the style.
func (x *reportBook) span(c1, r1, c2, r2 int, v any, style int) {
	from, err := excelize.CoordinatesToCellName(c1, r1)
	x.keep(err)
	to, err := excelize.CoordinatesToCellName(c2, r2)
	x.keep(err)
	if x.err != nil {
		return
	}
	x.keep(x.f.SetCellValue(x.sheet, from, v))
	if from != to {
		x.keep(x.f.MergeCell(x.sheet, from, to))
	}
	x.keep(x.f.SetCellStyle(x.sheet, from, to, style))
}

// widths sets the widths of columns 1, 2, … in character widths.
func (x *reportBook) widths(ws ...float64) {
	for i, wd := range ws {
		c, err := excelize.ColumnNumberToName(i + 1)
		x.keep(err)
		if x.err == nil {
			x.keep(x.f.SetColWidth(x.sheet, c, c, wd))
		}
	}
}

// height sets a row's height in points.
func (x *reportBook) height(row int, h float64) { x.keep(x.f.SetRowHeight(x.sheet, row, h)) }

// linesHeight is the height of a row whose text of n characters wraps at perLine.
func linesHeight(text string, perLine int) float64 {
	lines := (utf8.RuneCountInString(text) + perLine - 1) / perLine
	return float64(max(lines, 1))*15 + 5
}

// onePage prints the sheet on one A4 page, fitted, with rows 1 to headRows repeated at the top.
func (x *reportBook) onePage(landscape bool, headRows int) { x.fitPages(landscape, headRows, 1) }

// fitPages prints the sheet on A4 one page wide and tall pages high (0: as many as it takes),
// with rows 1 to headRows repeated at the top of each.
func (x *reportBook) fitPages(landscape bool, headRows, tall int) {
	a4, one, fit := 9, 1, true
	orient := "portrait"
	if landscape {
		orient = "landscape"
	}
	x.keep(x.f.SetPageLayout(x.sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orient, FitToWidth: &one, FitToHeight: &tall}))
	x.keep(x.f.SetSheetProps(x.sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	m := 0.6
	x.keep(x.f.SetPageMargins(x.sheet, &excelize.PageLayoutMarginsOptions{Left: &m, Right: &m, Top: &m, Bottom: &m}))
	x.keep(x.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$%d", x.sheet, headRows), Scope: x.sheet}))
}

// typedCell is a typed-in value as a cell: a number when it is one, else as typed (empty when none).
func typedCell(v string) any {
	if n, err := strconv.Atoi(v); err == nil {
		return n
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil {
		return f
	}
	return v
}

// fillSection2 lays out section 二: Art. 20 items (一), (五), (六) and (八).
func (r *Report) fillSection2(x *reportBook) {
	x.span(1, 1, 4, 1, fmt.Sprintf("%s（%d年度）", titleSection2, r.Year), x.title)
	x.height(1, 30)
	row := 2
	x.span(1, row, 4, row, "第二十条第（一）项", x.group)
	row++
	for i, h := range []string{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"} {
		x.cell(i+1, row, h, x.head)
	}
	row++
	for _, s := range r.Section2 {
		x.cell(1, row, s.Row, x.label)
		x.cell(2, row, s.Issued, x.num)
		x.cell(3, row, s.Repealed, x.num)
		x.cell(4, row, s.InForce, x.num)
		row++
	}
	group := ""
	for _, t := range r.Typed {
		if t.Section != "二" {
			continue
		}
		if t.Group != group {
			group = t.Group
			x.span(1, row, 4, row, group, x.group)
			x.cell(1, row+1, "信息内容", x.head)
			x.span(2, row+1, 4, row+1, t.Column, x.head)
			row += 2
		}
		x.cell(1, row, t.Label, x.label)
		x.span(2, row, 4, row, typedCell(t.Value), x.num)
		row++
	}
	for i := 2; i < row; i++ {
		x.height(i, 22)
	}
	x.widths(24, 18, 18, 18)
	x.onePage(false, 1)
}

// fillTable3 lays out table 三: applications by applicant kind, all zero until the app records applications.
func (r *Report) fillTable3(x *reportBook) {
	const labelWidth = 46
	x.span(1, 1, 9, 1, fmt.Sprintf("%s（%d年度）", titleTable3, r.Year), x.title)
	x.span(1, 2, 2, 3, "项目", x.head)
	x.span(3, 2, 3, 3, "自然人", x.head)
	x.span(4, 2, 8, 2, "法人或其他组织", x.head)
	x.span(9, 2, 9, 3, "总计", x.head)
	for i, c := range applicantColumns[1:6] {
		x.cell(4+i, 3, c, x.head)
	}
	const first = 4
	for i, row := range r.Rows {
		n := first + i
		x.cell(1, n, row.Row, x.num)
		x.cell(2, n, row.Label, x.label)
		for c := 3; c <= 8; c++ {
			x.cell(c, n, 0, x.num)
		}
		x.cell(9, n, row.Count, x.num)
		x.height(n, linesHeight(row.Label, labelWidth/2-1))
	}
	note := first + len(r.Rows) + 1
	x.span(1, note, 9, note, table3Note, x.note)
	x.height(1, 30)
	x.height(2, 22)
	x.height(3, 30)
	x.height(note, 48)
	x.widths(11, labelWidth, 10, 10, 10, 10, 10, 10, 9)
	x.onePage(false, 3)
}

// fillSection4 lays out section 四: reconsideration and litigation by result, as typed in.
func (r *Report) fillSection4(x *reportBook) {
	x.span(1, 1, 15, 1, fmt.Sprintf("%s（%d年度）", titleSection4, r.Year), x.title)
	x.span(1, 2, 5, 2, "行政复议", x.head)
	x.span(6, 2, 15, 2, "行政诉讼", x.head)
	results := []string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}
	for i, h := range results {
		x.span(1+i, 3, 1+i, 4, h, x.head)
		x.cell(6+i, 4, h, x.head)
		x.cell(11+i, 4, h, x.head)
	}
	x.span(6, 3, 10, 3, "未经复议直接起诉", x.head)
	x.span(11, 3, 15, 3, "复议后起诉", x.head)
	col := 1
	for _, s := range r.Section4 {
		for _, n := range []int{s.Upheld, s.Corrected, s.Other, s.Pending, s.Total} {
			x.cell(col, 5, n, x.num)
			col++
		}
	}
	x.height(1, 30)
	for i := 2; i <= 5; i++ {
		x.height(i, 24)
	}
	ws := make([]float64, 15)
	for i := range ws {
		ws[i] = 9
	}
	x.widths(ws...)
	x.onePage(true, 4)
}

// fillTexts lays out sections 五 and 六, as written by the office.
func (r *Report) fillTexts(x *reportBook) {
	x.span(1, 1, 1, 1, fmt.Sprintf("%d年度政府信息公开工作年度报告（五、六）", r.Year), x.title)
	row := 2
	for _, s := range []struct{ title, key string }{{titleSection5, "problems"}, {titleSection6, "other-matters"}} {
		x.cell(1, row, s.title, x.group)
		x.height(row, 22)
		row++
		// A paragraph a row, so a long section wraps and pages as text does.
		paras := strings.FieldsFunc(r.Value(s.key), func(c rune) bool { return c == '\n' || c == '\r' })
		if len(paras) == 0 {
			paras = []string{""}
		}
		for _, p := range paras {
			p = strings.TrimSpace(p)
			x.cell(1, row, p, x.text)
			x.height(row, min(max(linesHeight(p, 40), 30), 409))
			row++
		}
	}
	x.height(1, 30)
	x.widths(76)
	x.fitPages(false, 1, 0) // text, not a table: as long as it is
}

// fillOwnStats lays out the office's own statistics of the year's draft decisions.
func (r *Report) fillOwnStats(x *reportBook) {
	x.span(1, 1, 2, 1, fmt.Sprintf("%s（%d年度）", titleOwnStats, r.Year), x.title)
	x.cell(1, 2, "公开属性", x.head)
	x.cell(2, 2, "件数", x.head)
	row := 3
	put := func(label string, n int) {
		x.cell(1, row, label, x.label)
		x.cell(2, row, n, x.num)
		row++
	}
	for _, a := range review.Attributes {
		put(a.Chinese(), r.ByAttribute[string(a)])
	}
	put("其中：部分公开（区分处理）", r.Partial)
	put("合计", r.Total)
	row++
	x.cell(1, row, "不予公开的法律依据", x.head)
	x.cell(2, row, "件数", x.head)
	row++
	for _, b := range review.Bases {
		put(b.Name, r.ByBasis[b.Code])
	}
	put("未注明有效依据", r.withheldNoBasis())
	row++
	x.span(1, row, 2, row, ownStatsNote, x.note)
	x.height(row, 36)
	x.height(1, 30)
	x.widths(40, 12)
	x.onePage(false, 2)
}
