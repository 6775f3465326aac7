package review_test

import (
	"strings"
	"testing"

	"prepub/review"
	"prepub/review/extract"
)

// TestDocTypeChecked ensures a wrong document type or validity period returns the draft with a Chinese
// message, and a right one routes it: a rule or a normative document is important, so the principal head signs.
func TestDocTypeChecked(t *testing.T) {
	rules := review.DefaultRules()
	for _, tc := range []struct {
		name  string
		dec   review.Decision
		route string // empty: returned with bad-doc-type
		want  string // in the message
	}{
		{"Unknown", review.Decision{Attribute: review.Public, DocType: "decree"}, "", "文件类型"},
		{"NormativeFlagOnOther", review.Decision{Attribute: review.Public, DocType: review.DocOther, Normative: true}, "", "行政规范性文件"},
		{"NormativeFlagOnRegulation", review.Decision{Attribute: review.Public, DocType: review.DocRegulation, Normative: true}, "", "规范性文件"},
		{"BadValidUntil", review.Decision{Attribute: review.Public, DocType: review.DocNormative, ValidUntil: "2031年6月30日"}, "", "YYYY-MM-DD"},
		{"Other", review.Decision{Attribute: review.Public, DocType: review.DocOther}, "deputy-head", ""},
		{"Empty", review.Decision{Attribute: review.Public}, "deputy-head", ""},
		{"Normative", review.Decision{Attribute: review.Public, DocType: review.DocNormative, ValidUntil: "2031-06-30"}, "principal-head", "规范性文件"},
		{"NormativeFlagOnly", review.Decision{Attribute: review.Public, Normative: true}, "principal-head", "规范性文件"},
		{"Regulation", review.Decision{Attribute: review.Public, DocType: review.DocRegulation}, "principal-head", "规章"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := rules.Check(draftOf(t, plain), tc.dec)
			if tc.route == "" {
				if o.Result != review.Returned || o.Returns[0].Code != review.RetBadDocType || !strings.Contains(o.Returns[0].Message, tc.want) || !strings.Contains(o.Returns[0].Message, "请") {
					t.Fatalf("want %s naming %q, got %+v", review.RetBadDocType, tc.want, o.Returns)
				}
				return
			}
			if o.Result != review.Routed || roles(o) != tc.route || !strings.Contains(strings.Join(o.ImportantWhy, ","), tc.want) {
				t.Fatalf("want route %s (why %q), got %s %v %v", tc.route, tc.want, roles(o), o.Returns, o.ImportantWhy)
			}
		})
	}
}

// TestDocTypeNormalized ensures the one rule between the type and the Normative flag: a normative document
// is Normative, a decision marked Normative without a type is a normative document; the workflow keeps it so.
func TestDocTypeNormalized(t *testing.T) {
	for _, tc := range []struct {
		in        review.Decision
		kind      review.DocType
		normative bool
	}{
		{review.Decision{}, review.DocOther, false},
		{review.Decision{DocType: review.DocNormative}, review.DocNormative, true},
		{review.Decision{Normative: true}, review.DocNormative, true},
		{review.Decision{DocType: review.DocRegulation}, review.DocRegulation, false},
	} {
		n := tc.in.Normalized()
		if n.Kind() != tc.kind || n.Normative != tc.normative || tc.in.Kind() != tc.kind {
			t.Errorf("%+v: normalized %+v, kind %s", tc.in, n, n.Kind())
		}
	}
	w := review.NewWorkflow(review.DefaultRules(), "张起草", draftOf(t, plain), review.Decision{Attribute: review.Public, DocType: review.DocNormative})
	if !w.Decision.Normative || w.Decision.DocType != review.DocNormative || w.WaitingFor() != review.PrincipalHead {
		t.Errorf("workflow decision %+v waiting for %s", w.Decision, w.WaitingFor())
	}
	for s, want := range map[string]review.DocType{"": review.DocOther, "regulation": review.DocRegulation, "规章": review.DocRegulation,
		"行政规范性文件": review.DocNormative, "其他": review.DocOther} {
		if got, err := review.ParseDocType(s); err != nil || got != want {
			t.Errorf("ParseDocType(%q) = %s %v", s, got, err)
		}
	}
	if _, err := review.ParseDocType("规范"); review.ErrorCode(err) != review.ErrInvalid || !strings.Contains(review.ErrorMessage(err), "请") {
		t.Errorf("ParseDocType(规范): %v", err)
	}
	for _, d := range review.DocTypes {
		if d.Chinese() == string(d) {
			t.Errorf("%s has no Chinese name", d)
		}
	}
}

// TestDocNumber ensures the document number is read from its own line at the head, in standard form, and
// not from a title or the body that cites another document's number.
func TestDocNumber(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"Standard", "某县人民政府文件\nX政发〔2026〕12号\n关于做好防汛工作的通知\n", "X政发〔2026〕12号"},
		{"SquareBrackets", "某县财政局文件\n县财发[2025] 3 号\n关于……的通知\n", "县财发〔2025〕3号"},
		{"WithSigner", "某县人民政府\n县政呈〔2026〕5号          签发人：张三\n关于……的请示\n", "县政呈〔2026〕5号"},
		{"NoNumber", "关于做好防汛工作的通知\n各乡镇：\n", ""},
		{"CitedInTitle", "转发国办发〔2019〕12号文件的通知\n各单位：\n", ""},
		{"CitedInBody", "关于做好工作的通知\n各单位：\n根据\n\n\n\n\n\n\n国办发〔2019〕12号\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := &extract.Document{Parts: []extract.Part{{Kind: extract.Body, Text: tc.text}}}
			if got := review.DocNumber(doc); got != tc.want {
				t.Errorf("DocNumber = %q, want %q", got, tc.want)
			}
		})
	}
}
