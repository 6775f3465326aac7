package scan

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"time"

	"github.com/BurntSushi/toml"
)

// AllowEntry is one exception an office grants: findings whose text equals
// Text, or matches Pattern, are left out of the report until Expires.
type AllowEntry struct {
	Text     string    `toml:"text"`     // exact text, compared in normalised form
	Pattern  string    `toml:"pattern"`  // regular expression over the normalised text
	Category string    `toml:"category"` // only findings of this category; empty for any
	Reason   string    `toml:"reason"`   // why it is allowed (required)
	Expires  time.Time `toml:"expires"`  // last day it applies (required), a TOML date
	re       *regexp.Regexp
	norm     string
}

// AllowList is an office's list of allowed findings.
type AllowList struct {
	Entries []AllowEntry `toml:"allow"`
}

// ParseAllow reads and validates an allow-list file; errors name the entry and field.
func ParseAllow(name string, data []byte) (*AllowList, error) {
	var a AllowList
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&a)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("白名单文件 %s 第 %d 行格式错误：%s", name, pe.Position.Line, pe.Message)
		}
		return nil, fmt.Errorf("白名单文件 %s 格式错误：%v", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("白名单文件 %s：不认识的字段 %q", name, und[0].String())
	}
	for i := range a.Entries {
		e := &a.Entries[i]
		where := fmt.Sprintf("白名单文件 %s 第 %d 条", name, i+1)
		switch {
		case (e.Text == "") == (e.Pattern == ""):
			return nil, fmt.Errorf("%s：text 和 pattern 须有且只有一个", where)
		case e.Reason == "":
			return nil, fmt.Errorf("%s：缺少 reason（允许的理由）", where)
		case e.Expires.IsZero():
			return nil, fmt.Errorf("%s：缺少 expires（到期日期，如 2027-06-30）", where)
		}
		if e.Pattern != "" {
			re, err := regexp.Compile(e.Pattern)
			if err != nil {
				return nil, fmt.Errorf("%s：pattern 不是有效的正则表达式：%v", where, err)
			}
			e.re = re
		}
		e.norm = Normalize(e.Text)
	}
	return &a, nil
}

// expired reports whether the entry no longer applies on day now.
func (e *AllowEntry) expired(now time.Time) bool {
	return now.Format("2006-01-02") > e.Expires.Format("2006-01-02")
}

// covers reports whether the entry allows finding f.
func (e *AllowEntry) covers(f Finding) bool {
	if e.Category != "" && e.Category != f.Category {
		return false
	}
	if e.re != nil {
		return e.re.MatchString(f.Normalized)
	}
	return e.norm == f.Normalized
}

// Filter returns the findings no live entry covers, and how many were left out.
func (a *AllowList) Filter(fs []Finding, now time.Time) ([]Finding, int) {
	kept := fs[:0:0]
	allowed := 0
	for _, f := range fs {
		ok := false
		for i := range a.Entries {
			if !a.Entries[i].expired(now) && a.Entries[i].covers(f) {
				ok = true
				break
			}
		}
		if ok {
			allowed++
		} else {
			kept = append(kept, f)
		}
	}
	return kept, allowed
}
