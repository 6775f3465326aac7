package review_test

import (
	"strings"
	"testing"

	"prepub/internal/docxfixture"
	"prepub/review"
	"prepub/review/extract"
	"prepub/review/scan"
)

var sc, _ = scan.Default()

// draftOf scans text as a .txt draft.
func draftOf(t testing.TB, text string) review.Draft {
	t.Helper()
	return review.Draft{Report: sc.ScanBytes("draft.txt", []byte(text), extract.DefaultLimits(), scan.Options{})}
}

const (
	plain      = "关于做好2026年防汛物资储备工作的通知\n各乡镇人民政府：\n现就有关事项通知如下。\n"
	goodWhy    = "该文件涉及在建工程招标的标底和投标人经营信息，公开会损害第三方合法权益，第三方书面表示不同意公开。"
	onReqWhy   = "本通知只涉及少数申请单位的具体事项，不属于需要社会公众广泛知晓的信息。"
	importantT = "关于印发《某县政府信息公开工作规定》的通知\n各单位：\n"
)

func roles(o review.Outcome) string {
	var r []string
	for _, s := range o.Route {
		r = append(r, string(s.Role))
	}
	return strings.Join(r, ",")
}

// TestReturns ensures every return reason of the default rules, each with a Chinese message.
func TestReturns(t *testing.T) {
	rules := review.DefaultRules()
	withheld := review.Decision{Attribute: review.Withheld, Basis: "third-party", Reason: goodWhy}
	for _, tc := range []struct {
		name string
		text string
		dec  review.Decision
		want string
	}{
		{"NoAttribute", plain, review.Decision{}, review.RetNoAttribute},
		{"BadAttribute", plain, review.Decision{Attribute: "secret"}, review.RetNoAttribute},
		{"NoBasis", plain, review.Decision{Attribute: review.Withheld, Reason: goodWhy}, review.RetNoBasis},
		{"BadBasis", plain, review.Decision{Attribute: review.Withheld, Basis: "privacy", Reason: goodWhy}, review.RetBadBasis},
		{"NoReason", plain, review.Decision{Attribute: review.Withheld, Basis: "third-party"}, review.RetNoReason},
		{"ShortReason", plain, review.Decision{Attribute: review.Withheld, Basis: "third-party", Reason: "涉及隐私"}, review.RetNoReason},
		{"ReasonRepeatsBasis", plain, review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: "依据条例第十四条，属于国家秘密，不予公开。"}, review.RetNoReason},
		{"OnRequestNoReason", plain, review.Decision{Attribute: review.OnRequest}, review.RetNoReason},
		{"PolicyNoInterpretation", plain, review.Decision{Attribute: review.Public, Policy: true}, review.RetNoInterpretation},
		{"PolicyUnreadableInterpretation", plain, review.Decision{Attribute: review.Public, Policy: true,
			Interpretation: &review.Attachment{File: "解读.doc", Reason: "不支持的格式"}}, review.RetNoInterpretation},
		{"AttributeMismatch", plain + "（此件依申请公开）\n", review.Decision{Attribute: review.Public}, review.RetAttributeMismatch},
		{"MarkedSecretPublic", "机密★1年\n" + plain, review.Decision{Attribute: review.Public}, review.RetMarkedSecret},
		{"MarkedSecretOnRequest", "秘密\n" + plain, review.Decision{Attribute: review.OnRequest, Reason: onReqWhy}, review.RetMarkedSecret},
		{"RedactionNoBasis", plain, review.Decision{Attribute: review.Public, Redactions: []review.Redaction{{Text: "有关事项"}}}, review.RetRedactionNoBasis},
		{"RedactionNotInDraft", plain, review.Decision{Attribute: review.Public, Redactions: []review.Redaction{{Text: "张三 13812345678", Basis: "third-party", Reason: "个人信息"}}}, review.RetRedactionNotFound},
		{"Unreadable", "", withheld, review.RetUnreadable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := rules.Check(draftOf(t, tc.text), tc.dec)
			if len(o.Returns) == 0 || o.Returns[0].Code != tc.want || len(o.Route) != 0 {
				t.Fatalf("want %s, got %v route %v", tc.want, o.Returns, o.Route)
			}
			if o.Result != review.Returned && !(tc.want == review.RetUnreadable && o.Result == review.Unreadable) {
				t.Fatalf("result %s", o.Result)
			}
			if m := o.Returns[0].Message; !strings.ContainsAny(m, "请") || len([]rune(m)) < 10 {
				t.Fatalf("message does not say what to do: %q", m)
			}
		})
	}
}

// TestRoutes ensures every route of the default rules.
func TestRoutes(t *testing.T) {
	rules := review.DefaultRules()
	for _, tc := range []struct {
		name, text string
		dec        review.Decision
		want       string
	}{
		{"OrdinaryPublic", plain, review.Decision{Attribute: review.Public}, "deputy-head"},
		{"OrdinaryOnRequest", plain, review.Decision{Attribute: review.OnRequest, Reason: onReqWhy}, "deputy-head"},
		{"ImportantByClerk", plain, review.Decision{Attribute: review.Public, Important: true}, "principal-head"},
		{"ImportantByTitle", importantT, review.Decision{Attribute: review.Public}, "principal-head"},
		// The clerk's title does not take the document's own title off the principal head's desk.
		{"ImportantRenamed", importantT, review.Decision{Attribute: review.Public, Title: "关于做好有关工作的通知"}, "principal-head"},
		{"ImportantTitleBroken", "关于印发《某县政府信息公开\n工作规定》的通知\n各单位：\n请遵照执行。\n", review.Decision{Attribute: review.Public}, "principal-head"},
		{"ImportantByUrgency", "特急\n" + plain, review.Decision{Attribute: review.Public}, "principal-head"},
		{"Normative", plain, review.Decision{Attribute: review.Public, Normative: true}, "principal-head"},
		{"Withheld", plain, review.Decision{Attribute: review.Withheld, Basis: "third-party", Reason: goodWhy}, "legal-office,principal-head"},
		{"WithheldMarked", "机密★1年\n" + plain, review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: "本通知载明防汛物资储备库的具体位置和数量，经定密属于国家秘密事项。"}, "secrecy-officer,legal-office,principal-head"},
		{"PublicWithInternalLabel", "内部资料 注意保存\n" + plain, review.Decision{Attribute: review.Public}, "secrecy-officer,deputy-head"},
		{"PartialPublic", plain, review.Decision{Attribute: review.Public, Redactions: []review.Redaction{{Text: "有关事项", Basis: "third-party", Reason: "个人信息"}}}, "legal-office,deputy-head"},
		// A passage written full-width, in Traditional characters or broken across a line is still the draft's.
		{"PartialPublicFolded", plain, review.Decision{Attribute: review.Public, Redactions: []review.Redaction{{Text: "有關\n事項", Basis: "third-party", Reason: "个人信息"}}}, "legal-office,deputy-head"},
		{"PolicyWithInterpretation", plain, review.Decision{Attribute: review.Public, Policy: true, Interpretation: &review.Attachment{File: "解读.docx", Readable: true}}, "deputy-head"},
		{"CorpusPublic", corpusText(t, "xuyi-news.txt"), review.Decision{Attribute: review.Public}, "deputy-head"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := rules.Check(draftOf(t, tc.text), tc.dec)
			if o.Result != review.Routed || roles(o) != tc.want {
				t.Fatalf("want route %s, got %s %v", tc.want, roles(o), o.Returns)
			}
			for _, s := range o.Route {
				if s.Why == "" {
					t.Fatalf("step %s has no reason", s.Role)
				}
			}
		})
	}
}

// TestPartialCoverage ensures a PDF with pages that could not be checked goes to the secrecy officer.
func TestPartialCoverage(t *testing.T) {
	d := draftOf(t, plain)
	d.Report.Coverage = 0.5
	o := review.DefaultRules().Check(d, review.Decision{Attribute: review.Public})
	if roles(o) != "secrecy-officer,deputy-head" {
		t.Fatalf("%s", roles(o))
	}
}

// TestClearedMarking ensures a marking the secrecy officer cleared as a false alarm no longer returns the draft, and a confirmed one does.
func TestClearedMarking(t *testing.T) {
	rules := review.DefaultRules()
	d := draftOf(t, "机密★1年\n"+plain)
	d.Resolutions = map[int]review.Resolution{0: {Confirmed: false, Note: "模板残留"}}
	if o := rules.Check(d, review.Decision{Attribute: review.Public}); o.Result != review.Routed || roles(o) != "deputy-head" {
		t.Fatalf("cleared: %v %v", o.Returns, roles(o))
	}
	d.Resolutions[0] = review.Resolution{Confirmed: true}
	if o := rules.Check(d, review.Decision{Attribute: review.Public}); o.Result != review.Returned || !strings.Contains(o.Returns[0].Message, "保密员已确认") {
		t.Fatalf("confirmed: %v", o.Returns)
	}
}

// TestHiddenMarking ensures a marking hidden in a tracked deletion still returns a public draft.
func TestHiddenMarking(t *testing.T) {
	rep := sc.ScanBytes("d.docx", docxfixture.Doc{Body: []string{"关于某事项的通知"}, Deleted: []string{"绝密★"}}.Build(), extract.DefaultLimits(), scan.Options{})
	o := review.DefaultRules().Check(review.Draft{Report: rep}, review.Decision{Attribute: review.Public})
	if o.Result != review.Returned || o.Returns[0].Code != review.RetMarkedSecret || !strings.Contains(o.Returns[0].Message, "修订删除") {
		t.Fatalf("%v", o.Returns)
	}
}

// TestRedactionAcrossParagraphs ensures a passage of a .docx withheld across
// two paragraphs is returned at submission (the release copy replaces passages
// within a paragraph), while each paragraph's passage, and the same words
// across a line break of a text draft, are routed.
func TestRedactionAcrossParagraphs(t *testing.T) {
	rep := sc.ScanBytes("d.docx", docxfixture.Doc{Body: []string{"关于某事项的通知", "联系人张三。", "电话另行通知。"}}.Build(), extract.DefaultLimits(), scan.Options{})
	rules := review.DefaultRules()
	dec := func(texts ...string) review.Decision {
		d := review.Decision{Attribute: review.Public}
		for _, x := range texts {
			d.Redactions = append(d.Redactions, review.Redaction{Text: x, Basis: "third-party", Reason: "个人信息"})
		}
		return d
	}
	o := rules.Check(review.Draft{Report: rep}, dec("联系人张三。", "张三。电话"))
	if o.Result != review.Returned || o.Returns[0].Code != review.RetRedactionNotFound || !strings.Contains(o.Returns[0].Message, "第 2 处") || !strings.Contains(o.Returns[0].Message, "跨越了段落") {
		t.Fatalf("across paragraphs: %s %v", o.Result, o.Returns)
	}
	if o := rules.Check(review.Draft{Report: rep}, dec("联系人张三。", "电话另行通知")); o.Result != review.Routed {
		t.Fatalf("within paragraphs: %s %v", o.Result, o.Returns)
	}
	if o := rules.Check(draftOf(t, "关于某事项的通知\n联系人张三。\n电话另行通知。\n"), dec("张三。电话")); o.Result != review.Routed {
		t.Fatalf("text draft: %s %v", o.Result, o.Returns)
	}
}

// TestSuggestions ensures findings suggest a basis and bases carry their articles' reminders, without imposing anything.
func TestSuggestions(t *testing.T) {
	rules := review.DefaultRules()
	o := rules.Check(draftOf(t, "关于某项目的征求意见稿\n联系人身份证号11010519491231002X\n"), review.Decision{Attribute: review.Public})
	if o.Result != review.Routed || o.SuggestedBasis != "third-party" {
		t.Fatalf("suggested %q, result %s %v", o.SuggestedBasis, o.Result, o.Returns)
	}
	o = rules.Check(draftOf(t, plain), review.Decision{Attribute: review.Withheld, Basis: "process-info", Reason: "该方案尚在征求意见阶段，内容可能重大调整，提前公开易引起误解。"})
	if len(o.Hints) == 0 || !strings.Contains(o.Hints[0], "第十六条") {
		t.Fatalf("hints %v", o.Hints)
	}
	o = rules.Check(draftOf(t, plain), review.Decision{Attribute: review.Withheld, Basis: "third-party", Reason: goodWhy})
	if len(o.Hints) == 0 || !strings.Contains(o.Hints[0], "第十五条") {
		t.Fatalf("hints %v", o.Hints)
	}
}

// TestOnRequestReasonSetting ensures an office can drop the on-request reason rule.
func TestOnRequestReasonSetting(t *testing.T) {
	rules := customRules(t, strings.Replace(string(defaultRulesText()), "on_request_needs_reason = true", "on_request_needs_reason = false", 1))
	if o := rules.Check(draftOf(t, plain), review.Decision{Attribute: review.OnRequest}); o.Result != review.Routed {
		t.Fatalf("%v", o.Returns)
	}
}
