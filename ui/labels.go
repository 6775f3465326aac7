package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/lang"

	"prepub/review/extract"
	"prepub/review/scan"
)

// categoryNames are the Chinese display names of the built-in finding categories.
var categoryNames = map[string]string{
	scan.CatMarking:           "密级标志",
	scan.CatMarkingPeriod:     "保密期限",
	scan.CatSecrecyTerm:       "涉密用语",
	"internal":                "内部事项",
	"process":                 "过程性信息",
	"trade-secret":            "商业秘密",
	scan.CatResidentID:        "身份证号",
	scan.CatMobile:            "手机号",
	scan.CatBankCard:          "银行卡号",
	scan.CatCreditCode:        "统一社会信用代码",
	scan.CatAttributeMismatch: "公开属性不符",
}

// categoryName returns a category's Chinese name, or the code for a category an office added.
func categoryName(c string) string {
	if n, ok := categoryNames[c]; ok {
		return lang.L(n)
	}
	return c
}

// place says where a finding is: part, the part's own name when it adds something, and line.
func place(f scan.Finding) string {
	p := extract.Label(f.Part, f.PartName)
	if kind := f.Part.Name(); strings.HasPrefix(p, kind) {
		p = lang.L(kind) + p[len(kind):] // the kind in the window's language; the core names parts in Chinese
	}
	if f.Line > 0 {
		p += fmt.Sprintf(lang.L(" 第%d行"), f.Line)
	}
	return p
}

// yesNo words a flag for a table cell.
func yesNo(b bool) string {
	if b {
		return lang.L("是")
	}
	return lang.L("否")
}

// verdict words the outcome of a report in one line, as prepubctl scan does.
func verdict(fr *scan.FileReport) string {
	switch {
	case fr.Status == scan.StatusUnreadable:
		r := strings.TrimSuffix(strings.TrimPrefix(fr.Reason, "无法检查："), "。")
		return lang.L("无法检查：") + r + lang.L("。此文件未经检查，不能视为通过。")
	case fr.Critical:
		return lang.L("发现密级标志，不得公开")
	case fr.Worst == scan.High:
		return lang.L("有高风险问题，须保密审查")
	}
	return lang.L("未发现严重问题")
}

// summary gives the counts, coverage, allow-list and warning line under the verdict.
func summary(fr *scan.FileReport) string {
	if fr.Status == scan.StatusUnreadable {
		return ""
	}
	n := map[scan.Severity]int{}
	for _, f := range fr.Findings {
		n[f.Severity]++
	}
	s := fmt.Sprintf(lang.L("严重 %d，高 %d，中 %d，低 %d；文字覆盖率 %.0f%%"),
		n[scan.Critical], n[scan.High], n[scan.Medium], n[scan.Low], fr.Coverage*100)
	if fr.Allowed > 0 {
		s += fmt.Sprintf(lang.L("；白名单放行 %d"), fr.Allowed)
	}
	for _, st := range fr.Statements {
		s += fmt.Sprintf(lang.L("；正文写明公开属性：%s"), scan.AttributeName(st.Attribute))
	}
	if fr.Reason != "" {
		s += lang.L("\n注意：") + fr.Reason
	}
	return s
}
