package index

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"prepub/assets"
	"prepub/review"
)

// CatalogueFile is the name of an office's own catalogue scheme in the archive folder.
const CatalogueFile = "catalogue.toml"

// DefaultCatalogueSource names the embedded default scheme.
const DefaultCatalogueSource = "内置默认方案（assets/catalogue.toml）"

// CatalogueScheme is how an office numbers and classifies its public
// catalogue (政府信息公开目录): the index number's parts, the publisher's
// name and the subject categories. It is data: assets/catalogue.toml holds
// the default, and an office's own file replaces it.
type CatalogueScheme struct {
	Publisher       string            `toml:"publisher"`        // 发布机构; empty: the drafting department
	IndexFormat     string            `toml:"index_format"`     // with {agency}, {period} and {seq}
	AgencyCode      string            `toml:"agency_code"`      // 统一社会信用代码 or 组织机构代码
	Period          string            `toml:"period"`           // "year" (2026) or "month" (202603)
	SequenceWidth   int               `toml:"sequence_width"`   // digits, zero-padded
	Categories      []string          `toml:"categories"`       // 主题分类, the office's list
	DefaultCategory string            `toml:"default_category"` // for a department with none
	Departments     map[string]string `toml:"departments"`      // drafting department → category
	Source          string            `toml:"-"`                // the file it came from, or the embedded default
	Raw             []byte            `toml:"-"`                // the file's text, as read
}

// Index number periods.
const (
	PeriodYear  = "year"
	PeriodMonth = "month"
)

// seqMark is the sequence's place in a series: a series is an index number
// with every part but the sequence filled in.
const seqMark = "{seq}"

// DefaultCatalogueScheme returns the embedded default scheme.
func DefaultCatalogueScheme() *CatalogueScheme {
	s, err := ParseCatalogueScheme(DefaultCatalogueSource, assets.Catalogue)
	if err != nil {
		panic("embedded catalogue scheme does not validate: " + err.Error()) // a build defect, caught by the tests
	}
	return s
}

// LoadCatalogueScheme reads and checks an office's scheme file.
func LoadCatalogueScheme(path string) (*CatalogueScheme, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, review.Wrap(err, review.ErrInvalid, "无法读取公开目录编号方案 %s", path)
	}
	return ParseCatalogueScheme(path, data)
}

// ParseCatalogueScheme reads and checks a scheme. Errors are *review.Error
// with code ErrInvalid, naming the file and what to change.
func ParseCatalogueScheme(source string, data []byte) (*CatalogueScheme, error) {
	s := &CatalogueScheme{Source: source, Raw: data}
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(s)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, review.Errorf(review.ErrInvalid, "公开目录编号方案 %s 第 %d 行格式错误：%s", source, pe.Position.Line, pe.Message)
		}
		return nil, review.Wrap(err, review.ErrInvalid, "公开目录编号方案 %s 有误", source)
	}
	if extra := md.Undecoded(); len(extra) > 0 {
		return nil, review.Errorf(review.ErrInvalid, "公开目录编号方案 %s 中有无法识别的设置“%s”：请对照内置默认方案（prepubctl catalogue --scheme）", source, extra[0])
	}
	bad := func(format string, args ...any) error {
		return review.Errorf(review.ErrInvalid, "公开目录编号方案 %s：%s", source, fmt.Sprintf(format, args...))
	}
	s.AgencyCode = strings.TrimSpace(s.AgencyCode)
	switch {
	case strings.Count(s.IndexFormat, seqMark) != 1:
		return nil, bad("index_format 须含且只含一个 {seq}（序号），如 \"{agency}/{period}-{seq}\"")
	case strings.Contains(strings.NewReplacer("{agency}", "", "{period}", "", seqMark, "").Replace(s.IndexFormat), "{"):
		return nil, bad("index_format 中只能用 {agency}、{period} 和 {seq}")
	case s.AgencyCode == "" && strings.Contains(s.IndexFormat, "{agency}"):
		return nil, bad("请填写 agency_code（本机关的统一社会信用代码或组织机构代码）")
	case strings.ContainsAny(s.AgencyCode, "{}"):
		return nil, bad("agency_code 中不能有花括号")
	case s.Period != PeriodYear && s.Period != PeriodMonth:
		return nil, bad("period 应为 year 或 month，现为 %q", s.Period)
	case s.SequenceWidth < 1 || s.SequenceWidth > 9:
		return nil, bad("sequence_width 应在 1 到 9 之间，现为 %d", s.SequenceWidth)
	case s.DefaultCategory == "":
		return nil, bad("请填写 default_category（没有对应分类时用的主题分类）")
	}
	if len(s.Categories) > 0 {
		known := map[string]bool{}
		for _, c := range s.Categories {
			known[c] = true
		}
		if !known[s.DefaultCategory] {
			return nil, bad("default_category “%s”不在 categories 中", s.DefaultCategory)
		}
		for dept, c := range s.Departments {
			if !known[c] {
				return nil, bad("部门“%s”对应的主题分类“%s”不在 categories 中", dept, c)
			}
		}
	}
	return s, nil
}

// Category returns the subject category of a draft from a department: the
// one the scheme gives the department, else the department's own name when
// it is a category, else the default category.
func (s *CatalogueScheme) Category(department string) string {
	if c, ok := s.Departments[department]; ok {
		return c
	}
	if s.HasCategory(department) {
		return department
	}
	return s.DefaultCategory
}

// HasCategory reports whether c is one of the scheme's categories; any
// non-empty category is when the scheme lists none.
func (s *CatalogueScheme) HasCategory(c string) bool {
	if c == "" {
		return false
	}
	if len(s.Categories) == 0 {
		return true
	}
	for _, x := range s.Categories {
		if x == c {
			return true
		}
	}
	return false
}

// series returns the index number of an item published at t, with {seq} left in.
func (s *CatalogueScheme) series(t time.Time) string {
	period := t.In(time.Local).Format("2006")
	if s.Period == PeriodMonth {
		period = t.In(time.Local).Format("200601")
	}
	return strings.NewReplacer("{agency}", s.AgencyCode, "{period}", period).Replace(s.IndexFormat)
}

// number returns the index number of the seq-th item of a series.
func (s *CatalogueScheme) number(series string, seq int) string {
	return strings.Replace(series, seqMark, fmt.Sprintf("%0*d", s.SequenceWidth, seq), 1)
}

// publisher returns the 发布机构 of a draft from a department.
func (s *CatalogueScheme) publisher(department string) string {
	if s.Publisher != "" {
		return s.Publisher
	}
	return department
}

// CatalogueScheme returns the scheme in force for the archive: the office's
// catalogue.toml in the archive folder when there is one, else the default.
func (a *Archive) CatalogueScheme() (*CatalogueScheme, error) {
	if a.Dir != "" {
		p := filepath.Join(a.Dir, CatalogueFile)
		if _, err := os.Stat(p); err == nil {
			return LoadCatalogueScheme(p)
		}
	}
	return DefaultCatalogueScheme(), nil
}
