package extract

import (
	"bytes"
	"io"

	"github.com/ledongthuc/pdf"
)

// The first PDF reader decodes a font's text only through Identity-H with a
// ToUnicode map, UniGB-UCS2-H, or a Latin byte encoding. pageNeedsSecond looks
// at the structure of a page — its fonts, their encodings and maps, its Form
// XObjects — and says why the first reader cannot be trusted with it, or "".

// pageNeedsSecond returns why page p needs the second engine, or "".
func pageNeedsSecond(p pdf.Page) string {
	res := p.Resources()
	if why := fontsNeedSecond(res.Key("Font")); why != "" {
		return why
	}
	return formsNeedSecond(res.Key("XObject"), 0)
}

// fontsNeedSecond checks every font of a resource dictionary.
func fontsNeedSecond(fonts pdf.Value) string {
	for _, name := range fonts.Keys() {
		if why := fontNeedsSecond(fonts.Key(name)); why != "" {
			return why
		}
	}
	return ""
}

// fontNeedsSecond says why the first reader would not map font f to Unicode, or "".
func fontNeedsSecond(f pdf.Value) string {
	toUnicode := f.Key("ToUnicode").Kind() == pdf.Stream
	enc := f.Key("Encoding")
	switch f.Key("Subtype").Name() {
	case "Type3":
		return "Type 3 字体"
	case "Type0":
		switch {
		case enc.Kind() == pdf.Name && enc.Name() == "UniGB-UCS2-H":
			return ""
		case enc.Kind() == pdf.Name && enc.Name() == "Identity-H" && toUnicode:
			return ""
		case enc.Kind() == pdf.Name:
			return "预定义 CMap " + enc.Name()
		default:
			return "内嵌 CMap"
		}
	}
	// A simple font: a Latin encoding is right unless the font is a Chinese face
	// (its bytes are GBK), and the first reader ignores ToUnicode behind a named
	// or Differences encoding.
	if chineseFontName(f.Key("BaseFont").Name()) {
		return "中文字体使用西文编码"
	}
	if toUnicode && enc.Kind() != pdf.Null {
		return "ToUnicode 与编码并存"
	}
	return ""
}

// formsNeedSecond reports Form XObjects that draw text: the first reader never
// reads them, so text a PDF editor added (a company name, a stamp) would be missed.
func formsNeedSecond(xobjects pdf.Value, depth int) string {
	if depth > 4 {
		return ""
	}
	for _, name := range xobjects.Keys() {
		x := xobjects.Key(name)
		if x.Key("Subtype").Name() != "Form" {
			continue
		}
		if formDrawsText(x) {
			return "表单对象（Form XObject）中的文字"
		}
		if why := formsNeedSecond(x.Key("Resources").Key("XObject"), depth+1); why != "" {
			return why
		}
	}
	return ""
}

// formDrawsText reports whether a Form XObject has fonts and a text object in its content.
func formDrawsText(x pdf.Value) bool {
	if len(x.Key("Resources").Key("Font").Keys()) == 0 {
		return false
	}
	rc := x.Reader()
	defer rc.Close()
	content, _ := io.ReadAll(io.LimitReader(rc, 8<<20))
	return bytes.Contains(content, []byte("BT"))
}

// pageAnnotations returns the Contents text of a page's annotations.
func pageAnnotations(p pdf.Page) []string {
	annots := p.V.Key("Annots")
	var out []string
	for i := 0; i < annots.Len() && i < 10000; i++ {
		if t := annots.Index(i).Key("Contents").Text(); t != "" {
			out = append(out, t)
		}
	}
	return out
}
