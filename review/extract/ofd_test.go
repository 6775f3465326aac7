package extract_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"prepub/internal/ofdfixture"
	"prepub/review/extract"
)

// readOFD reads fixture bytes as OFD and fails the test when they cannot be checked.
func readOFD(t *testing.T, data []byte) *extract.Document {
	t.Helper()
	doc, err := extract.ReadOFD(data, extract.DefaultLimits())
	if err != nil {
		t.Fatalf("OFD: %v", err)
	}
	if doc.Format != "ofd" {
		t.Fatalf("format %q", doc.Format)
	}
	return doc
}

// ofdFail reads data as OFD and requires an *UnreadableError with the code and a Chinese reason.
func ofdFail(t *testing.T, data []byte, lim extract.Limits, code string) *extract.UnreadableError {
	t.Helper()
	doc, err := extract.ReadOFD(data, lim)
	var ue *extract.UnreadableError
	if !errors.As(err, &ue) || doc != nil {
		t.Fatalf("want could-not-be-checked (%s), got doc=%v err=%v", code, doc != nil, err)
	}
	if ue.Code != code {
		t.Fatalf("want code %s, got %s (%s)", code, ue.Code, ue.Reason)
	}
	if !strings.ContainsFunc(ue.Reason, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		t.Fatalf("reason must be Chinese: %q", ue.Reason)
	}
	return ue
}

func partsOf(d *extract.Document, kind extract.PartKind) []extract.Part {
	var out []extract.Part
	for _, p := range d.Parts {
		if p.Kind == kind {
			out = append(out, p)
		}
	}
	return out
}

// TestOFDSplitText ensures text split across text objects on one baseline is one
// line with no space between CJK characters, and a new baseline is a new line.
func TestOFDSplitText(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  ofdfixture.Doc
	}{
		{"Plain", ofdfixture.Doc{}},
		{"CTM", ofdfixture.Doc{CTM: true}},
		{"NoPrefixAbsolute", ofdfixture.Doc{NoPrefix: true, Absolute: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := tc.doc
			d.Pages = []ofdfixture.Page{{Lines: []ofdfixture.Line{
				{"机密", "★", "20年"},
				{"宋", "体", "字"},
				{"Annual", "\treport", " 2024"},
			}}}
			doc := readOFD(t, d.Build())
			want := "机密★20年\n宋体字\nAnnual report 2024\n"
			body := partsOf(doc, extract.Body)
			if len(body) != 1 || body[0].Text != want {
				t.Fatalf("got %+v, want %q", body, want)
			}
			p := body[0]
			if p.Kind != extract.Body || p.Hidden || p.Name != "第1页" || p.Page != 1 || doc.Pages != 1 || doc.Coverage != 1 {
				t.Fatalf("part %+v pages %d coverage %v", p, doc.Pages, doc.Coverage)
			}
		})
	}
}

// TestOFDParts ensures templates, annotations, document properties, attachments
// and signatures are all read, each part with its kind and hiddenness.
func TestOFDParts(t *testing.T) {
	d := ofdfixture.Doc{
		Pages: []ofdfixture.Page{
			{Lines: []ofdfixture.Line{{"关于做好政务公开工作的通知"}}, Template: true, Annotations: []string{"内部资料注意保密"}},
			{Image: true},
		},
		Template:    []ofdfixture.Line{{"某县人民政府", "文件"}},
		Title:       "标题属性",
		Author:      "起草人",
		Keywords:    []string{"政务公开", "通知"},
		Custom:      map[string]string{"密级": "秘密"},
		Attachments: []ofdfixture.Attachment{{Name: "说明.txt", Data: []byte("附件里的秘密内容\n")}},
		Signed:      true,
	}
	doc := readOFD(t, d.Build())
	if doc.Pages != 2 || doc.Coverage != 0.5 || !doc.Signed {
		t.Fatalf("pages %d coverage %v signed %v", doc.Pages, doc.Coverage, doc.Signed)
	}
	body := partsOf(doc, extract.Body)
	if len(body) < 1 || body[0].Text != "某县人民政府文件\n关于做好政务公开工作的通知\n" {
		t.Fatalf("page text with its template: %+v", body)
	}
	ann := partsOf(doc, extract.Annotation)
	if len(ann) != 1 || !ann[0].Hidden || ann[0].Page != 1 || ann[0].Text != "内部资料注意保密\n" {
		t.Fatalf("annotation parts %+v", ann)
	}
	props := partsOf(doc, extract.Properties)
	if len(props) != 1 || !props[0].Hidden {
		t.Fatalf("properties parts %+v", props)
	}
	for _, line := range []string{"标题：标题属性", "作者：起草人", "关键词：政务公开", "关键词：通知", "密级：秘密"} {
		if !strings.Contains(props[0].Text, line+"\n") {
			t.Errorf("properties lack %q: %q", line, props[0].Text)
		}
	}
	var att *extract.Part
	for i, p := range doc.Parts {
		if strings.HasPrefix(p.Name, "附件 说明.txt：") {
			att = &doc.Parts[i]
		}
	}
	if att == nil || att.Kind != extract.Body || att.Hidden || att.Text != "附件里的秘密内容\n" {
		t.Fatalf("attachment part %+v in %+v", att, doc.Parts)
	}
	if doc.Parts[0].Kind != extract.Body {
		t.Errorf("body must come first: %+v", doc.Parts[0])
	}
}

// TestOFDAttachedOFD ensures OFD files attached to an OFD are read two levels
// deep, and one attached three deep is not.
func TestOFDAttachedOFD(t *testing.T) {
	inner := ofdfixture.Doc{Pages: []ofdfixture.Page{{Lines: []ofdfixture.Line{{"第四层"}}}}}.Build()
	for _, text := range []string{"第三层", "第二层", "第一层"} {
		inner = ofdfixture.Doc{
			Pages:       []ofdfixture.Page{{Lines: []ofdfixture.Line{{text}}}},
			Attachments: []ofdfixture.Attachment{{Name: "inner.ofd", Data: inner}},
		}.Build()
	}
	doc := readOFD(t, inner)
	var all strings.Builder
	for _, p := range doc.Parts {
		all.WriteString(p.Name + "=" + p.Text)
	}
	for _, want := range []string{"第1页=第一层", "附件 inner.ofd：第1页=第二层", "附件 inner.ofd：附件 inner.ofd：第1页=第三层"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("no %q in parts: %q", want, all.String())
		}
	}
	if strings.Contains(all.String(), "第四层") {
		t.Errorf("attachment read three levels deep: %q", all.String())
	}
}

// TestOFDDrawnSpace ensures a space drawn as its own text object between two
// Latin words separates them, though the gap alone is too narrow to tell.
func TestOFDDrawnSpace(t *testing.T) {
	obj := func(x, text string) string {
		return `<TextObject Boundary="` + x + ` 10 30 6" Size="5"><TextCode X="0" Y="5" DeltaX="g 3 2.2">` + text + `</TextCode></TextObject>`
	}
	page := `<Page><Content><Layer>` + obj("10", "Open") + obj("19.1", " ") + obj("20.3", "Data") + obj("10", "") +
		`</Layer></Content></Page>`
	data := ofdfixture.Zip([][2]string{
		{"OFD.xml", "<OFD><DocBody><DocRoot>Doc_0/Document.xml</DocRoot></DocBody></OFD>"},
		{"Doc_0/Document.xml", `<Document><Pages><Page ID="1" BaseLoc="Page.xml"/></Pages></Document>`},
		{"Doc_0/Page.xml", page},
	})
	if got := readOFD(t, data).Parts[0].Text; got != "Open Data\n" {
		t.Fatalf("got %q", got)
	}
}

// TestOFDQuirkyPaths ensures locations with backslashes, in the wrong case or
// relative to the root instead of the document's folder are found.
func TestOFDQuirkyPaths(t *testing.T) {
	data := ofdfixture.Zip([][2]string{
		{"OFD.xml", `<?xml version="1.0" encoding="UTF-8"?><OFD><DocBody><DocRoot>Doc_0\Document.xml</DocRoot></DocBody></OFD>`},
		{"Doc_0/Document.xml", `<ofd:Document xmlns:ofd="http://www.ofdspec.org"><ofd:Pages>` +
			`<ofd:Page ID="1" BaseLoc="Doc_0/pages/page_0/content.xml"/>` +
			`<ofd:Page ID="2" BaseLoc="./Pages\Page_1\Content.xml"/>` +
			`</ofd:Pages></ofd:Document>`},
		{"Doc_0/Pages/Page_0/Content.xml", `<Page><Content><Layer><TextObject Boundary="10 10 50 6" Size="5"><TextCode X="0" Y="5">第一页</TextCode></TextObject></Layer></Content></Page>`},
		{"Doc_0/Pages/Page_1/Content.xml", `<Page><Content><Layer><TextObject Boundary="10 10 50 6" Size="5"><TextCode X="0" Y="5">第二页</TextCode></TextObject></Layer></Content></Page>`},
	})
	doc := readOFD(t, data)
	if doc.Pages != 2 || len(doc.Parts) != 2 || doc.Parts[0].Text != "第一页\n" || doc.Parts[1].Text != "第二页\n" {
		t.Fatalf("parts %+v", doc.Parts)
	}
}

// TestOFDCompositeAndUndrawn ensures text drawn through composite graphic units
// is read in place, and text the file holds but never shows is a hidden part.
func TestOFDCompositeAndUndrawn(t *testing.T) {
	data := ofdfixture.Zip([][2]string{
		{"OFD.xml", "<OFD><DocBody><DocRoot>Doc_0/Document.xml</DocRoot></DocBody></OFD>"},
		{"Doc_0/Document.xml", `<Document><CommonData><PublicRes>PublicRes.xml</PublicRes><TemplatePage ID="5" BaseLoc="Tpl.xml"/></CommonData>` +
			`<Pages><Page ID="1" BaseLoc="Page.xml"/></Pages></Document>`},
		{"Doc_0/PublicRes.xml", `<Res><CompositeGraphicUnits>` +
			`<CompositeGraphicUnit ID="7" Width="100" Height="20"><Content><TextObject Boundary="0 0 60 12" Size="10"><TextCode X="0" Y="10" DeltaX="g 3 10">政务公开</TextCode></TextObject></Content></CompositeGraphicUnit>` +
			`<CompositeGraphicUnit ID="8" Width="100" Height="20"><Content><TextObject Boundary="0 0 60 12" Size="10"><TextCode X="0" Y="10">资源里没画的字</TextCode></TextObject></Content></CompositeGraphicUnit>` +
			`</CompositeGraphicUnits></Res>`},
		{"Doc_0/Page.xml", `<Page><Content><Layer>` +
			`<TextObject Boundary="20 30 20 6" Size="5"><TextCode X="0" Y="5">关于</TextCode></TextObject>` +
			`<TextObject Boundary="20 40 20 6" Size="5"><TextCode X="0" Y="5">通知</TextCode></TextObject>` +
			`<CompositeObject ResourceID="7" Boundary="30 30 50 10" CTM="0.5 0 0 0.5 0 0"/>` +
			`</Layer></Content></Page>`},
		{"Doc_0/Tpl.xml", `<Page><Content><Layer><TextObject Boundary="0 0 60 12"><TextCode X="0" Y="5">没用上的模板</TextCode></TextObject></Layer></Content></Page>`},
	})
	doc := readOFD(t, data)
	body := partsOf(doc, extract.Body)
	if len(body) != 2 || body[0].Text != "关于政务公开\n通知\n" || body[0].Hidden {
		t.Fatalf("composite text not in place: %+v", body)
	}
	if !body[1].Hidden || body[1].Text != "资源里没画的字\n没用上的模板\n" {
		t.Fatalf("undrawn text part: %+v", body[1])
	}
}

// TestOFDRefused ensures broken, hostile and scanned OFD files are could-not-be-checked, with the reason.
func TestOFDRefused(t *testing.T) {
	lim := extract.DefaultLimits()
	good := ofdfixture.Doc{Pages: []ofdfixture.Page{{Lines: []ofdfixture.Line{{"关于做好政务公开工作的通知"}}}}}.Build()
	t.Run("ErrImageOnly", func(t *testing.T) {
		ue := ofdFail(t, ofdfixture.Doc{Pages: []ofdfixture.Page{{Image: true}, {Image: true}}}.Build(), lim, "no-text-layer")
		if !strings.Contains(ue.Reason, "扫描") {
			t.Errorf("reason should mention a scan: %s", ue.Reason)
		}
	})
	t.Run("ErrNotZip", func(t *testing.T) { ofdFail(t, []byte("这不是 OFD 文件"), lim, "broken") })
	t.Run("ErrTruncated", func(t *testing.T) { ofdFail(t, good[:len(good)/2], lim, "broken") })
	t.Run("ErrNoOFDXML", func(t *testing.T) {
		ue := ofdFail(t, ofdfixture.Zip([][2]string{{"Doc_0/Document.xml", "<Document/>"}}), lim, "broken")
		if !strings.Contains(ue.Reason, "OFD.xml") {
			t.Errorf("reason should name OFD.xml: %s", ue.Reason)
		}
	})
	t.Run("ErrNoDocRoot", func(t *testing.T) {
		ofdFail(t, ofdfixture.Zip([][2]string{{"OFD.xml", "<OFD><DocBody><DocRoot>Doc_0/Document.xml</DocRoot></DocBody></OFD>"}}), lim, "broken")
	})
	t.Run("ErrNoPages", func(t *testing.T) { ofdFail(t, ofdfixture.Doc{}.Build(), lim, "broken") })
	t.Run("ErrZipBomb", func(t *testing.T) {
		page := `<Page><Content><Layer>` + strings.Repeat("<PathObject/>", 1<<20) + `</Layer></Content></Page>`
		bomb := ofdfixture.Zip([][2]string{
			{"OFD.xml", "<OFD><DocBody><DocRoot>Doc_0/Document.xml</DocRoot></DocBody></OFD>"},
			{"Doc_0/Document.xml", `<Document><Pages><Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></Pages></Document>`},
			{"Doc_0/Pages/Page_0/Content.xml", page},
		})
		if len(bomb) > 200<<10 {
			t.Fatalf("fixture is not a bomb: %d bytes", len(bomb))
		}
		small := lim
		small.MaxUnpacked = 4 << 20
		ofdFail(t, bomb, small, "zip-bomb")
	})
	t.Run("ErrDeepXML", func(t *testing.T) {
		deep := strings.Repeat("<PageBlock>", 5000) + `<TextObject Boundary="0 0 9 9"><TextCode X="0" Y="5">字</TextCode></TextObject>` + strings.Repeat("</PageBlock>", 5000)
		data := ofdfixture.Zip([][2]string{
			{"OFD.xml", "<OFD><DocBody><DocRoot>Doc_0/Document.xml</DocRoot></DocBody></OFD>"},
			{"Doc_0/Document.xml", `<Document><Pages><Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></Pages></Document>`},
			{"Doc_0/Pages/Page_0/Content.xml", `<Page><Content><Layer>` + deep + `</Layer></Content></Page>`},
		})
		ofdFail(t, data, lim, "too-deep")
	})
	t.Run("ErrTooMuchText", func(t *testing.T) {
		small := lim
		small.MaxPartsBytes = 20
		ofdFail(t, good, small, "too-large")
	})
	t.Run("ErrFileTooLarge", func(t *testing.T) {
		small := lim
		small.MaxFileBytes = 100
		ofdFail(t, good, small, "too-large")
	})
	t.Run("ErrCompositeLoop", func(t *testing.T) {
		// Each unit draws the one before it four times: 4^12 drawings if nothing stops it.
		var res strings.Builder
		res.WriteString(`<Res><CompositeGraphicUnits><CompositeGraphicUnit ID="u0"><Content><TextObject Boundary="0 0 9 9"><TextCode X="0" Y="5">字</TextCode></TextObject></Content></CompositeGraphicUnit>`)
		for i := 1; i <= 12; i++ {
			ref := `<CompositeObject ResourceID="u` + strconv.Itoa(i-1) + `" Boundary="0 0 9 9"/>`
			res.WriteString(`<CompositeGraphicUnit ID="u` + strconv.Itoa(i) + `"><Content>` + strings.Repeat(ref, 4) + `</Content></CompositeGraphicUnit>`)
		}
		res.WriteString(`</CompositeGraphicUnits></Res>`)
		data := ofdfixture.Zip([][2]string{
			{"OFD.xml", "<OFD><DocBody><DocRoot>Doc_0/Document.xml</DocRoot></DocBody></OFD>"},
			{"Doc_0/Document.xml", `<Document><CommonData><DocumentRes>Res.xml</DocumentRes></CommonData><Pages><Page ID="1" BaseLoc="Page.xml"/></Pages></Document>`},
			{"Doc_0/Res.xml", res.String()},
			{"Doc_0/Page.xml", `<Page><Content><Layer><CompositeObject ResourceID="u12" Boundary="0 0 9 9"/></Layer></Content></Page>`},
		})
		ofdFail(t, data, lim, "too-large")
	})
}

// realWorldOFD is where the suite keeps OFD files from real producers, relative to this package.
const realWorldOFD = "../../../shared/realworld/ofd"

// refusedOFD lists real files that are rightly could-not-be-checked, with the code; none so far.
var refusedOFD = map[string]string{}

// TestOFDRealWorld reads OFD files from real producers (Suwell, WPS, SurRead,
// iOFD, customs, watermarks, e-invoices) and requires at least 99% of the Han
// characters of every TextCode in the file in the body and annotation text.
func TestOFDRealWorld(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(realWorldOFD, "*.ofd"))
	if len(files) == 0 {
		abs, _ := filepath.Abs(realWorldOFD)
		t.Skipf("no real-world OFD files found in %s (shared/realworld/ofd beside the repository)", abs)
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want := textCodeHan(t, data)
			doc, err := extract.ReadOFD(data, extract.DefaultLimits())
			if code, ok := refusedOFD[name]; ok {
				var ue *extract.UnreadableError
				if !errors.As(err, &ue) || ue.Code != code {
					t.Fatalf("want refusal %s, got %v", code, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("%v", err)
			}
			got := 0
			for _, p := range doc.Parts {
				if (p.Kind == extract.Body || p.Kind == extract.Annotation) && !strings.HasPrefix(p.Name, "附件 ") {
					got += hanCount(p.Text)
				}
			}
			t.Logf("%s: %d pages, coverage %.2f, signed %v, Han extracted %d of %d in TextCode", name, doc.Pages, doc.Coverage, doc.Signed, got, want)
			if want > 0 && float64(got) < 0.99*float64(want) {
				t.Errorf("extracted %d Han characters, want at least 99%% of %d", got, want)
			}
		})
	}
}

func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// textCodeRE finds TextCode elements naively: any prefix, any attributes, the text up to the next tag.
var textCodeRE = regexp.MustCompile(`<(?:[A-Za-z_][\w.-]*:)?TextCode\b[^>]*>([^<]*)<`)

// textCodeHan counts the Han characters in every TextCode of every .xml in the zip,
// independently of the reader: no paths followed, no structure understood.
func textCodeHan(t *testing.T, data []byte) int {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range zr.File {
		if !strings.HasSuffix(strings.ToLower(f.Name), ".xml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		x, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range textCodeRE.FindAllSubmatch(x, -1) {
			n += hanCount(string(m[1]))
		}
	}
	return n
}
