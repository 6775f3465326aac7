package review_test

import (
	"strings"
	"testing"

	"prepub/review"
)

// TestDecisionLimits ensures a decision with a field a store cannot keep
// (NUL, bytes that are not UTF-8) or over its limit is refused as invalid,
// naming the field, and one at its limits is accepted.
func TestDecisionLimits(t *testing.T) {
	ok := review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: strings.Repeat("理", review.MaxReasonRunes),
		Title: strings.Repeat("题", review.MaxTitleRunes), Redactions: make([]review.Redaction, review.MaxRedactions)}
	for i := range ok.Redactions {
		ok.Redactions[i] = review.Redaction{Text: strings.Repeat("删", review.MaxPassageRunes), Basis: "third-party", Reason: "涉及个人隐私"}
	}
	if err := ok.CheckLimits(); err != nil {
		t.Fatalf("a decision at its limits: %v", err)
	}
	for _, c := range []struct {
		name, want string
		change     func(d *review.Decision)
	}{
		{"reason NUL", "理由含有空字符", func(d *review.Decision) { d.Reason = "经定密\x00属于国家秘密" }},
		{"title NUL", "标题含有空字符", func(d *review.Decision) { d.Title = "关于\x00通知" }},
		{"basis not UTF-8", "法律依据含有无法识别的字符", func(d *review.Decision) { d.Basis = "state\xff" }},
		{"reason too long", "理由过长（2001 字，上限 2000 字）", func(d *review.Decision) { d.Reason += "理" }},
		{"title too long", "标题过长", func(d *review.Decision) { d.Title += "题" }},
		{"too many redactions", "上限 200 处", func(d *review.Decision) { d.Redactions = append(d.Redactions, d.Redactions[0]) }},
		{"passage too long", "第 3 处删除的内容过长", func(d *review.Decision) { d.Redactions[2].Text += "删" }},
		{"redaction reason NUL", "第 1 处删除的理由含有空字符", func(d *review.Decision) { d.Redactions[0].Reason = "\x00" }},
		{"interpretation name", "政策解读材料的文件名含有空字符", func(d *review.Decision) { d.Interpretation = &review.Attachment{File: "a\x00.docx"} }},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := ok
			d.Redactions = append([]review.Redaction(nil), ok.Redactions...)
			c.change(&d)
			err := d.CheckLimits()
			if review.ErrorCode(err) != review.ErrInvalid || !strings.Contains(review.ErrorMessage(err), c.want) {
				t.Errorf("got %v, want invalid with %q", err, c.want)
			}
		})
	}
}

// TestActNoteLimits ensures a reviewer's note with NUL or over the limit is refused and changes nothing.
func TestActNoteLimits(t *testing.T) {
	for _, note := range []string{"退回\x00", strings.Repeat("意", review.MaxReasonRunes+1)} {
		w := review.NewWorkflow(review.DefaultRules(), "张起草", draftOf(t, "关于做好防汛工作的通知\n各乡镇：\n"), review.Decision{Attribute: review.Public})
		before := len(w.History)
		err := w.Act(review.Actor{User: "赵分管", Role: review.DeputyHead}, review.ActionReturn, -1, note)
		if review.ErrorCode(err) != review.ErrInvalid || len(w.History) != before || w.State == review.StateReturned {
			t.Errorf("note %.20q: %v, state %s", note, err, w.State)
		}
	}
}
