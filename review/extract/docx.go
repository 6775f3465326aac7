package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
)

const (
	nsW  = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsMC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

var (
	errTooDeep  = errors.New("xml nesting too deep")
	errUnpacked = errors.New("decompressed size over limit")
	errTooMuch  = errors.New("text over limit")
)

// readDOCX reads every text-bearing part of a Word document.
func readDOCX(data []byte, lim Limits) (*Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, unreadable("broken", "不是有效的 .docx 文件（文件已损坏，或扩展名与内容不符）", err)
	}
	files := map[string]*zip.File{}
	var declared uint64
	for _, f := range zr.File {
		files[f.Name] = f
		declared += f.UncompressedSize64
	}
	if lim.MaxUnpacked > 0 && declared > uint64(lim.MaxUnpacked) {
		return nil, zipBomb(nil)
	}
	if files["word/document.xml"] == nil {
		return nil, unreadable("broken", "不是有效的 .docx 文件：缺少正文（word/document.xml）", nil)
	}
	r := &docxReader{files: files, lim: lim, budget: lim.MaxUnpacked}
	doc := &Document{Format: "docx", Coverage: 1}

	body, err := r.wordPart("word/document.xml", Body)
	if err != nil {
		return nil, err
	}
	doc.Parts = append(doc.Parts, body...)
	doc.Headings = r.headings
	for _, g := range []struct {
		prefix string
		kind   PartKind
	}{{"word/header", Header}, {"word/footer", Footer}, {"word/footnotes", Footnote}, {"word/endnotes", Footnote}, {"word/comments", Comment}} {
		for _, name := range r.named(g.prefix) {
			parts, err := r.wordPart(name, g.kind)
			if err != nil {
				return nil, err
			}
			doc.Parts = append(doc.Parts, parts...)
		}
	}
	charts, err := r.chartParts()
	if err != nil {
		return nil, err
	}
	doc.Parts = append(doc.Parts, charts...)
	props, err := r.properties()
	if err != nil {
		return nil, err
	}
	if props.Text != "" {
		doc.Parts = append(doc.Parts, props)
	}
	return doc, nil
}

func zipBomb(detail error) *UnreadableError {
	return unreadable("zip-bomb", "文档解压后体积异常巨大（疑似压缩炸弹），已停止读取", detail)
}

func tooDeep(name string) *UnreadableError {
	return unreadable("too-deep", "文档结构嵌套过深，文件可能已损坏或被篡改", fmt.Errorf("%s: %w", name, errTooDeep))
}

type docxReader struct {
	files    map[string]*zip.File
	lim      Limits
	budget   int64     // decompressed bytes still allowed
	text     int64     // bytes of text read so far, against Limits.MaxPartsBytes
	headings []Heading // the body's, once read
}

// named returns the XML parts whose names start with prefix, in name order.
func (r *docxReader) named(prefix string) []string {
	var out []string
	for name := range r.files {
		if strings.HasPrefix(name, prefix) && strings.HasSuffix(name, ".xml") && !strings.Contains(name[len(prefix):], "/") {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// open returns a reader over a part that fails once the decompression budget is spent.
func (r *docxReader) open(name string) (io.ReadCloser, error) {
	rc, err := r.files[name].Open()
	if err != nil {
		return nil, unreadable("broken", "文档已损坏，无法解压："+name, err)
	}
	return &budgetReader{rc: rc, r: r}, nil
}

type budgetReader struct {
	rc io.ReadCloser
	r  *docxReader
}

func (b *budgetReader) Read(p []byte) (int, error) {
	n, err := b.rc.Read(p)
	if b.r.lim.MaxUnpacked > 0 {
		b.r.budget -= int64(n)
		if b.r.budget < 0 {
			return n, errUnpacked
		}
	}
	return n, err
}

func (b *budgetReader) Close() error { return b.rc.Close() }

// partError turns a failure while reading a part into the reason the user sees.
func (r *docxReader) partError(name string, err error) error {
	var ue *UnreadableError
	switch {
	case errors.As(err, &ue):
		return ue
	case errors.Is(err, errUnpacked):
		return zipBomb(err)
	case errors.Is(err, errTooDeep):
		return tooDeep(name)
	case errors.Is(err, errTooMuch):
		return tooMuchText("文档中", r.lim.MaxPartsBytes)
	}
	return unreadable("broken", "文档已损坏，无法读取其中的 "+name, err)
}

// wordPart reads a WordprocessingML part into its visible text, plus separate
// hidden parts for runs formatted as hidden and for tracked deletions.
func (r *docxReader) wordPart(name string, kind PartKind) ([]Part, error) {
	rc, err := r.open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	w := newWordText()
	if r.lim.MaxPartsBytes > 0 {
		w.max = r.lim.MaxPartsBytes - r.text
	}
	if kind == Body {
		w.heads = &docxHeadings{titleStyles: r.titleStyles()}
	}
	if err := w.read(rc, r.lim.MaxXMLDepth); err != nil {
		return nil, r.partError(name, err)
	}
	r.text += int64(w.size())
	if w.heads != nil {
		r.headings = w.heads.list
	}
	hidden := kind == Comment
	parts := []Part{{Kind: kind, Name: name, Hidden: hidden, Text: w.visible.String()}}
	if w.vanished.Len() > 0 {
		parts = append(parts, Part{Kind: kind, Name: name + "（隐藏文字）", Hidden: true, Text: w.vanished.String()})
	}
	if w.deleted.Len() > 0 {
		parts = append(parts, Part{Kind: Deleted, Name: name + "（修订删除）", Hidden: true, Text: w.deleted.String()})
	}
	if kind != Body && strings.TrimSpace(parts[0].Text) == "" {
		parts = parts[1:]
	}
	return parts, nil
}

// wordText collects the text of one WordprocessingML part as it streams by.
type wordText struct {
	storySinks
	inRun, runHidden, inRPr bool
	max                     int64         // most bytes of text this part may give; 0: no limit
	heads                   *docxHeadings // for the body: its headings, nil for other stories
}

func newWordText() *wordText { return &wordText{} }

func (w *wordText) read(rd io.Reader, maxDepth int) error {
	dec := xml.NewDecoder(rd)
	dec.Strict = false
	depth := 0
	skipDepth := 0 // >0 while inside an element whose text is skipped
	var textSink *strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if maxDepth > 0 && depth > maxDepth {
				return errTooDeep
			}
			if skipDepth > 0 {
				continue
			}
			if t.Name.Space == nsMC && t.Name.Local == "Fallback" || t.Name.Space == nsW && t.Name.Local == "instrText" {
				skipDepth = depth
				continue
			}
			if t.Name.Space != nsW {
				continue
			}
			if w.heads != nil {
				w.heads.inPPr = w.heads.inPPr || t.Name.Local == "pPr"
				w.heads.property(t)
				if t.Name.Local == "p" {
					w.heads.startParagraph(w.visible.Len())
				}
			}
			switch t.Name.Local {
			case "r":
				w.inRun, w.runHidden = true, false
			case "rPr":
				w.inRPr = w.inRun
			case "vanish", "specVanish":
				if w.inRPr && !isOff(t) {
					w.runHidden = true
				}
			case "t":
				textSink = w.sinkFor(false)
			case "delText":
				textSink = w.sinkFor(true)
			case "tab":
				if !w.inRPr {
					w.sinkFor(false).WriteByte('\t')
				}
			case "br", "cr":
				w.sinkFor(false).WriteByte('\n')
			}
		case xml.EndElement:
			depth--
			if skipDepth > 0 {
				if depth < skipDepth {
					skipDepth = 0
				}
				continue
			}
			if t.Name.Space != nsW {
				continue
			}
			switch t.Name.Local {
			case "r":
				w.inRun, w.runHidden = false, false
			case "rPr":
				w.inRPr = false
			case "t", "delText":
				textSink = nil
			case "pPr":
				if w.heads != nil {
					w.heads.inPPr = false
				}
			case "p":
				if w.heads != nil {
					w.heads.endParagraph(w.visible.String())
				}
				w.endParagraph()
			}
		case xml.CharData:
			if textSink != nil && skipDepth == 0 {
				textSink.Write(t)
			}
		}
		if w.max > 0 && int64(w.size()) > w.max {
			return errTooMuch
		}
	}
}

// sinkFor returns where the current run's text goes.
func (w *wordText) sinkFor(deleted bool) *strings.Builder {
	return w.sink(deleted, w.runHidden)
}

// isOff reports an OOXML on/off property explicitly set off (w:val="0"/"false"/"off").
func isOff(t xml.StartElement) bool {
	for _, a := range t.Attr {
		if a.Name.Local == "val" {
			switch a.Value {
			case "0", "false", "off":
				return true
			}
		}
	}
	return false
}

// propertyLabels names the document properties that carry free text.
var propertyLabels = map[string]string{
	"title": "标题", "subject": "主题", "keywords": "关键词", "description": "备注",
	"category": "类别", "creator": "作者", "lastModifiedBy": "最后修改者",
	"Company": "单位", "Manager": "经理",
}

// properties reads docProps/core.xml, app.xml and custom.xml into one hidden part.
func (r *docxReader) properties() (Part, error) {
	var b strings.Builder
	for _, name := range []string{"docProps/core.xml", "docProps/app.xml", "docProps/custom.xml"} {
		if r.files[name] == nil {
			continue
		}
		if err := r.propertyPart(name, &b); err != nil {
			return Part{}, r.partError(name, err)
		}
	}
	return Part{Kind: Properties, Name: "文档属性", Hidden: true, Text: b.String()}, nil
}

func (r *docxReader) propertyPart(name string, b *strings.Builder) error {
	rc, err := r.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	dec.Strict = false
	custom := path.Base(name) == "custom.xml"
	depth := 0
	label := "" // label of the element whose text is being read
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if r.lim.MaxXMLDepth > 0 && depth > r.lim.MaxXMLDepth {
				return errTooDeep
			}
			if custom && t.Name.Local == "property" {
				for _, a := range t.Attr {
					if a.Name.Local == "name" {
						label = a.Value
					}
				}
			} else if l, ok := propertyLabels[t.Name.Local]; ok && !custom {
				label = l
			}
		case xml.EndElement:
			depth--
			if !custom || t.Name.Local == "property" {
				label = ""
			}
		case xml.CharData:
			if label != "" && len(bytes.TrimSpace(t)) > 0 {
				b.WriteString(label)
				b.WriteString("：")
				b.Write(bytes.TrimSpace(t))
				b.WriteByte('\n')
			}
		}
	}
}
