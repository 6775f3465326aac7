package extract_test

import (
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"prepub/internal/docxfixture"
	"prepub/internal/pdffixture"
	"prepub/review/extract"
)

const sample = "机密★1年\n关于做好政务公开工作的通知\n各乡镇人民政府：\n"

// mustRead extracts data named name and fails the test when it cannot be checked.
func mustRead(t *testing.T, name string, data []byte) *extract.Document {
	t.Helper()
	doc, err := extract.Bytes(name, data, extract.DefaultLimits())
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

// mustFail extracts data and requires an *UnreadableError with the given code.
func mustFail(t *testing.T, name string, data []byte, lim extract.Limits, code string) *extract.UnreadableError {
	t.Helper()
	doc, err := extract.Bytes(name, data, lim)
	var ue *extract.UnreadableError
	if !errors.As(err, &ue) {
		t.Fatalf("%s: want could-not-be-checked (%s), got doc=%v err=%v", name, code, doc != nil, err)
	}
	if ue.Code != code {
		t.Fatalf("%s: want code %s, got %s (%s)", name, code, ue.Code, ue.Reason)
	}
	if !strings.Contains(ue.Error(), "无法检查") || ue.Reason == "" {
		t.Fatalf("%s: reason must be a Chinese sentence, got %q", name, ue.Error())
	}
	return ue
}

func body(d *extract.Document) string {
	var b strings.Builder
	for _, p := range d.Parts {
		if p.Kind == extract.Body && !p.Hidden {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

func strip(s string) string { return strings.Join(strings.Fields(s), "") }

// TestText ensures every encoding offices save plain text in is decoded to the same text.
func TestText(t *testing.T) {
	gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(sample))
	u16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(sample))
	u16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(sample))
	for _, tc := range []struct {
		name, enc string
		data      []byte
	}{
		{"UTF8", "UTF-8", []byte(sample)},
		{"UTF8BOM", "UTF-8 (BOM)", append([]byte{0xEF, 0xBB, 0xBF}, sample...)},
		{"UTF16LE", "UTF-16LE", u16le},
		{"UTF16BE", "UTF-16BE", u16be},
		{"GB18030", "GB18030", gb},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := mustRead(t, "draft.txt", tc.data)
			if body(doc) != sample || doc.Encoding != tc.enc || doc.Coverage != 1 {
				t.Fatalf("got %q in %s", body(doc), doc.Encoding)
			}
		})
	}
}

// TestTextRefused ensures text that is not cleanly decodable is never read as clean.
func TestTextRefused(t *testing.T) {
	lim := extract.DefaultLimits()
	t.Run("ErrEmpty", func(t *testing.T) { mustFail(t, "a.txt", nil, lim, "empty") })
	t.Run("ErrWhitespace", func(t *testing.T) { mustFail(t, "a.txt", []byte(" \n\u3000\n"), lim, "no-text") })
	t.Run("ErrBinary", func(t *testing.T) { mustFail(t, "a.txt", []byte("机密\x00\x00\x00"), lim, "binary") })
	t.Run("ErrUndecodable", func(t *testing.T) {
		mustFail(t, "a.txt", []byte{0x81, 0x20, 0xFF, 0xFE, 0x80, 0x80}, lim, "encoding")
	})
	t.Run("ErrOddUTF16", func(t *testing.T) { mustFail(t, "a.txt", []byte{0xFF, 0xFE, 0x3A}, lim, "encoding") })
}

// TestUnsupported ensures formats that cannot be read say so and say what to do.
func TestUnsupported(t *testing.T) {
	for _, name := range []string{"a.doc", "a.wps", "a.ofd", "scan.png", "noext"} {
		ue := mustFail(t, name, []byte("\xD0\xCF\x11\xE0 old office"), extract.DefaultLimits(), "format")
		if !strings.Contains(ue.Reason, ".docx") {
			t.Errorf("%s: reason should say to save as .docx: %s", name, ue.Reason)
		}
	}
}

// TestTooLarge ensures the size limit is checked before the file is read.
func TestTooLarge(t *testing.T) {
	lim := extract.DefaultLimits()
	lim.MaxFileBytes = 10
	mustFail(t, "a.txt", []byte(sample), lim, "too-large")
	path := filepath.Join(t.TempDir(), "big.txt")
	os.WriteFile(path, []byte(sample), 0o644)
	if _, err := extract.File(path, lim); err == nil || !strings.Contains(err.Error(), "过大") {
		t.Fatalf("File over the limit: %v", err)
	}
}

// TestDOCXParts ensures every part of a .docx is read, with its kind and whether it is hidden.
func TestDOCXParts(t *testing.T) {
	d := docxfixture.Doc{
		Body: []string{"关于做好政务公开工作的通知", "各单位："}, Hidden: []string{"隐藏的机密内容"},
		Deleted: []string{"删除的绝密★"}, Inserted: []string{"插入的文字"}, TextBox: []string{"文本框里的字"},
		Table: [][]string{{"姓名", "职务"}, {"张三", "科员"}}, Header: []string{"内部资料"}, Footer: []string{"第1页"},
		Footnotes: []string{"脚注：见某文件"}, Comments: []string{"批注：此处涉密"},
		Title: "标题属性", Keywords: "关键词属性", Company: "某县人民政府", Custom: map[string]string{"密级": "秘密"},
	}
	doc := mustRead(t, "draft.docx", d.Build())
	want := []struct {
		kind   extract.PartKind
		hidden bool
		text   string
	}{
		{extract.Body, false, "关于做好政务公开工作的通知\n各单位：\n"},
		{extract.Body, false, "插入的文字"},
		{extract.Body, false, "张三"},
		{extract.Body, true, "隐藏的机密内容"},
		{extract.Deleted, true, "删除的绝密★"},
		{extract.Header, false, "内部资料"},
		{extract.Footer, false, "第1页"},
		{extract.Footnote, false, "脚注：见某文件"},
		{extract.Comment, true, "批注：此处涉密"},
		{extract.Properties, true, "标题：标题属性"},
		{extract.Properties, true, "单位：某县人民政府"},
		{extract.Properties, true, "密级：秘密"},
	}
	for _, w := range want {
		found := false
		for _, p := range doc.Parts {
			if p.Kind == w.kind && p.Hidden == w.hidden && strings.Contains(p.Text, w.text) {
				found = true
			}
		}
		if !found {
			t.Errorf("no %s part (hidden=%v) containing %q; parts: %+v", w.kind, w.hidden, w.text, doc.Parts)
		}
	}
	if n := strings.Count(body(doc), "文本框里的字"); n != 1 {
		t.Errorf("text box text appears %d times, want once (mc:Fallback must be skipped)", n)
	}
	if strings.Contains(body(doc), "隐藏") || strings.Contains(body(doc), "删除") {
		t.Errorf("hidden or deleted text leaked into the visible body: %q", body(doc))
	}
}

// TestDOCXBroken ensures broken and hostile .docx files end as could-not-be-checked.
func TestDOCXBroken(t *testing.T) {
	lim := extract.DefaultLimits()
	good := docxfixture.Doc{Body: []string{sample}}.Build()
	rnd := make([]byte, 4096)
	rand.New(rand.NewSource(1)).Read(rnd)
	t.Run("ErrRandomBytes", func(t *testing.T) { mustFail(t, "a.docx", rnd, lim, "broken") })
	t.Run("ErrTruncated", func(t *testing.T) { mustFail(t, "a.docx", good[:len(good)/2], lim, "broken") })
	t.Run("ErrNoDocumentXML", func(t *testing.T) {
		mustFail(t, "a.docx", docxfixture.Zip([][2]string{{"word/other.xml", "<x/>"}}), lim, "broken")
	})
	t.Run("ErrImagesOnly", func(t *testing.T) {
		mustFail(t, "a.docx", docxfixture.Doc{Header: []string{"页眉"}}.Build(), lim, "no-text")
	})
	t.Run("ErrZipBomb", func(t *testing.T) {
		zeros := strings.Repeat("<w:p/>", 2<<20) // 12 MB that deflates to a few KB
		bomb := docxfixture.Zip([][2]string{{"word/document.xml", `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + zeros + `</w:body></w:document>`}})
		if len(bomb) > 200<<10 {
			t.Fatalf("fixture is not a bomb: %d bytes", len(bomb))
		}
		small := lim
		small.MaxUnpacked = 4 << 20
		mustFail(t, "bomb.docx", bomb, small, "zip-bomb")
	})
	t.Run("ErrDeepXML", func(t *testing.T) {
		deep := strings.Repeat("<w:sdt>", 5000) + "<w:p><w:r><w:t>字</w:t></w:r></w:p>" + strings.Repeat("</w:sdt>", 5000)
		doc := docxfixture.Zip([][2]string{{"word/document.xml", `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + deep + `</w:body></w:document>`}})
		mustFail(t, "deep.docx", doc, lim, "too-deep")
	})
}

// TestPDF ensures PDF text is read page by page, with coverage counting pages that have text.
func TestPDF(t *testing.T) {
	data := pdffixture.Build([]pdffixture.Page{
		{Lines: []string{"机密★1年", "关于做好政务公开工作的通知"}},
		{Image: true},
		{Lines: []string{"（此件依申请公开）"}},
		{Image: true},
	}, pdffixture.Options{})
	doc := mustRead(t, "draft.pdf", data)
	if doc.Pages != 4 || doc.Coverage != 0.5 {
		t.Fatalf("pages %d coverage %v, want 4 and 0.5", doc.Pages, doc.Coverage)
	}
	if got := strip(body(doc)); got != "机密★1年关于做好政务公开工作的通知（此件依申请公开）" {
		t.Fatalf("text %q", got)
	}
	if doc.Parts[0].Name != "第1页" || doc.Parts[1].Name != "第3页" {
		t.Fatalf("page names %q %q", doc.Parts[0].Name, doc.Parts[1].Name)
	}
}

// TestPDFRealProducer reads a PDF made by LibreOffice (testdata/make.sh): embedded CJK subset fonts.
func TestPDFRealProducer(t *testing.T) {
	data, err := os.ReadFile("testdata/libreoffice.pdf")
	if err != nil {
		t.Fatal(err)
	}
	doc := mustRead(t, "libreoffice.pdf", data)
	got := strip(body(doc))
	for _, want := range []string{"机密★5年", "政务公开", "（此件依申请公开）"} {
		if !strings.Contains(got, want) {
			t.Errorf("LibreOffice PDF text lacks %q: %.200q", want, got)
		}
	}
	if doc.Coverage != 1 {
		t.Errorf("coverage %v", doc.Coverage)
	}
}

// TestPDFRefused ensures unreadable PDFs are could-not-be-checked, with the reason.
func TestPDFRefused(t *testing.T) {
	lim := extract.DefaultLimits()
	good := pdffixture.Build([]pdffixture.Page{{Lines: []string{sample}}}, pdffixture.Options{})
	rnd := make([]byte, 4096)
	rand.New(rand.NewSource(2)).Read(rnd)
	t.Run("ErrImageOnly", func(t *testing.T) {
		ue := mustFail(t, "scan.pdf", pdffixture.Build([]pdffixture.Page{{Image: true}, {Image: true}}, pdffixture.Options{}), lim, "no-text-layer")
		if !strings.Contains(ue.Reason, "扫描") {
			t.Errorf("reason should mention a scanned image: %s", ue.Reason)
		}
	})
	t.Run("ErrEncrypted", func(t *testing.T) {
		mustFail(t, "secret.pdf", pdffixture.Build([]pdffixture.Page{{Lines: []string{sample}}}, pdffixture.Options{Encrypted: true}), lim, "encrypted")
	})
	t.Run("ErrTruncated", func(t *testing.T) { mustFail(t, "cut.pdf", good[:len(good)*2/3], lim, "broken") })
	t.Run("ErrRandomBytes", func(t *testing.T) { mustFail(t, "rnd.pdf", append([]byte("%PDF-1.7\n"), rnd...), lim, "broken") })
	t.Run("ErrNotPDF", func(t *testing.T) { mustFail(t, "x.pdf", []byte("hello"), lim, "broken") })
}

// TestPDFOwnerPassword ensures a PDF restricted by an owner password only (it
// opens without one, as in every reader) is read, by the second engine, with its text right.
func TestPDFOwnerPassword(t *testing.T) {
	data := pdffixture.Build([]pdffixture.Page{{Lines: []string{sample}}}, pdffixture.Options{Encrypted: true, OwnerOnly: true})
	doc := mustRead(t, "restricted.pdf", data)
	if got := strip(body(doc)); got != strip(sample) || doc.Engine != "pdfium" || doc.Coverage != 1 {
		t.Fatalf("engine %s coverage %v text %q", doc.Engine, doc.Coverage, got)
	}
}

// TestPDFSplitRunes ensures a producer that writes each character apart still yields all the text.
func TestPDFSplitRunes(t *testing.T) {
	data := pdffixture.Build([]pdffixture.Page{{Lines: []string{"机密★1年"}}}, pdffixture.Options{SplitRunes: true})
	doc := mustRead(t, "split.pdf", data)
	if !strings.Contains(body(doc), "\n") || strip(body(doc)) != "机密★1年" {
		t.Fatalf("text %q", body(doc))
	}
}

// TestFileMissing ensures a missing path is could-not-be-checked.
func TestFileMissing(t *testing.T) {
	_, err := extract.File(filepath.Join(t.TempDir(), "none.docx"), extract.DefaultLimits())
	var ue *extract.UnreadableError
	if !errors.As(err, &ue) || ue.Code != "open" {
		t.Fatalf("err %v", err)
	}
}

// TestPDFTimeout ensures a PDF that takes longer than the limit is could-not-be-checked; the worker process is killed.
func TestPDFTimeout(t *testing.T) {
	data, err := os.ReadFile("testdata/libreoffice.pdf")
	if err != nil {
		t.Fatal(err)
	}
	lim := extract.DefaultLimits()
	lim.PDFTimeout = time.Millisecond
	ue := mustFail(t, "slow.pdf", data, lim, "timeout")
	if !strings.Contains(ue.Reason, "超时") {
		t.Fatalf("reason %q", ue.Reason)
	}
}

// TestPDFShards ensures a large PDF read by several workers gives every page, in order, with the right coverage.
func TestPDFShards(t *testing.T) {
	var pages []pdffixture.Page
	var want strings.Builder
	for i := 1; i <= 600; i++ {
		if i%10 == 0 {
			pages = append(pages, pdffixture.Page{Image: true})
			continue
		}
		line := fmt.Sprintf("第%d页政务公开工作要点，依法依规做好信息发布解读回应工作。", i)
		pages = append(pages, pdffixture.Page{Lines: []string{line, line, line, line, line}})
		want.WriteString(strings.Repeat(line, 5))
	}
	data := pdffixture.Build(pages, pdffixture.Options{})
	if len(data) < 256<<10 {
		t.Fatalf("fixture too small to be sharded: %d bytes", len(data))
	}
	doc := mustRead(t, "big.pdf", data)
	if doc.Pages != 600 || doc.Coverage != 0.9 || len(doc.Parts) != 540 {
		t.Fatalf("pages %d coverage %v parts %d", doc.Pages, doc.Coverage, len(doc.Parts))
	}
	if strip(body(doc)) != want.String() {
		t.Fatal("pages out of order or missing")
	}
	lim := extract.DefaultLimits()
	lim.PDFWorkers = 1
	one, err := extract.Bytes("big.pdf", data, lim)
	if err != nil || !reflect.DeepEqual(one.Parts, doc.Parts) || one.Coverage != doc.Coverage {
		t.Fatalf("read by one worker: %v, not as by several", err)
	}
}
