package review_test

import (
	"os"
	"strings"
	"testing"

	"prepub/assets"
	"prepub/review"
)

func defaultRulesText() []byte { return assets.Rules }

func customRules(t testing.TB, src string) *review.Rules {
	t.Helper()
	r, err := review.ParseRules("office.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func corpusText(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("../../shared/corpus/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestCustomRules ensures an office's own levels: legal review for on request, and a principal head for every policy document.
func TestCustomRules(t *testing.T) {
	rules := customRules(t, `
[settings]
min_reason_chars = 6

[[step]]
role = "secrecy-officer"
when = ["always"]
why = "本单位所有公文先经保密员审查"

[[step]]
role = "legal-office"
when = ["withheld", "on-request", "policy"]
why = "依申请公开和政策性文件也须法制审查"

[[step]]
role = "deputy-head"
when = ["ordinary"]
unless = ["policy", "withheld"]
why = "一般信息分管负责人签发"

[[step]]
role = "principal-head"
when = ["important", "policy", "withheld"]
why = "主要负责人审批"
`)
	for _, tc := range []struct {
		dec  review.Decision
		want string
	}{
		{review.Decision{Attribute: review.Public}, "secrecy-officer,deputy-head"},
		{review.Decision{Attribute: review.OnRequest, Reason: "仅涉及申请人"}, "secrecy-officer,legal-office,deputy-head"},
		{review.Decision{Attribute: review.Public, Policy: true, Interpretation: &review.Attachment{File: "j.docx", Readable: true}}, "secrecy-officer,legal-office,principal-head"},
	} {
		if o := rules.Check(draftOf(t, plain), tc.dec); roles(o) != tc.want {
			t.Errorf("%+v: got %s %v, want %s", tc.dec, roles(o), o.Returns, tc.want)
		}
	}
}

// TestRulesRefused ensures a rules file that does not validate is refused with the line at fault.
func TestRulesRefused(t *testing.T) {
	step := func(role, when string) string {
		return "[[step]]\nrole = \"" + role + "\"\nwhen = [" + when + "]\n"
	}
	sign := step("deputy-head", `"always"`)
	for name, tc := range map[string]struct{ src, want string }{
		"UnknownRole":      {sign + step("mayor", `"always"`), "第 4 行"},
		"UnknownCondition": {step("secrecy-officer", `"secret"`) + sign, "第 1 行"},
		"Cycle":            {sign + step("legal-office", `"withheld"`) + step("deputy-head", `"important"`), "第 7 行"},
		"NoWhen":           {sign + "[[step]]\nrole = \"legal-office\"\n", "第 4 行"},
		"Unreachable":      {sign + "[[step]]\nrole = \"legal-office\"\nwhen = [\"withheld\"]\nunless = [\"withheld\"]\n", "第 4 行"},
		"NoSigner":         {step("legal-office", `"always"`), "没有签发环节"},
		"NoSignerForSome":  {step("deputy-head", `"ordinary"`), "重要"},
		"Syntax":           {sign + "[[step]\n", "第 5 行"},
		"UnknownField":     {sign + "colour = \"red\"\n", "colour"},
		"NoSteps":          {"[settings]\nmin_reason_chars = 5\n", "没有任何"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := review.ParseRules("office.toml", []byte(tc.src))
			if err == nil || review.ErrorCode(err) != review.ErrRules || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "office.toml") {
				t.Fatalf("want error with %q, got %v", tc.want, err)
			}
		})
	}
}

// TestDefaultRules ensures the embedded file validates and its summary names every step.
func TestDefaultRules(t *testing.T) {
	r := review.DefaultRules()
	if len(r.Steps) != 4 || r.Steps[0].Line == 0 || !r.Settings.OnRequestNeedsReason || r.Settings.MinReasonChars != 10 {
		t.Fatalf("%+v", r)
	}
	sum := r.Summary()
	for _, want := range []string{"保密员", "法制机构", "分管负责人", "主要负责人", "内置默认规则"} {
		if !strings.Contains(sum, want) {
			t.Errorf("summary lacks %s:\n%s", want, sum)
		}
	}
}

// TestRulesSummaryInWords ensures the summary a person reads names every condition in Chinese,
// with no condition code or file path left in it.
func TestRulesSummaryInWords(t *testing.T) {
	sum := review.DefaultRules().Summary()
	for _, code := range []string{"secrecy-finding", "withheld", "partial", "ordinary", "important", ".toml", "assets/"} {
		if strings.Contains(sum, code) {
			t.Errorf("summary shows %q:\n%s", code, sum)
		}
	}
	for _, want := range []string{"一般信息时（不予公开的除外）", "不予公开或部分不予公开时", "保密检查有未处理的高风险或严重问题时"} {
		if !strings.Contains(sum, want) {
			t.Errorf("summary lacks %q:\n%s", want, sum)
		}
	}
}
