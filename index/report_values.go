package index

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"prepub/review"
)

// Kinds of a typed-in report item.
const (
	ItemCount  = "count"  // a number of decisions or cases: a whole number
	ItemAmount = "amount" // an amount in 万元: a number with at most four decimals
	ItemText   = "text"   // a section written out
)

// ReportItem is an item of the annual report that does not come from the
// archive: the office types it in from other systems (licensing, penalties,
// compulsion, fees; reconsideration and litigation) or writes it (sections 五 and 六).
type ReportItem struct {
	Key     string `json:"key"`     // e.g. "licensing"
	Section string `json:"section"` // 二, 四, 五 or 六
	Group   string `json:"group"`   // the item or column group it belongs to, e.g. 第二十条第（五）项, 行政复议
	Label   string `json:"label"`   // e.g. 行政许可
	Column  string `json:"column"`  // what is counted, e.g. 本年处理决定数量
	Kind    string `json:"kind"`    // ItemCount, ItemAmount or ItemText
}

// Section 四's row groups and columns (国办公开办函〔2021〕30号).
var (
	section4Groups = []struct{ key, group, label string }{
		{"reconsideration", "行政复议", "行政复议"},
		{"litigation", "行政诉讼", "未经复议直接起诉"},
		{"litigation-after-review", "行政诉讼", "复议后起诉"},
	}
	section4Columns = []struct{ key, label string }{
		{"upheld", "结果维持"}, {"corrected", "结果纠正"}, {"other", "其他结果"}, {"pending", "尚未审结"},
	}
)

// ReportItems lists the typed-in items in the format's order.
var ReportItems = reportItems()

func reportItems() []ReportItem {
	items := []ReportItem{
		{Key: "licensing", Section: "二", Group: "第二十条第（五）项", Label: "行政许可", Column: "本年处理决定数量", Kind: ItemCount},
		{Key: "penalty", Section: "二", Group: "第二十条第（六）项", Label: "行政处罚", Column: "本年处理决定数量", Kind: ItemCount},
		{Key: "compulsion", Section: "二", Group: "第二十条第（六）项", Label: "行政强制", Column: "本年处理决定数量", Kind: ItemCount},
		{Key: "fees", Section: "二", Group: "第二十条第（八）项", Label: "行政事业性收费", Column: "本年收费金额（单位：万元）", Kind: ItemAmount},
	}
	for _, g := range section4Groups {
		for _, c := range section4Columns {
			items = append(items, ReportItem{Key: g.key + "." + c.key, Section: "四", Group: g.group, Label: g.label, Column: c.label, Kind: ItemCount})
		}
	}
	return append(items,
		ReportItem{Key: "problems", Section: "五", Label: "存在的主要问题及改进情况", Column: "内容", Kind: ItemText},
		ReportItem{Key: "other-matters", Section: "六", Label: "其他需要报告的事项", Column: "内容", Kind: ItemText},
	)
}

// LookupReportItem returns the typed-in item with the key, or false.
func LookupReportItem(key string) (ReportItem, bool) {
	for _, it := range ReportItems {
		if it.Key == key {
			return it, true
		}
	}
	return ReportItem{}, false
}

// maxReportText is the longest text a section may hold, in characters.
const maxReportText = 20000

// Normalize checks a value typed for the item and returns it as kept:
// numbers without spaces or thousands separators, full-width digits made
// half-width; texts trimmed. Empty clears the item. A wrong value is an
// *Error with code ErrInvalid whose Chinese message says what to type.
func (it ReportItem) Normalize(value string) (string, error) {
	if it.Kind == ItemText {
		v := strings.TrimSpace(value)
		if err := review.CheckText("“"+it.Label+"”", v, maxReportText); err != nil {
			return "", err
		}
		if utf8.RuneCountInString(v) > maxReportText {
			return "", review.Errorf(review.ErrInvalid, "“%s”不能超过 %d 字", it.Label, maxReportText)
		}
		return v, nil
	}
	v := strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '．':
			return '.'
		case r == ',' || r == '，' || r == ' ' || r == '\u3000':
			return -1
		}
		return r
	}, value)
	if v == "" {
		return "", nil
	}
	what := it.Label
	if it.Section == "四" {
		what = it.Label + "·" + it.Column
	}
	if it.Kind == ItemCount {
		n, err := strconv.ParseUint(v, 10, 32)
		if err != nil {
			return "", review.Errorf(review.ErrInvalid, "“%s”应填不小于 0 的整数，如 12（收到的是 %q）", what, value)
		}
		return strconv.FormatUint(n, 10), nil
	}
	whole, frac, _ := strings.Cut(v, ".")
	if _, err := strconv.ParseUint(whole, 10, 40); err != nil || len(frac) > 4 || strings.Trim(frac, "0123456789") != "" || strings.HasSuffix(v, ".") {
		return "", review.Errorf(review.ErrInvalid, "“%s”应填以万元为单位、不小于 0 的金额，最多四位小数，如 12.5（收到的是 %q）", what, value)
	}
	f, _ := strconv.ParseFloat(v, 64)
	return strconv.FormatFloat(f, 'f', -1, 64), nil
}

// ReportValues are one year's typed-in items, by key; an item not typed is absent.
type ReportValues map[string]string

// hash is the content hash of a year's typed-in items as stored; empty when none.
func (vals ReportValues) hash(year int) string {
	if len(vals) == 0 {
		return emptyHash
	}
	keys := make([]string, 0, len(vals))
	for k := range vals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fields := []string{"report_values", strconv.Itoa(year)}
	for _, k := range keys {
		fields = append(fields, k, vals[k])
	}
	return fieldsHash(fields...)
}

// ReportValues returns the items typed in for a year.
func (a *Archive) ReportValues(ctx context.Context, year int) (ReportValues, error) {
	if a.Store == nil {
		return nil, errClosed
	}
	return reportValuesOf(a.Store.query(ctx), year)
}

// SetReportValues keeps the items typed in for a year, by key: each value is
// checked and normalized (ReportItem.Normalize), empty clears the item, items
// not given are left as they are. All are written, with one audit entry, in
// one transaction, or none when any is wrong.
func (a *Archive) SetReportValues(ctx context.Context, year int, values map[string]string, actor string) (ReportValues, error) {
	if a.Store == nil {
		return nil, errClosed
	}
	if year < 2000 || year > 2200 {
		return nil, review.Errorf(review.ErrInvalid, "年度 %d 无效", year)
	}
	clean := make(map[string]string, len(values))
	for k, v := range values {
		it, ok := LookupReportItem(k)
		if !ok {
			return nil, review.Errorf(review.ErrInvalid, "年报没有“%s”这一项：可填的项见 prepubctl report --items", k)
		}
		n, err := it.Normalize(v)
		if err != nil {
			return nil, err
		}
		clean[k] = n
	}
	s := a.Store
	tx, err := s.begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	for k, v := range clean {
		if v == "" {
			tx.queue(`DELETE FROM report_values WHERE year=$1 AND item=$2`, year, k)
		} else {
			tx.queue(`INSERT INTO report_values (year, item, value) VALUES ($1, $2, $3)
				ON CONFLICT (year, item) DO UPDATE SET value=excluded.value`, year, k, v)
		}
	}
	vals, err := reportValuesOf(tx.query, year)
	if err != nil {
		return nil, err
	}
	if err := s.appendAudit(ctx, tx, actor, sideActionOf(sideReportValues, year, ""), 0, vals.hash(year)); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, storeErr("无法保存年报数据", err)
	}
	return vals, nil
}

// reportValuesOf reads a year's typed-in items.
func reportValuesOf(query rowsQuery, year int) (ReportValues, error) {
	rows, err := query(`SELECT item, value FROM report_values WHERE year=$1`, year)
	if err != nil {
		return nil, storeErr("无法读取年报数据", err)
	}
	defer rows.Close()
	vals := ReportValues{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, storeErr("无法读取年报数据", err)
		}
		vals[k] = v
	}
	return vals, rows.Err()
}

// reportValueYears lists the years that have typed-in items.
func (s *Store) reportValueYears(ctx context.Context) ([]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT year FROM report_values ORDER BY year`)
	if err != nil {
		return nil, storeErr("无法读取年报数据", err)
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, storeErr("无法读取年报数据", err)
		}
		out = append(out, y)
	}
	return out, rows.Err()
}
