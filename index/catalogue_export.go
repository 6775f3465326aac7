package index

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// catalogueHeadings are the catalogue's columns as offices' websites name them.
var catalogueHeadings = []string{"索引号", "信息名称", "发布机构", "文号", "成文日期", "发布日期", "主题分类", "公开方式", "有效性", "档案编号"}

// cells returns an entry's values in the order of catalogueHeadings.
func (e *CatalogueEntry) cells() []string {
	return []string{e.IndexNo, e.Title, e.Publisher, e.DocNo, e.Written, e.Published, e.Category, e.Access, e.Validity, strconv.FormatInt(e.ID, 10)}
}

// WriteCatalogueCSV writes catalogue entries as CSV (UTF-8 with BOM, CRLF):
// a heading row, then one row per entry, columns as catalogueHeadings.
func WriteCatalogueCSV(w io.Writer, entries []CatalogueEntry) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cw.Write(catalogueHeadings)
	for i := range entries {
		cw.Write(entries[i].cells())
	}
	cw.Flush()
	return cw.Error()
}

// WriteCatalogueXLSX writes a year's catalogue entries as an .xlsx workbook:
// a title, the heading row (repeated on every printed page), one row per
// entry; A4 landscape, fitted to the page's width.
func WriteCatalogueXLSX(w io.Writer, year int, entries []CatalogueEntry) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &reportBook{f: f, sheet: fmt.Sprintf("%d年政府信息公开目录", year)}
	x.keep(f.SetSheetName(f.GetSheetName(0), x.sheet))
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	for _, s := range []struct {
		id *int
		st *excelize.Style
	}{
		{&x.title, &excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 14, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&x.head, &excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 11, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}, Border: border}},
		{&x.label, &excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 10}, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}, Border: border}},
	} {
		id, err := f.NewStyle(s.st)
		x.keep(err)
		*s.id = id
	}
	if x.err != nil {
		return fmt.Errorf("catalogue xlsx: %w", x.err)
	}
	x.span(1, 1, len(catalogueHeadings), 1, fmt.Sprintf("政府信息公开目录（%d年）", year), x.title)
	for i, h := range catalogueHeadings {
		x.cell(i+1, 2, h, x.head)
	}
	for r := range entries {
		for c, v := range entries[r].cells() {
			x.cell(c+1, 3+r, v, x.label)
		}
		x.height(3+r, linesHeight(entries[r].Title, 18))
	}
	x.height(1, 30)
	x.height(2, 22)
	x.widths(26, 40, 20, 18, 12, 12, 16, 10, 8, 9)
	a4, one, zero, fit := 9, 1, 0, true
	orient := "landscape"
	x.keep(f.SetPageLayout(x.sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}))
	x.keep(f.SetSheetProps(x.sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	x.keep(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$2", x.sheet), Scope: x.sheet}))
	if x.err == nil {
		x.err = f.Write(w)
	}
	if x.err != nil {
		return fmt.Errorf("catalogue xlsx: %w", x.err)
	}
	return nil
}
