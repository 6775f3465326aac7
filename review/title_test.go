package review_test

import (
	"os"
	"path/filepath"
	"testing"

	"prepub/internal/docxfixture"
	"prepub/internal/pdffixture"
	"prepub/review"
	"prepub/review/extract"
	"prepub/review/scan"
)

// titleRedHead is a 公文 with every header element of GB/T 9704 above its
// title, and a heading inside that starts with 关于 as titles do.
var titleRedHead = []string{
	"000123",
	"机密★1年",
	"特急",
	"某县人民政府文件",
	"某政发〔2026〕12号",
	"──────────────",
	"某县人民政府",
	"关于印发《某县防汛物资储备管理办法》",
	"的通知",
	"各乡镇人民政府，县直各单位：",
	"现将《某县防汛物资储备管理办法》印发给你们，请认真贯彻执行。",
	"关于储备库的位置",
	"储备库设在县城北郊。",
}

// TestTitle ensures the title guessed is the document's own, as GB/T 9704
// places it, not a heading inside it, for texts, .docx and PDF alike.
func TestTitle(t *testing.T) {
	cases := []struct {
		name, text, want string
	}{
		{"Plain", "关于做好汛期值班工作的通知\n各乡镇人民政府：\n请做好值班。\n", "关于做好汛期值班工作的通知"},
		{"Marked", "机密★1年\n关于防汛物资储备的通知\n各乡镇人民政府：\n", "关于防汛物资储备的通知"},
		{"RedHead", joinLines(titleRedHead), "关于印发《某县防汛物资储备管理办法》的通知"},
		{"NotRelatedHeading", "全县政务公开工作总结\n2023-02-04\n时光在流逝，从不停歇。\n第一篇：全县政务公开工作总结\n关于召开全县政务公开工作推进会的通知\n各乡镇：\n", "全县政务公开工作总结"},
		{"Draft", "关于做好秋冬季防火工作的通知\n（征求意见稿）\n各单位：\n", "关于做好秋冬季防火工作的通知"},
		{"DraftRunsOn", "关于做好秋冬季防火工作\n的通知（征求意见稿）\n各单位：\n", "关于做好秋冬季防火工作的通知（征求意见稿）"},
		{"InternalLabel", "内部资料\n关于某县政府信息公开工作规定的通知\n", "关于某县政府信息公开工作规定的通知"},
		{"OtherLabel", "会议材料\n关于某县政府信息公开工作规定的通知\n各单位：\n", "关于某县政府信息公开工作规定的通知"},
		{"NoTitle", "请做好值班工作，保持通讯畅通。\n", ""},
		{"Contents", "目  录\n作者：张三\n关于某事项的说明\n", "关于某事项的说明"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := review.Title(draftOf(t, c.text).Report.Doc); got != c.want {
				t.Errorf("title %q, want %q", got, c.want)
			}
		})
	}

	for name, data := range map[string][]byte{
		"d.docx": docxfixture.Doc{Body: titleRedHead}.Build(),
		"d.pdf":  pdffixture.Build([]pdffixture.Page{{Lines: titleRedHead}}, pdffixture.Options{}),
	} {
		rep := sc.ScanBytes(name, data, extract.DefaultLimits(), scan.Options{})
		if got := review.Title(rep.Doc); got != "关于印发《某县防汛物资储备管理办法》的通知" {
			t.Errorf("%s: title %q", name, got)
		}
	}
}

// TestTitleRealTexts ensures the corpus and the real .docx files get the title
// a reader sees at their top.
func TestTitleRealTexts(t *testing.T) {
	for file, want := range map[string]string{
		"corpus/county-summary.txt":                                 "全县政务公开工作总结",
		"corpus/kaiyang-speech.txt":                                 "童祖强在开阳县政务公开工作推进会上的讲话",
		"corpus/speech-traditional.txt":                             "政務公開領導講話稿",
		"corpus/xuyi-news.txt":                                      "盱眙:多措并举 全力推进政府政务公开",
		"realworld/docx/chatchat_explanatory-note-part1_WPS12.docx": "核电厂定期安全评价 第1部分：通用要求",
	} {
		path := filepath.Join("../../shared", file)
		if _, err := os.Stat(path); err != nil {
			t.Skipf("no test data: %v", err)
		}
		rep := sc.ScanFile(path, extract.DefaultLimits(), scan.Options{})
		if got := review.Title(rep.Doc); got != want {
			t.Errorf("%s: title %q, want %q", file, got, want)
		}
	}
}

func joinLines(lines []string) string {
	out := ""
	for _, l := range lines {
		out += l + "\n"
	}
	return out
}

// TestTitleDocxMarked ensures a .docx whose title is marked, in the Title
// style or centred, gives that paragraph, not the first line that looks like a
// title: here the centred agency mark and number are skipped, and the body's
// first line (an uncentred 关于 heading) is not taken.
func TestTitleDocxMarked(t *testing.T) {
	p := func(jc, style, text string) string {
		ppr := ""
		if jc != "" || style != "" {
			ppr = "<w:pPr>"
			if style != "" {
				ppr += `<w:pStyle w:val="` + style + `"/>`
			}
			if jc != "" {
				ppr += `<w:jc w:val="` + jc + `"/>`
			}
			ppr += "</w:pPr>"
		}
		return "<w:p>" + ppr + `<w:r><w:t>` + text + "</w:t></w:r></w:p>"
	}
	centred := p("center", "", "某县人民政府文件") + p("center", "", "某政发〔2026〕12号") +
		p("", "", "关于储备库的位置") + p("center", "", "某县防汛物资储备管理办法") + p("", "", "各乡镇人民政府：")
	styled := p("center", "", "某县防汛物资储备管理办法") + p("", "Title", "关于印发某县防汛物资储备管理办法的通知")
	for name, c := range map[string]struct{ xml, want string }{
		"Centred": {centred, "某县防汛物资储备管理办法"},
		"Styled":  {styled, "关于印发某县防汛物资储备管理办法的通知"},
	} {
		rep := sc.ScanBytes("d.docx", docxfixture.Doc{BodyXML: c.xml}.Build(), extract.DefaultLimits(), scan.Options{})
		if got := review.Title(rep.Doc); got != c.want {
			t.Errorf("%s: title %q, want %q", name, got, c.want)
		}
	}
}
