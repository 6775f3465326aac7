package paperwork_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"prepub/index"
	"prepub/internal/docxfixture"
	"prepub/paperwork"
	"prepub/review"
	"prepub/review/scan"
)

var ctx = context.Background()

// The people of the fixture.
var (
	clerk     = review.Actor{User: "张起草", Role: review.RoleClerk}
	secrecy   = review.Actor{User: "李保密", Role: review.SecrecyOfficer}
	legal     = review.Actor{User: "王法制", Role: review.LegalOffice}
	principal = review.Actor{User: "钱主要", Role: review.PrincipalHead}
)

// draftText is the fixture draft: a policy notice with an internal-only label and a contact's mobile number.
const draftText = `关于印发《某县防汛物资储备管理办法》的通知
各乡镇人民政府，县直各单位：
现将《某县防汛物资储备管理办法》印发给你们，请认真贯彻执行。本办法参照内部资料《防汛物资储备指南》编写。
县级储备库设在某镇某村十二号，库存冲锋舟二十艘。
联系人：张三，电话 13812345678。
某县人民政府办公室
2026年3月1日
`

// withheldPassage is the passage the fixture withholds (Art. 37).
const withheldPassage = "县级储备库设在某镇某村十二号，库存冲锋舟二十艘。"

// reason is long enough to wrap over several lines of its cell.
const reason = "通知正文依法主动公开，便于各乡镇和社会公众了解防汛物资储备管理要求；其中储备库的具体位置和库存数量一旦公开，可能被用于破坏防汛设施，危及公共安全，依照条例第十四条删除后公开，其余内容全部公开。"

// fonts returns the fonts found on this machine; without one the sheet cannot
// be printed, which fails in CI and skips elsewhere.
func fonts(t testing.TB) *paperwork.Fonts {
	t.Helper()
	f, err := paperwork.FindFonts()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	return f
}

// pdfText returns the text pdftotext -layout reads from a PDF, and its pages.
func pdfText(t testing.TB, pdf []byte) (string, int) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is missing: scripts/install-deps.sh test installs poppler-utils")
		}
		t.Skip("pdftotext is missing (poppler-utils)")
	}
	path := filepath.Join(t.TempDir(), "sheet.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out), strings.Count(string(out), "\f")
}

// squeeze drops every space and line break, so text wrapped over lines reads as one.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// fixture submits the draft through the real desk and takes the route's
// steps up to the given number; it returns the archive and the draft's ID.
func fixture(t testing.TB, steps int) (*index.Archive, *index.Desk, int64) {
	t.Helper()
	a, err := index.Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	sc, err := scan.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := &index.Desk{Archive: a, Rules: review.DefaultRules(), Scanner: sc}
	rec, err := d.Submit(ctx, clerk, "县应急管理局", "通知.txt", []byte(draftText), review.Decision{
		Attribute: review.Public, Reason: reason, Policy: true,
		Interpretation: &review.Attachment{File: "防汛物资储备管理办法解读.docx",
			Data: docxfixture.Doc{Body: []string{"《防汛物资储备管理办法》政策解读", "一、制定背景"}}.Build()},
		Redactions: []review.Redaction{{Text: withheldPassage, Basis: "security-stability", Reason: "储备库位置和库存数量公开后危及公共安全"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if rec.State != review.StateSecrecyReview {
		t.Fatalf("fixture not at the secrecy review: %s %+v", rec.State, rec.Outcome)
	}
	internal := -1
	for i, f := range rec.Findings {
		if f.Category == "internal" && review.NeedsResolution(f) {
			internal = i
		}
	}
	if internal < 0 {
		t.Fatalf("fixture has no internal-only finding: %+v", rec.Findings)
	}
	route := []struct {
		a      review.Actor
		action string
		f      int
		note   string
	}{
		{secrecy, review.ActionClear, internal, "系引用的公开出版物名称，不是内部标注"},
		{secrecy, review.ActionApprove, -1, "删除储备库位置后无涉密内容"},
		{legal, review.ActionApprove, -1, "依据适当，同意区分处理"},
		{principal, review.ActionSign, -1, "同意公开发布"},
	}
	for _, s := range route[:steps] {
		if _, err := d.Act(ctx, rec.ID, s.a, s.action, s.f, s.note); err != nil {
			t.Fatalf("%s by %s: %v", s.action, s.a.User, err)
		}
	}
	return a, d, rec.ID
}

// sheet prints the sheet of a draft as the archive holds it now.
func sheet(t testing.TB, a *index.Archive, id int64) ([]byte, string) {
	t.Helper()
	rec, code, err := a.Store.SheetRecord(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := paperwork.Sheet(rec, code, fonts(t))
	if err != nil {
		t.Fatal(err)
	}
	keep(t, pdf)
	return pdf, code
}

// keep writes a sheet to the folder $PREPUB_SHEET_OUT names, as TestName.pdf,
// for a person to look at (scripts/sheet-example.sh).
func keep(t testing.TB, pdf []byte) {
	if dir := os.Getenv("PREPUB_SHEET_OUT"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, t.Name()+".pdf"), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSheetDecided ensures the sheet of a decided draft prints every field a
// filed sheet needs: particulars, decision, withheld passage, secrecy review,
// each step with its signer and opinion, the state, and the code.
func TestSheetDecided(t *testing.T) {
	a, _, id := fixture(t, 4)
	pdf, code := sheet(t, a, id)
	text, _ := pdfText(t, pdf)
	flat := squeeze(text)
	if !regexp.MustCompile(`^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$`).MatchString(code) {
		t.Fatalf("code %q", code)
	}
	for _, want := range []string{
		paperwork.SheetTitle,
		"关于印发《某县防汛物资储备管理办法》的通知", // title
		"文号", "县应急管理局", "张起草", // number (blank), department, drafter
		"■主动公开", "□不予公开", "部分公开", // attribute
		"危及“三安全一稳定”（《中华人民共和国政府信息公开条例》第十四条）", // basis of the passage, with its article
		squeeze(reason),             // the reason, wrapped over lines
		"「" + withheldPassage + "」", // the passage withheld
		"已附政策解读材料：防汛物资储备管理办法解读.docx",
		"「内部资料」", "排除误报：系引用的公开出版物名称，", "内部标注（李保密，", // finding and its resolution
		"无须保密员处理", // the mobile number: medium, nothing to resolve
		"起草人张起草提交",
		"保密员李保密审核通过删除储备库位置后无涉密内容",
		"法制机构王法制审核通过依据适当，同意区分处理",
		"主要负责人钱主要签发同意公开发布",
		"审查已完成", "已决定：主动公开", // the state
		"验证码" + code, // the code, as text
	} {
		if !strings.Contains(flat, squeeze(want)) {
			t.Errorf("sheet lacks %q", want)
		}
	}
	if strings.Contains(text, paperwork.Unfinished) {
		t.Error("a decided sheet says the review is unfinished")
	}
	// The steps are printed in the order they were taken.
	last := -1
	for _, who := range []string{"张起草", "李保密", "王法制", "钱主要"} {
		i := strings.Index(flat, "审核签批")
		j := strings.Index(flat[i:], who)
		if j < 0 || i+j < last {
			t.Fatalf("%s out of order in the route", who)
		}
		last = i + j
	}
	if v, err := a.VerifyCode(ctx, code); err != nil || !v.OK {
		t.Fatalf("the printed code does not verify: %+v %v", v, err)
	}
}

// TestSheetUnfinished ensures a sheet printed before the decision says so, large, on every page, with the steps still to come.
func TestSheetUnfinished(t *testing.T) {
	a, _, id := fixture(t, 2)
	pdf, _ := sheet(t, a, id)
	text, pages := pdfText(t, pdf)
	flat := squeeze(text)
	for _, want := range []string{paperwork.Unfinished + "当前状态：审查中：待法制机构审查", "本表不是发布依据", "法制机构待办理", "主要负责人待办理"} {
		if !strings.Contains(flat, want) {
			t.Errorf("unfinished sheet lacks %q", want)
		}
	}
	if strings.Contains(flat, "审查已完成") {
		t.Error("an unfinished sheet says the review is finished")
	}
	if n := strings.Count(text, paperwork.Unfinished+"，不作为发布依据"); n != pages {
		t.Errorf("unfinished warning on %d of %d pages", n, pages)
	}
}

// TestSheetLongText ensures long texts wrap over lines and pages without losing a character.
func TestSheetLongText(t *testing.T) {
	a, _, id := fixture(t, 4)
	rec, code, err := a.Store.SheetRecord(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i := 1; i <= 60; i++ {
		b.WriteString("储备物资应当定期轮换，账实相符，确保汛期调得出、用得上；")
	}
	rec.Reason = b.String()
	start := time.Now()
	pdf, err := paperwork.Sheet(rec, code, fonts(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("sheet of %d bytes in %v", len(pdf), time.Since(start))
	keep(t, pdf)
	text, pages := pdfText(t, pdf)
	if pages < 2 {
		t.Fatalf("a %d-character reason fits on %d page", len([]rune(rec.Reason)), pages)
	}
	flat := squeeze(text)
	var body []string // the text without each page's header and footer, nor the continuation mark
	for _, l := range strings.Split(text, "\n") {
		if !strings.Contains(l, "验证码") && !strings.HasPrefix(strings.TrimSpace(l), paperwork.SheetTitle+"（第") {
			body = append(body, strings.Replace(l, "（续）", "", 1))
		}
	}
	if got := strings.Count(squeeze(strings.Join(body, "\n")), "确保汛期调得出、用得上；"); got != 60 {
		t.Errorf("%d of 60 sentences read back whole", got)
	}
	if !strings.Contains(flat, "第2页共") || !strings.Contains(flat, "理由（续）") && !strings.Contains(flat, "（续）") {
		t.Errorf("no page numbers or continuation mark:\n%s", text)
	}
}

// TestSheetWithheld ensures a withholding prints its basis with the article, the confirmed marking and the legal office's opinion.
func TestSheetWithheld(t *testing.T) {
	a, d, _ := fixture(t, 0)
	rec, err := d.Submit(ctx, clerk, "县政府办", "d.txt", []byte("机密★1年\n关于防汛物资储备的通知\n"),
		review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: "载明储备库位置和数量，经定密属于国家秘密事项"})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct {
		a      review.Actor
		action string
		f      int
		note   string
	}{
		{secrecy, review.ActionConfirm, 0, "确属国家秘密"},
		{secrecy, review.ActionApprove, -1, ""},
		{legal, review.ActionApprove, -1, "依据适当"},
		{principal, review.ActionSign, -1, "同意"},
	} {
		if _, err := d.Act(ctx, rec.ID, s.a, s.action, s.f, s.note); err != nil {
			t.Fatal(err)
		}
	}
	pdf, _ := sheet(t, a, rec.ID)
	text, _ := pdfText(t, pdf)
	flat := squeeze(text)
	for _, want := range []string{"■不予公开", "属于国家秘密（《中华人民共和国政府信息公开条例》第十四条）", "载明储备库位置和数量，经定密属于国家秘密事项",
		"「机密★1年」", "确认属实：确属国家秘密", "法制机构王法制审核通过依据适当", "审查已完成已决定：不予公开"} {
		if !strings.Contains(flat, want) {
			t.Errorf("withheld sheet lacks %q", want)
		}
	}
}

// TestSheetReturned ensures a returned draft's sheet says it is unfinished and why it went back.
func TestSheetReturned(t *testing.T) {
	a, d, _ := fixture(t, 0)
	rec, err := d.Submit(ctx, clerk, "县政府办", "d.txt", []byte("关于做好防汛工作的通知\n各单位：\n"), review.Decision{})
	if err != nil || rec.State != review.StateReturned {
		t.Fatalf("%v %s", err, rec.State)
	}
	pdf, _ := sheet(t, a, rec.ID)
	text, _ := pdfText(t, pdf)
	flat := squeeze(text)
	for _, want := range []string{paperwork.Unfinished, "已退回起草人", "退文理由1：", "□主动公开□依申请公开□不予公开（未选择）"} {
		if !strings.Contains(flat, want) {
			t.Errorf("returned sheet lacks %q", want)
		}
	}
	if strings.Contains(flat, "审查已完成") {
		t.Error("a returned sheet says the review is finished")
	}
}

// BenchmarkSheet measures printing the decided fixture's sheet, fonts found once.
func BenchmarkSheet(b *testing.B) {
	a, _, id := fixture(b, 4)
	rec, code, err := a.Store.SheetRecord(ctx, id)
	if err != nil {
		b.Fatal(err)
	}
	f := fonts(b)
	for b.Loop() {
		if _, err := paperwork.Sheet(rec, code, f); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSheetRareCharacters ensures a character no font has is printed as 〓, never dropped, and control characters do not break the sheet.
func TestSheetRareCharacters(t *testing.T) {
	a, _, id := fixture(t, 4)
	rec, code, err := a.Store.SheetRecord(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	rec.Reason = "理由中有表情😀、\t制表符和控制\x01字符"
	pdf, err := paperwork.Sheet(rec, code, fonts(t))
	if err != nil {
		t.Fatal(err)
	}
	text, _ := pdfText(t, pdf)
	if flat := squeeze(text); !strings.Contains(flat, "理由中有表情〓、制表符和控制字符") {
		t.Fatalf("rare characters:\n%s", text)
	}
}
