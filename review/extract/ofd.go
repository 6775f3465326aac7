package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"path"
	"strings"
)

// This file reads an OFD file (GB/T 33190, the format for electronic official
// documents): OFD.xml names each document's Document.xml, which lists its
// pages, template pages, resources, annotations and attachments. Each page's
// text, with the text of the template pages it draws, becomes one body part.

// ofdRedo ends the reason for refusing a broken OFD file: what the user can do.
const ofdRedo = "；请用 OFD 阅读器重新导出或另存为 PDF，或提供原始 .docx 后再检查"

const (
	maxUnitDepth  = 16      // composite graphic units drawn inside units, at most this deep
	maxExpansions = 1 << 19 // composite graphic units and templates drawn, in all, per file
)

// ofdReader holds the state of reading one OFD file.
type ofdReader struct {
	pkg        *ofdPackage
	lim        Limits
	depth      int // 0 for the file itself, 1 for an OFD attached to it, ...
	pages      int
	withText   int // pages with text
	images     int // images drawn on pages
	textBytes  int64
	expansions int
	signed     bool
	body       []Part
	hidden     []Part // text the file holds but no page shows
	annots     []Part
	attached   []Part
	props      strings.Builder
}

// docBody is one document of the file, as OFD.xml describes it.
type docBody struct {
	info   []string // "name：value" lines of its DocInfo
	root   string   // location of its Document.xml
	signed bool
}

// docIndex is what a Document.xml lists.
type docIndex struct {
	pages       []pageRef
	templates   map[string]string // template page locations by ID
	templateIDs []string          // template page IDs in the order defined
	res         []string          // PublicRes and DocumentRes locations
	annotations string
	attachments string
	outlines    []string
}

type pageRef struct{ id, loc string }

// readOFD reads an OFD file's text: one body part per page, hidden parts for
// annotations (stamps, watermarks, notes) and document properties, and the parts
// of attached documents. Every panic is recovered: a hostile file ends as could
// not be checked.
func readOFD(data []byte, lim Limits) (*Document, error) {
	doc, _, err := readOFDAt(data, lim, 0)
	return doc, err
}

// readOFDAt reads an OFD file found depth attachments deep and also returns the
// bytes it decompressed, which the file that attaches it counts as its own.
func readOFDAt(data []byte, lim Limits, depth int) (doc *Document, unpacked int64, err error) {
	var r *ofdReader
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, unreadable("broken", "OFD 文件结构异常，无法读取文字"+ofdRedo, fmt.Errorf("panic: %v", p))
		}
		if r != nil && lim.MaxUnpacked > 0 {
			unpacked = lim.MaxUnpacked - r.pkg.budget
		}
	}()
	if lim.MaxFileBytes > 0 && int64(len(data)) > lim.MaxFileBytes {
		return nil, 0, tooLarge(int64(len(data)), lim.MaxFileBytes)
	}
	zr, zerr := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if zerr != nil {
		return nil, 0, unreadable("broken", "不是有效的 OFD 文件（文件已损坏，或扩展名与内容不符）"+ofdRedo, zerr)
	}
	pkg, perr := openOFDPackage(zr, lim)
	if perr != nil {
		return nil, 0, perr
	}
	r = &ofdReader{pkg: pkg, lim: lim, depth: depth}
	doc, err = r.read()
	return doc, 0, err
}

func (r *ofdReader) read() (*Document, error) {
	entry := r.pkg.resolve("OFD.xml")
	if entry == "" {
		return nil, unreadable("broken", "不是有效的 OFD 文件（缺少 OFD.xml），可能已损坏或不是 OFD 格式"+ofdRedo, nil)
	}
	bodies, err := r.entry(entry)
	if err != nil {
		return nil, err
	}
	if len(bodies) == 0 {
		return nil, unreadable("broken", "不是有效的 OFD 文件（OFD.xml 中没有文档入口 DocRoot）"+ofdRedo, nil)
	}
	for _, b := range bodies {
		if err := r.docBody(b); err != nil {
			return nil, err
		}
	}
	r.signed = r.signed || r.hasSignatureParts()
	return r.finish()
}

// entry reads OFD.xml: each DocBody's DocInfo, DocRoot and Signatures.
func (r *ofdReader) entry(name string) ([]*docBody, error) {
	var bodies []*docBody
	custom := ""
	start := func(p []string, e xml.StartElement) {
		switch e.Name.Local {
		case "DocBody":
			bodies = append(bodies, &docBody{})
		case "CustomData":
			custom = attr(e, "Name")
		case "Signatures":
			if len(bodies) > 0 {
				bodies[len(bodies)-1].signed = true
			}
		}
	}
	end := func(p []string, text string) {
		if len(bodies) == 0 || text == "" {
			return
		}
		b := bodies[len(bodies)-1]
		local := p[len(p)-1]
		switch {
		case local == "DocRoot":
			b.root = text
		case local == "CustomData":
			if custom == "" {
				custom = "自定义属性"
			}
			b.info = append(b.info, oneLine(custom)+"："+oneLine(text))
		case local == "Keyword" || local == "Keywords":
			b.info = append(b.info, "关键词："+oneLine(text))
		case docInfoLabels[local] != "" && parent(p) == "DocInfo":
			b.info = append(b.info, docInfoLabels[local]+"："+oneLine(text))
		}
	}
	if err := r.pkg.scan(name, start, end); err != nil {
		return nil, err
	}
	var out []*docBody
	for _, b := range bodies {
		if b.root != "" {
			out = append(out, b)
		}
	}
	return out, nil
}

// docInfoLabels names the DocInfo fields that carry free text.
var docInfoLabels = map[string]string{
	"Title": "标题", "Author": "作者", "Subject": "主题", "Abstract": "摘要", "Creator": "创建程序",
}

// docBody reads one document: its pages, then annotations, properties and attachments.
func (r *ofdReader) docBody(b *docBody) error {
	root := r.pkg.resolve(b.root)
	if root == "" {
		return unreadable("broken", "OFD 文件不完整：找不到文档内容（Document.xml）"+ofdRedo, nil)
	}
	idx, err := r.documentIndex(root)
	if err != nil {
		return err
	}
	r.signed = r.signed || b.signed
	docDir := dir(root)
	res := newResources(r.pkg)
	for _, loc := range idx.res {
		res.add(r.pkg.resolve(loc, docDir))
	}
	templates := map[string]*drawing{}
	pageIDs := map[string]int{}
	for _, pg := range idx.pages {
		r.pages++
		if _, dup := pageIDs[pg.id]; pg.id != "" && !dup {
			pageIDs[pg.id] = r.pages
		}
		name := r.pkg.resolve(pg.loc, docDir)
		if name == "" {
			continue // a page whose content is missing shows nothing; coverage says so
		}
		if err := r.page(name, idx, docDir, res, templates); err != nil {
			return err
		}
	}
	if err := r.annotations(idx.annotations, docDir, pageIDs, res); err != nil {
		return err
	}
	if err := r.undrawn(idx, docDir, res, templates); err != nil {
		return err
	}
	for _, line := range append(b.info, idx.outlines...) {
		r.props.WriteString(line)
		r.props.WriteByte('\n')
		r.textBytes += int64(len(line)) + 1
	}
	if r.lim.MaxPartsBytes > 0 && r.textBytes > r.lim.MaxPartsBytes {
		return r.tooMuchText()
	}
	return r.attachments(idx.attachments, docDir)
}

// documentIndex reads a Document.xml.
func (r *ofdReader) documentIndex(name string) (*docIndex, error) {
	idx := &docIndex{templates: map[string]string{}}
	start := func(p []string, e xml.StartElement) {
		switch e.Name.Local {
		case "Page":
			if parent(p) == "Pages" {
				idx.pages = append(idx.pages, pageRef{id: attr(e, "ID"), loc: attr(e, "BaseLoc")})
			}
		case "TemplatePage":
			if id := attr(e, "ID"); id != "" {
				if _, dup := idx.templates[id]; !dup {
					idx.templateIDs = append(idx.templateIDs, id)
				}
				idx.templates[id] = attr(e, "BaseLoc")
			}
		case "OutlineElem":
			if t := oneLine(attr(e, "Title")); t != "" {
				idx.outlines = append(idx.outlines, "书签："+t)
			}
		}
	}
	end := func(p []string, text string) {
		if text == "" {
			return
		}
		switch p[len(p)-1] {
		case "PublicRes", "DocumentRes":
			idx.res = append(idx.res, text)
		case "Annotations":
			idx.annotations = text
		case "Attachments":
			idx.attachments = text
		}
	}
	if err := r.pkg.scan(name, start, end); err != nil {
		return nil, err
	}
	return idx, nil
}

// page reads one page, with the template pages it draws, into a body part.
func (r *ofdReader) page(name string, idx *docIndex, docDir string, res *resources, templates map[string]*drawing) error {
	d, err := r.pkg.content(name, res.units)
	if err != nil {
		return err
	}
	for _, loc := range d.pageRes {
		res.add(r.pkg.resolve(loc, dir(name), docDir))
	}
	// Text is kept in drawing order: background templates, the page, foreground templates.
	var f flat
	for _, pass := range []int{0, 1, 2} {
		if pass == 1 {
			if err := r.flatten(d, identity, res, 0, &f); err != nil {
				return err
			}
			continue
		}
		for _, tr := range d.templates {
			if tr.foreground != (pass == 2) {
				continue
			}
			t, err := r.template(tr.id, idx, docDir, res, templates)
			if err != nil {
				return err
			}
			if t == nil {
				continue
			}
			if err := r.expand(); err != nil {
				return err
			}
			if err := r.flatten(t, identity, res, 0, &f); err != nil {
				return err
			}
		}
	}
	r.images += f.images
	text := layoutText(f.runs)
	if text == "" {
		return nil
	}
	r.withText++
	return r.add(&r.body, Part{Kind: Body, Name: fmt.Sprintf("第%d页", r.pages), Page: r.pages, Text: text})
}

// template returns the template page with the ID, read once per document; nil if it is missing.
func (r *ofdReader) template(id string, idx *docIndex, docDir string, res *resources, cache map[string]*drawing) (*drawing, error) {
	if t, ok := cache[id]; ok {
		return t, nil
	}
	cache[id] = nil
	name := r.pkg.resolve(idx.templates[id], docDir)
	if idx.templates[id] == "" || name == "" {
		return nil, nil
	}
	t, err := r.pkg.content(name, res.units)
	if err != nil {
		return nil, err
	}
	for _, loc := range t.pageRes {
		res.add(r.pkg.resolve(loc, dir(name), docDir))
	}
	cache[id] = t
	return t, nil
}

// undrawn reads the text a document holds but never shows: composite graphic
// units no page or annotation draws and template pages no page uses. Anyone
// who copies the file's text gets it, so it is checked too, as one hidden part.
func (r *ofdReader) undrawn(idx *docIndex, docDir string, res *resources, templates map[string]*drawing) error {
	if err := res.readAll(); err != nil {
		return err
	}
	var b strings.Builder
	for _, u := range res.units.all {
		if !u.drawn {
			b.WriteString(layoutText(u.runs))
		}
	}
	for _, id := range idx.templateIDs {
		if _, used := templates[id]; used {
			continue
		}
		t, err := r.template(id, idx, docDir, res, templates)
		if err != nil {
			return err
		}
		if t != nil {
			b.WriteString(layoutText(t.runs))
		}
	}
	if b.Len() == 0 {
		return nil
	}
	return r.add(&r.hidden, Part{Kind: Body, Name: "未显示的文字", Hidden: true, Text: b.String()})
}

// flat is a drawing with every composite graphic unit it draws put in place.
type flat struct {
	runs   []run
	images int
	bytes  int64
}

// flatten adds what d draws, through m, to out, drawing the composite graphic units it references.
func (r *ofdReader) flatten(d *drawing, m matrix, res *resources, depth int, out *flat) error {
	d.drawn = true
	out.images += d.images
	for _, rn := range d.runs {
		if m != identity {
			rn = rn.transformed(m)
		}
		out.bytes += int64(len(rn.text))
		if r.lim.MaxPartsBytes > 0 && r.textBytes+out.bytes > r.lim.MaxPartsBytes {
			return r.tooMuchText()
		}
		out.runs = append(out.runs, rn)
	}
	if depth >= maxUnitDepth {
		return nil
	}
	for _, rf := range d.refs {
		u, err := res.unit(rf.id)
		if err != nil {
			return err
		}
		if u == nil {
			continue
		}
		if err := r.expand(); err != nil {
			return err
		}
		if err := r.flatten(u, m.then(rf.m), res, depth+1, out); err != nil {
			return err
		}
	}
	return nil
}

// expand counts one composite graphic unit or template drawn, refusing a file that draws too many.
func (r *ofdReader) expand() error {
	r.expansions++
	if r.expansions > maxExpansions {
		return unreadable("too-large", "OFD 中引用的复合图形或模板过多，超出上限，文件可能已损坏或被恶意构造"+ofdRedo, nil)
	}
	return nil
}

func (r *ofdReader) tooMuchText() *UnreadableError {
	return tooMuchText("OFD 中", r.lim.MaxPartsBytes)
}

// add appends a part to one of the lists, within the limit on extracted text.
func (r *ofdReader) add(list *[]Part, p Part) error {
	r.textBytes += int64(len(p.Text))
	if r.lim.MaxPartsBytes > 0 && r.textBytes > r.lim.MaxPartsBytes {
		return r.tooMuchText()
	}
	*list = append(*list, p)
	return nil
}

// hasSignatureParts reports signature files in the zip: a Signs folder or a Signature(s).xml.
func (r *ofdReader) hasSignatureParts() bool {
	for l := range r.pkg.lower {
		base := path.Base(l)
		if strings.HasPrefix(l, "signs/") || strings.Contains(l, "/signs/") || base == "signature.xml" || base == "signatures.xml" {
			return true
		}
	}
	return false
}

// finish assembles the document, refusing one whose pages carry no text at all.
func (r *ofdReader) finish() (*Document, error) {
	if r.pages == 0 {
		return nil, unreadable("broken", "OFD 文件中没有页面"+ofdRedo, nil)
	}
	if r.withText == 0 {
		if r.images > 0 {
			return nil, unreadable("no-text-layer", "OFD 只有图像没有文字（可能是扫描件），无法检查内容；请提供可复制文字的 OFD、PDF 或原始 .docx", nil)
		}
		return nil, unreadable("no-text", "OFD 页面上没有可读取的文字（文字可能已转为曲线），无法确认内容是否可以公开；请提供原始 .docx", nil)
	}
	doc := &Document{Format: "ofd", Pages: r.pages, Coverage: float64(r.withText) / float64(r.pages), Signed: r.signed}
	doc.Parts = append(doc.Parts, r.body...)
	doc.Parts = append(doc.Parts, r.hidden...)
	doc.Parts = append(doc.Parts, r.annots...)
	if r.props.Len() > 0 {
		doc.Parts = append(doc.Parts, Part{Kind: Properties, Name: "文档属性", Hidden: true, Text: r.props.String()})
	}
	doc.Parts = append(doc.Parts, r.attached...)
	return doc, nil
}

// isZipBomb reports an error that ends the whole file, wherever it was met.
func isZipBomb(err error) bool {
	var ue *UnreadableError
	return errors.As(err, &ue) && ue.Code == "zip-bomb"
}
