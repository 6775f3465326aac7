package scan_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"prepub/assets"
	"prepub/internal/docxfixture"
	"prepub/review/extract"
	"prepub/review/scan"
)

func scanner(t testing.TB) *scan.Scanner {
	t.Helper()
	s, err := scan.Default()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// only returns the findings of one category.
func only(fs []scan.Finding, cat string) []scan.Finding {
	var out []scan.Finding
	for _, f := range fs {
		if f.Category == cat {
			out = append(out, f)
		}
	}
	return out
}

// TestCorpus ensures the five real public texts, full of secrecy mentions, scan with no critical and no high finding.
func TestCorpus(t *testing.T) {
	s := scanner(t)
	names, _ := filepath.Glob("../../../shared/corpus/*.txt")
	if len(names) != 5 {
		t.Fatalf("want the 5 corpus texts, found %d", len(names))
	}
	for _, n := range names {
		fr := s.ScanFile(n, extract.DefaultLimits(), scan.Options{})
		if fr.Status != scan.StatusChecked {
			t.Fatalf("%s: %s", n, fr.Reason)
		}
		c := map[scan.Severity]int{}
		for _, f := range fr.Findings {
			c[f.Severity]++
		}
		if c[scan.Critical] > 0 || c[scan.High] > 0 {
			t.Errorf("%s: %d critical, %d high: %+v", filepath.Base(n), c[scan.Critical], c[scan.High], fr.Findings)
		}
	}
}

// TestMarkings ensures classification markings are critical in every form PDF, OCR and Traditional text give them.
func TestMarkings(t *testing.T) {
	s := scanner(t)
	for _, tc := range []struct {
		name, text, want string // want: the normalized text of the critical finding
	}{
		{"Star", "机密★1年\n关于做好防汛工作的通知\n", "机密★1年"},
		{"Traditional", "機密★1年\n關於做好防汛工作的通知\n", "机密★1年"},
		{"TraditionalVariant", "祕密★6個月\n通知\n", "秘密★6个月"},
		{"Spaced", "机 密 ★ 1 年\n通知\n", "机密★1年"},
		{"LineBroken", "机\n密\n★\n1年\n通知\n", "机密★1年"},
		{"AsteriskFromOCR", "绝密*\n通知\n", "绝密★"},
		{"HollowStar", "秘密☆6个月\n通知\n", "秘密★6个月"},
		{"FullWidth", "机密＊１０年\n通知\n", "机密★10年"},
		{"CopyNumberAbove", "000123\n机密★1年\n特急\n通知\n", "机密★1年"},
		{"CopyNumberSameLine", "000123 机密★1年\n通知\n", "机密★1年"},
		{"NoStarWithPeriod", "机密 5年\n通知\n", "机密5年"},
		{"AloneAtHead", "机密\n特急\n关于某事项的通知\n", "机密"},
		{"AloneWithUrgency", "秘密 特急\n通知\n", "秘密"},
		{"LongTerm", "绝密★长期\n通知\n", "绝密★长期"},
		{"Label", "密级：机密\n通知\n", "机密"},
		{"OpensParagraph", "说明\n机密★3年关于某事项的通知\n", "机密★3年"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := s.ScanText(tc.text, scan.Options{})
			m := only(res.Findings, scan.CatMarking)
			if len(m) != 1 || m[0].Severity != scan.Critical || m[0].Normalized != tc.want || m[0].Basis != "state-secret" {
				t.Fatalf("want one critical marking %q, got %+v", tc.want, res.Findings)
			}
			if got := tc.text[m[0].Offset : m[0].Offset+len(m[0].Text)]; got != m[0].Text {
				t.Fatalf("offset %d does not point at %q", m[0].Offset, m[0].Text)
			}
		})
	}
}

// TestMarkingCopyNumberNoted ensures the six-digit copy number above a marking is named in its note.
func TestMarkingCopyNumberNoted(t *testing.T) {
	res := scanner(t).ScanText("000123\n机密★1年\n通知\n", scan.Options{})
	if m := only(res.Findings, scan.CatMarking); len(m) != 1 || !strings.Contains(m[0].Note, "份号 000123") {
		t.Fatalf("%+v", res.Findings)
	}
}

// TestNotMarkings ensures prose about secrecy never comes out critical.
func TestNotMarkings(t *testing.T) {
	s := scanner(t)
	for _, tc := range []struct {
		name, text string
		max        scan.Severity
	}{
		{"NotSecret", "一、总体要求\n只要不涉密的都要公开。", scan.Low},
		{"Except", "一、总体要求\n除涉及国家秘密的以外，均应主动公开。", scan.Low},
		{"LawName", "一、总体要求\n依据《中华人民共和国保守国家秘密法》开展保密审查。", scan.Low},
		{"SecrecyReview", "一、总体要求\n公开前须经保密审查。", ""},
		{"TraditionalMention", "一、總體要求\n只要不涉及祕密，都應公開。", scan.Low},
		{"NationalSecretPhrase", "一、总体要求\n只要不涉及国家机密，都要依法公开。", scan.Low},
		{"LevelInProse", "一、总体要求\n各单位要妥善保管机密文件。", scan.Medium},
		{"StarInProse", "一、总体要求\n文件首页标注“机密★”字样的，不得公开。", scan.High},
		{"AloneDeep", strings.Repeat("正文段落。\n", 20) + "机密\n后文", scan.High},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := s.ScanText(tc.text, scan.Options{})
			if res.Worst().Rank() > tc.max.Rank() {
				t.Fatalf("worst %q, want at most %q: %+v", res.Worst(), tc.max, res.Findings)
			}
		})
	}
}

// TestMarkingPeriodTooLong ensures a period beyond the law's maximum is its own finding.
func TestMarkingPeriodTooLong(t *testing.T) {
	res := scanner(t).ScanText("秘密★15年\n通知\n", scan.Options{})
	if p := only(res.Findings, scan.CatMarkingPeriod); len(p) != 1 || p[0].Severity != scan.High {
		t.Fatalf("%+v", res.Findings)
	}
	res = scanner(t).ScanText("秘密★10年\n通知\n", scan.Options{})
	if p := only(res.Findings, scan.CatMarkingPeriod); len(p) != 0 {
		t.Fatalf("10 years is within the law: %+v", p)
	}
}

// TestTermClasses ensures every keyword class's own examples are found and its counter-examples are not flagged at its severity.
func TestTermClasses(t *testing.T) {
	tf, err := scan.ParseTerms("keywords.toml", assets.Keywords)
	if err != nil {
		t.Fatal(err)
	}
	s := scanner(t)
	for _, c := range tf.Classes {
		if len(c.Examples) == 0 {
			t.Errorf("class %s (%v) has no examples", c.Category, c.Terms)
		}
		for _, ex := range c.Examples {
			if len(only(s.ScanText(ex, scan.Options{}).Findings, c.Category)) == 0 {
				t.Errorf("%s: example %q not found", c.Category, ex)
			}
		}
		for _, ex := range c.Counter {
			for _, f := range only(s.ScanText(ex, scan.Options{}).Findings, c.Category) {
				if f.Severity.Rank() >= c.Severity.Rank() {
					t.Errorf("%s: counter-example %q flagged %s: %+v", c.Category, ex, f.Severity, f)
				}
			}
		}
	}
}

// TestHeadLabel ensures an internal-use label on its own line at the top is high, and the same words in prose are not.
func TestHeadLabel(t *testing.T) {
	s := scanner(t)
	res := s.ScanText("内部资料 注意保存\n关于某事项的情况通报\n", scan.Options{})
	if in := only(res.Findings, "internal"); len(in) != 2 || in[0].Severity != scan.High {
		t.Fatalf("%+v", res.Findings)
	}
	res = s.ScanText("一、总体要求\n依据《内部资料性出版物管理办法》办理。", scan.Options{})
	if res.Worst().Rank() > scan.Low.Rank() {
		t.Fatalf("%+v", res.Findings)
	}
}

// TestTraditionalAndWidth ensures Traditional, full-width and spaced forms of a term are one finding.
func TestTraditionalAndWidth(t *testing.T) {
	s := scanner(t)
	for _, text := range []string{"內部資料\n通報", "内 部\n资 料\n通报", "内部资料\n通报"} {
		in := only(s.ScanText(text, scan.Options{}).Findings, "internal")
		if len(in) != 1 || in[0].Normalized != "内部资料" {
			t.Errorf("%q: %+v", text, in)
		}
	}
}

// TestPersonalData ensures personal numbers are found only when their checksums hold.
func TestPersonalData(t *testing.T) {
	s := scanner(t)
	for _, tc := range []struct {
		name, text, cat string
		n               int
	}{
		{"ID", "申请人身份证号：11010519491231002X。", scan.CatResidentID, 1},
		{"IDLowerX", "身份证 11010519491231002x", scan.CatResidentID, 1},
		{"IDFullWidth", "身份证：１１０１０５１９４９１２３１００２Ｘ", scan.CatResidentID, 1},
		{"IDBadCheck", "身份证号：110105194912310021。", scan.CatResidentID, 0},
		{"IDBadDate", "身份证号：110105194913310029。", scan.CatResidentID, 0},
		{"Mobile", "联系电话：13812345678。", scan.CatMobile, 1},
		{"MobileSpaced", "联系电话：138 1234 5678。", scan.CatMobile, 1},
		{"MobileCountryCode", "电话 +86 13812345678", scan.CatMobile, 1},
		{"MobileTwo", "电话 13812345678 13912345678", scan.CatMobile, 2},
		{"MobileInLongerNumber", "编号 2138123456789", scan.CatMobile, 0},
		{"MobileBadPrefix", "电话 12812345678", scan.CatMobile, 0},
		{"MobileAfterLetters", "Tel13812345678，TEL13912345678", scan.CatMobile, 2},
		{"IDAfterLetters", "身份证ID11010519491231002X", scan.CatResidentID, 1},
		{"MobileInsideWordNumber", "编号A213812345678", scan.CatMobile, 0},
		{"Card", "银行卡号：6222021234567890128", scan.CatBankCard, 1},
		{"CardGrouped", "账号 6222 0212 3456 7890 128", scan.CatBankCard, 1},
		{"CardNoWord", "编号 6222021234567890128", scan.CatBankCard, 0},
		{"CardBadLuhn", "银行卡号：6222021234567890123", scan.CatBankCard, 0},
		{"CreditCode", "统一社会信用代码：91350100M000100Y43", scan.CatCreditCode, 1},
		{"CreditCodeBad", "统一社会信用代码：91350100M000100Y44", scan.CatCreditCode, 0},
		{"DocumentNumber", "X政发〔2026〕12号，2026年1月1日", "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := s.ScanText(tc.text, scan.Options{})
			if tc.cat == "" {
				if len(res.Findings) != 0 {
					t.Fatalf("%+v", res.Findings)
				}
				return
			}
			if got := only(res.Findings, tc.cat); len(got) != tc.n {
				t.Fatalf("want %d %s, got %+v", tc.n, tc.cat, res.Findings)
			}
		})
	}
}

// TestMask ensures masking keeps what offices keep: 138****5678, first 6 and last 4 of an ID.
func TestMask(t *testing.T) {
	s := scanner(t)
	res := s.ScanText("电话13812345678，身份证11010519491231002X，卡号 6222 0212 3456 7890 128", scan.Options{})
	want := map[string]string{scan.CatMobile: "138****5678", scan.CatResidentID: "110105********002X", scan.CatBankCard: "6222 02** **** ***0 128"}
	if len(res.Findings) != 3 {
		t.Fatalf("%+v", res.Findings)
	}
	for _, f := range res.Findings {
		if m := scan.Mask(f); m.Text != want[f.Category] {
			t.Errorf("%s masked %q, want %q", f.Category, m.Text, want[f.Category])
		}
	}
}

// TestAttributeStatement ensures a printed attribute that disagrees with the chosen one is a finding.
func TestAttributeStatement(t *testing.T) {
	s := scanner(t)
	text := "关于某事项的通知\n……\n（此件依申请公开）\n"
	res := s.ScanText(text, scan.Options{Attr: "public"})
	mm := only(res.Findings, scan.CatAttributeMismatch)
	if len(mm) != 1 || !strings.Contains(mm[0].Note, "依申请公开") || len(res.Statements) != 1 {
		t.Fatalf("%+v", res)
	}
	if len(only(s.ScanText(text, scan.Options{Attr: "on-request"}).Findings, scan.CatAttributeMismatch)) != 0 {
		t.Fatal("agreeing attribute flagged")
	}
	for text, attr := range map[string]string{"(此件公开发布)": "public", "（此件不予公开）": "withheld", "公开属性：主动公开": "public", "（此件不公开）": "withheld"} {
		if st := s.ScanText(text, scan.Options{}).Statements; len(st) != 1 || st[0].Attribute != attr {
			t.Errorf("%q: %+v", text, st)
		}
	}
}

// TestHiddenParts ensures a marking in a hidden part of a .docx is critical and says it is hidden.
func TestHiddenParts(t *testing.T) {
	s := scanner(t)
	for _, tc := range []struct {
		name string
		doc  docxfixture.Doc
		part extract.PartKind
		hid  bool
	}{
		{"Body", docxfixture.Doc{Body: []string{"机密★1年", "通知"}}, extract.Body, false},
		{"Header", docxfixture.Doc{Body: []string{"通知"}, Header: []string{"机密★1年"}}, extract.Header, false},
		{"Deleted", docxfixture.Doc{Body: []string{"通知"}, Deleted: []string{"机密★1年"}}, extract.Deleted, true},
		{"Comment", docxfixture.Doc{Body: []string{"通知"}, Comments: []string{"机密★1年"}}, extract.Comment, true},
		{"Properties", docxfixture.Doc{Body: []string{"通知"}, Keywords: "机密★1年"}, extract.Properties, true},
		{"VanishedRun", docxfixture.Doc{Body: []string{"通知"}, Hidden: []string{"机密★1年"}}, extract.Body, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fr := s.ScanBytes("draft.docx", tc.doc.Build(), extract.DefaultLimits(), scan.Options{})
			m := only(fr.Findings, scan.CatMarking)
			if fr.Status != scan.StatusChecked || len(m) != 1 || !fr.Critical {
				t.Fatalf("%+v", fr)
			}
			if m[0].Part != tc.part || m[0].Hidden != tc.hid || tc.hid && !strings.Contains(m[0].Note, "隐藏内容") {
				t.Fatalf("part %s hidden %v note %q", m[0].Part, m[0].Hidden, m[0].Note)
			}
		})
	}
}

// TestAllowList ensures allowed findings are left out and counted, until the entry expires.
func TestAllowList(t *testing.T) {
	al, err := scan.ParseAllow("allow.toml", []byte(`
[[allow]]
text = "內部資料"
reason = "本单位刊物名称，经保密办确认"
expires = 2027-06-30

[[allow]]
pattern = "^1381234\\d{4}$"
category = "mobile"
reason = "政务服务热线"
expires = 2025-01-01
`))
	if err != nil {
		t.Fatal(err)
	}
	s := scanner(t).WithAllow(al)
	text := "内部资料\n电话 13812345678"
	now := time.Date(2026, 11, 23, 0, 0, 0, 0, time.Local)
	res := s.ScanText(text, scan.Options{Now: now})
	if res.Allowed != 1 || len(only(res.Findings, "internal")) != 0 || len(only(res.Findings, scan.CatMobile)) != 1 {
		t.Fatalf("allowed %d: %+v", res.Allowed, res.Findings)
	}
	res = s.ScanText(text, scan.Options{Now: time.Date(2027, 7, 1, 0, 0, 0, 0, time.Local)})
	if res.Allowed != 0 || len(only(res.Findings, "internal")) != 1 {
		t.Fatalf("expired entry still applied: %+v", res)
	}
	res = s.ScanText(text, scan.Options{Now: time.Date(2027, 6, 30, 23, 0, 0, 0, time.Local)})
	if res.Allowed != 1 {
		t.Fatalf("entry should apply through its last day")
	}
}

// TestAllowListRefused ensures a bad allow-list file is an error naming the entry.
func TestAllowListRefused(t *testing.T) {
	for name, src := range map[string]string{
		"NoReason":   "[[allow]]\ntext = \"涉密\"\nexpires = 2027-01-01\n",
		"NoExpiry":   "[[allow]]\ntext = \"涉密\"\nreason = \"x\"\n",
		"BadPattern": "[[allow]]\npattern = \"(\"\nreason = \"x\"\nexpires = 2027-01-01\n",
		"Syntax":     "[[allow]\n",
		"Unknown":    "[[allow]]\ntext = \"涉密\"\nreason = \"x\"\nexpires = 2027-01-01\nfoo = 1\n",
	} {
		if _, err := scan.ParseAllow("allow.toml", []byte(src)); err == nil || !strings.Contains(err.Error(), "allow.toml") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestOfficeKeywords ensures an office file adds terms and may change a default term's class.
func TestOfficeKeywords(t *testing.T) {
	tf, err := scan.ParseTerms("office.toml", []byte(`
[[class]]
category = "internal"
severity = "high"
basis = "internal-affairs"
terms = ["局内传阅", "报价"]
`))
	if err != nil {
		t.Fatal(err)
	}
	s, _ := scan.Default(tf)
	res := s.ScanText("本材料仅限局內傳閱。乙方报价如下。", scan.Options{})
	if in := only(res.Findings, "internal"); len(in) != 2 {
		t.Fatalf("%+v", res.Findings)
	}
	if _, err := scan.ParseTerms("bad.toml", []byte("[[class]]\ncategory = \"x\"\nseverity = \"urgent\"\nterms = [\"a\"]\n")); err == nil {
		t.Fatal("bad severity accepted")
	}
	if _, err := scan.ParseTerms("bad.toml", []byte("[[class]]\ncategory = \"x\"\nseverity = \"low\"\nbasis = \"secret\"\nterms = [\"a\"]\n")); err == nil {
		t.Fatal("bad basis accepted")
	}
}

// TestUnreadableReport ensures a file that cannot be read is reported unreadable, with no findings and not critical.
func TestUnreadableReport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.txt")
	os.WriteFile(path, nil, 0o644)
	fr := scanner(t).ScanFile(path, extract.DefaultLimits(), scan.Options{})
	if fr.Status != scan.StatusUnreadable || fr.Reason == "" || fr.Coverage != 0 {
		t.Fatalf("%+v", fr)
	}
}

// TestOffsets ensures every finding's offset and text point into its part, on real corpus text with findings added.
func TestOffsets(t *testing.T) {
	raw, err := os.ReadFile("../../../shared/corpus/speech-traditional.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := "機 密★1年\n" + string(raw) + "\n聯繫電話：13812345678\n（此件依申請公開）"
	res := scanner(t).ScanText(text, scan.Options{Attr: "public"})
	if len(res.Findings) < 4 {
		t.Fatalf("%+v", res.Findings)
	}
	for _, f := range res.Findings {
		if text[f.Offset:f.Offset+len(f.Text)] != f.Text {
			t.Errorf("%s at %d: %q", f.Category, f.Offset, f.Text)
		}
		if line := strings.Count(text[:f.Offset], "\n") + 1; line != f.Line {
			t.Errorf("%s %q: line %d, want %d", f.Category, f.Text, f.Line, line)
		}
	}
}
