package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"prepub/review"
	"prepub/review/scan"
)

// policyWidgets shows the policy in force: the rules file with a readable
// summary, the keyword classes, the office's keyword files and its allow list.
// With the office server they are the server's, said so with their version,
// and read-only here: the server's administrator changes them.
func policyWidgets(svc *Services) []fyne.CanvasObject {
	svc.mu.RLock()
	office, rules, rulesPath, sp := svc.office, svc.Rules, svc.RulesPath, svc.Policy
	svc.mu.RUnlock()
	bold := func(s string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	var out []fyne.CanvasObject
	builtin := review.BuiltinKeywords()
	kwTitle := lang.L("保密检查关键词（内置；本单位可用关键词文件追加）")
	officeFiles, allow := policyText(sp)
	if office != nil {
		out = append(out, bold(officeSource(office)),
			newWrapLabel(lang.L("以下签发规则、关键词和白名单由单位服务器统一下发，在此只能查看；如需修改，请联系服务器管理员。")))
		builtin, kwTitle = office.Builtin, lang.L("保密检查关键词（内置）")
		officeFiles = officeKeywordText(office.Keywords)
		if office.Allow == nil {
			allow = lang.L("（单位服务器未设白名单）")
		}
	} else if rulesPath == "" {
		rulesPath = lang.L("（未指定本单位规则文件，使用内置默认规则；启动时用 --rules 文件 指定）")
	}
	out = append(out, bold(lang.L("签发规则文件")), widget.NewLabel(rulesPath), newWrapLabel(rules.Summary()),
		bold(kwTitle), newWrapLabel(keywordClasses(builtin)),
		bold(lang.L("本单位关键词文件")), newWrapLabel(officeFiles),
		bold(lang.L("保密检查白名单")), newWrapLabel(allow))
	return out
}

// officeSource says the policy came from the office server, with its version and when the server read it.
func officeSource(p *review.Policy) string {
	return fmt.Sprintf(lang.L("来自单位服务器（版本 %s，更新于 %s）"), p.ShortVersion(), p.Loaded.Local().Format("2006-01-02 15:04"))
}

// keywordClasses lists a keyword file's classes: category, severity and terms, a line each.
func keywordClasses(f review.PolicyFile) string {
	tf, err := scan.ParseTerms(f.Name, []byte(f.Text))
	if err != nil {
		return err.Error()
	}
	var b strings.Builder
	for _, c := range tf.Classes {
		fmt.Fprintf(&b, "%s（%s）：%s\n", categoryName(c.Category), c.Severity.Chinese(), strings.Join(c.Terms, "、"))
	}
	return b.String()
}

// officeKeywordText lists the office's keyword files the server sent, each with its classes.
func officeKeywordText(files []review.PolicyFile) string {
	if len(files) == 0 {
		return lang.L("（单位服务器未指定本单位关键词文件）")
	}
	var b strings.Builder
	for _, f := range files {
		b.WriteString(f.Name + "\n" + keywordClasses(f))
	}
	return b.String()
}

// policyText describes an office's keyword files and its allow list, entry by entry with reason and expiry.
func policyText(p *scan.Policy) (office, allow string) {
	office = lang.L("（未指定；启动时用 --keywords 文件 指定）")
	allow = lang.L("（未指定白名单；启动时用 --allow 文件 指定）")
	if p == nil {
		return office, allow
	}
	if len(p.KeywordFiles) > 0 {
		office = strings.Join(p.KeywordFiles, "\n")
	}
	if p.Allow != nil {
		var b strings.Builder
		b.WriteString(p.AllowFile + "\n")
		today := time.Now().Format("2006-01-02")
		for _, e := range p.Allow.Entries {
			what := e.Text
			if what == "" {
				what = e.Pattern
			}
			exp := e.Expires.Format("2006-01-02")
			fmt.Fprintf(&b, "· %s：%s（%s %s", what, e.Reason, lang.L("到期"), exp)
			if today > exp {
				b.WriteString("，" + lang.L("已过期"))
			}
			b.WriteString("）\n")
		}
		allow = b.String()
	}
	return office, allow
}
