package extract_test

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"prepub/review/extract"
)

// The fixtures are written by LibreOffice (testdata/make_doc.sh).
func docFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func docRead(t *testing.T, data []byte) *extract.Document {
	t.Helper()
	doc, err := extract.ReadDOC(data, extract.DefaultLimits())
	if err != nil {
		t.Fatalf("ReadDOC: %v", err)
	}
	if doc.Format != "doc" || doc.Coverage != 1 {
		t.Fatalf("format %q coverage %v", doc.Format, doc.Coverage)
	}
	return doc
}

// part returns the part named name, failing the test when there is none.
func docPart(t *testing.T, doc *extract.Document, name string) extract.Part {
	t.Helper()
	for _, p := range doc.Parts {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no part %q in %+v", name, doc.Parts)
	return extract.Part{}
}

func TestDOCStories(t *testing.T) {
	doc := docRead(t, docFixture(t, "doc_marked.doc"))
	body := docPart(t, doc, "正文")
	if body.Kind != extract.Body || body.Hidden || doc.Parts[0].Name != "正文" {
		t.Fatalf("body part first and visible: %+v", doc.Parts[0])
	}
	for _, want := range []string{"机密★20年\n", "各单位：为做好保密工作，现通知如下。\n", "第一条保留的正文内容。\n", "甲单元格\n乙单元格\n丙单元格\n丁单元格\n"} {
		if !strings.Contains(body.Text, want) {
			t.Errorf("body lacks %q:\n%s", want, body.Text)
		}
	}
	for _, not := range []string{"已删除的敏感段落", "隐藏的备注文字", "这一段需要再核实", "依据保密法", "内部资料"} {
		if strings.Contains(body.Text, not) {
			t.Errorf("body holds %q:\n%s", not, body.Text)
		}
	}
	for _, c := range []struct {
		name   string
		kind   extract.PartKind
		hidden bool
		text   string
	}{
		{"修订删除", extract.Deleted, true, "已删除的敏感段落"},
		{"隐藏文字", extract.Body, true, "隐藏的备注文字"},
		{"批注", extract.Comment, true, "批注：这一段需要再核实"},
		{"页眉", extract.Header, false, "页眉：内部资料\n"},
		{"页脚", extract.Footer, false, "页脚：第一页\n"},
		{"脚注", extract.Footnote, false, "脚注：依据保密法第十条"},
		{"尾注", extract.Footnote, false, "尾注：附件另发"},
		{"文本框", extract.Body, false, "文本框里的文字\n"},
		{"文档属性", extract.Properties, true, "标题：关于加强保密管理的通知\n"},
	} {
		p := docPart(t, doc, c.name)
		if p.Kind != c.kind || p.Hidden != c.hidden || !strings.Contains(p.Text, c.text) {
			t.Errorf("part %s: got %s hidden=%v %q, want %s hidden=%v containing %q", c.name, p.Kind, p.Hidden, p.Text, c.kind, c.hidden, c.text)
		}
	}
	props := docPart(t, doc, "文档属性").Text
	for _, want := range []string{"作者：起草人王五\n", "关键词：保密 通知\n", "主题：保密管理\n", "最后修改者：审核人赵六\n", "密级：秘密\n"} {
		if !strings.Contains(props, want) {
			t.Errorf("properties lack %q:\n%s", want, props)
		}
	}
}

func TestDOCWPSCopyReadsTheSame(t *testing.T) {
	doc := docRead(t, docFixture(t, "doc_marked.doc"))
	wps := docRead(t, docFixture(t, "doc_marked.wps"))
	if !reflect.DeepEqual(doc.Parts, wps.Parts) {
		t.Fatalf(".wps copy reads differently:\n%+v\n%+v", doc.Parts, wps.Parts)
	}
}

func TestDOCClean(t *testing.T) {
	doc := docRead(t, docFixture(t, "doc_clean.doc"))
	want := "关于召开年度工作会议的通知\n各部门：定于下月召开年度工作会议，请做好准备。\n特此通知。\n"
	if got := docPart(t, doc, "正文").Text; got != want {
		t.Fatalf("body %q, want %q", got, want)
	}
	for _, p := range doc.Parts {
		if p.Kind != extract.Body && p.Kind != extract.Properties || p.Hidden && p.Kind == extract.Body {
			t.Errorf("unexpected part %+v", p)
		}
	}
}

// docFIBOffset finds the WordDocument stream's first sector: the one starting with the FIB's wIdent.
func docFIBOffset(t *testing.T, data []byte) int {
	t.Helper()
	for off := 512; off+4 <= len(data); off += 512 {
		if binary.LittleEndian.Uint16(data[off:]) == 0xA5EC && binary.LittleEndian.Uint16(data[off+2:]) >= 0xC0 {
			return off
		}
	}
	t.Fatal("no FIB found")
	return 0
}

// patched returns a copy of data with fn applied to the FIB.
func docPatched(t *testing.T, data []byte, fn func(fib []byte)) []byte {
	t.Helper()
	out := bytes.Clone(data)
	fn(out[docFIBOffset(t, out):])
	return out
}

func TestDOCRefusals(t *testing.T) {
	marked := docFixture(t, "doc_marked.doc")
	le := binary.LittleEndian
	noWordDocument := bytes.Clone(marked)
	name := []byte("W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t\x00")
	i := bytes.Index(noWordDocument, name)
	if i < 0 {
		t.Fatal("no WordDocument directory entry")
	}
	noWordDocument[i] = 'X'
	small := extract.DefaultLimits()
	small.MaxPartsBytes = 100

	cases := []struct {
		name string
		data []byte
		lim  extract.Limits
		code string
	}{
		{"wps not a compound file", []byte("WPS\x00\x01\x02 early WPS document bytes"), extract.DefaultLimits(), "format"},
		{"rtf named .doc", []byte("{\\rtf1\\ansi 机密}"), extract.DefaultLimits(), "format"},
		{"compound file without WordDocument", noWordDocument, extract.DefaultLimits(), "format"},
		{"encrypted by LibreOffice", docFixture(t, "doc_encrypted.doc"), extract.DefaultLimits(), "encrypted"},
		{"fEncrypted set", docPatched(t, marked, func(f []byte) { f[11] |= 0x01 }), extract.DefaultLimits(), "encrypted"},
		{"Word 6 identifier", docPatched(t, marked, func(f []byte) { le.PutUint16(f, 0xA5DC) }), extract.DefaultLimits(), "format"},
		{"Word 95 nFib", docPatched(t, marked, func(f []byte) { le.PutUint16(f[2:], 104) }), extract.DefaultLimits(), "format"},
		{"unknown identifier", docPatched(t, marked, func(f []byte) { le.PutUint16(f, 0x1234) }), extract.DefaultLimits(), "format"},
		{"Clx past the table stream", docPatched(t, marked, func(f []byte) { le.PutUint32(f[418:], 0x7FFFFFF0) }), extract.DefaultLimits(), "broken"},
		{"main text longer than the pieces", docPatched(t, marked, func(f []byte) { le.PutUint32(f[76:], 1<<20) }), extract.DefaultLimits(), "broken"},
		{"FIB counts past the stream", docPatched(t, marked, func(f []byte) { le.PutUint16(f[152:], 0xFFFF) }), extract.DefaultLimits(), "broken"},
		{"text over MaxPartsBytes", marked, small, "too-large"},
	}
	for _, n := range []int{len(marked) - 1000, len(marked) / 2, len(marked) / 4, 1000, 600, 100} {
		cases = append(cases, struct {
			name string
			data []byte
			lim  extract.Limits
			code string
		}{"truncated to " + strconv.Itoa(n), marked[:n], extract.DefaultLimits(), "broken"})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := extract.ReadDOC(c.data, c.lim)
			var ue *extract.UnreadableError
			if !errors.As(err, &ue) || doc != nil {
				t.Fatalf("got %v, %v; want code %s", doc, err, c.code)
			}
			if ue.Code != c.code || ue.Reason == "" {
				t.Fatalf("code %q reason %q, want %s", ue.Code, ue.Reason, c.code)
			}
		})
	}
}

// TestDOCRealWorld reads the real drafts in shared/realworld/doc and compares
// the Han characters read with what LibreOffice reads (testdata/doc_refs.tsv).
func TestDOCRealWorld(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "realworld", "doc")
	if _, err := os.Stat(dir); err != nil {
		abs, _ := filepath.Abs(dir)
		t.Skipf("no real-world .doc files: looked in %s", abs)
	}
	refs := docRefs(t, filepath.Join("testdata", "doc_refs.tsv"))
	files, _ := filepath.Glob(filepath.Join(dir, "*.doc"))
	if len(files) == 0 {
		t.Skipf("no .doc files in %s", dir)
	}
	for _, f := range files {
		name := filepath.Base(f)
		want, ok := refs[name]
		if !ok {
			t.Errorf("%s has no reference count in doc_refs.tsv", name)
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := docRead(t, data)
		got := 0
		for _, p := range doc.Parts {
			switch {
			case p.Kind == extract.Comment,
				!p.Hidden && (p.Kind == extract.Body || p.Kind == extract.Footnote || p.Kind == extract.Header || p.Kind == extract.Footer):
				got += docHanCount(p.Text)
			}
		}
		if got*100 < want*99 {
			t.Errorf("%s: %d Han characters, LibreOffice reads %d", name, got, want)
		}
		t.Logf("%s: %d Han characters, LibreOffice %d", name, got, want)
	}
}

func docRefs(t *testing.T, path string) map[string]int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	refs := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, count, ok := strings.Cut(line, "\t")
		n, err := strconv.Atoi(count)
		if !ok || err != nil {
			t.Fatalf("bad line in %s: %q", path, line)
		}
		refs[name] = n
	}
	return refs
}

func docHanCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}
