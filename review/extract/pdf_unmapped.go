package extract

import (
	"bytes"
	"strings"

	"github.com/ledongthuc/pdf"
)

// Some text PDFium reports as unmapped can still be decoded from the file's
// structure — the font selected for each string, and that font's own maps:
//   - Chinese drawn through a simple font with a Latin encoding and no
//     ToUnicode, named for the Chinese face it is (宋体, SimSun, FangSong_GB2312):
//     its bytes are GBK;
//   - a ToUnicode map written with the CID operators (begincidrange,
//     begincidchar) instead of the Unicode ones, as some PDF editors write it
//     (a company name added to a Word PDF): its ranges still give the Unicode values.
// unmappedText walks the page's content and its Form XObjects, which inherit
// the font selected when they are drawn, and decodes those strings, keeping
// only text that is plausible.

// unmappedText returns the text a page draws in such fonts, a line per text
// object, and how many characters it has.
func unmappedText(data []byte, pageNum int) (lines []string, chars int) {
	defer func() { recover() }() // a damaged stream leaves the page unmapped, as PDFium said
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil || pageNum < 1 || pageNum > r.NumPage() {
		return nil, 0
	}
	p := r.Page(pageNum)
	walkFonts(p.V.Key("Contents"), p.Resources(), 0, nil, func(text string) {
		lines = append(lines, text)
		chars += len([]rune(strings.Join(strings.Fields(text), "")))
	})
	return lines, chars
}

// stringDecoder decodes the raw bytes of a shown string, or says it cannot.
type stringDecoder func(raw []byte) (string, bool)

// fontDecoder returns how to decode a font's strings when its text is one of
// the kinds above, else nil.
func fontDecoder(f pdf.Value) stringDecoder {
	toUnicode := f.Key("ToUnicode")
	switch {
	case f.Key("Subtype").Name() != "Type0" && toUnicode.IsNull() && chineseFontName(f.Key("BaseFont").Name()):
		return decodeGBK
	case f.Key("Subtype").Name() == "Type0" && toUnicode.Kind() == pdf.Stream:
		if m := cidOperatorMap(toUnicode); m != nil {
			return m.decode
		}
	}
	return nil
}

// walkFonts interprets one content stream with its resources, calling found
// with the decoded text of each text object shown in a font fontDecoder knows.
func walkFonts(content, res pdf.Value, depth int, dec stringDecoder, found func(string)) {
	if depth > 12 || content.IsNull() {
		return
	}
	var run []byte
	flush := func() {
		if len(run) > 0 && dec != nil {
			if text, ok := dec(run); ok && plausibleText(text) {
				found(text)
			}
		}
		run = run[:0]
	}
	pdf.Interpret(content, func(stk *pdf.Stack, op string) {
		args := make([]pdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		switch op {
		case "Tf":
			if len(args) == 2 {
				flush()
				dec = fontDecoder(res.Key("Font").Key(args[0].Name()))
			}
		case "Tj", "'", "\"":
			if dec != nil && len(args) > 0 {
				run = append(run, args[len(args)-1].RawString()...)
			}
		case "TJ":
			if dec != nil && len(args) == 1 {
				for i := 0; i < args[0].Len(); i++ {
					if v := args[0].Index(i); v.Kind() == pdf.String {
						run = append(run, v.RawString()...)
					}
				}
			}
		case "ET":
			flush()
		case "Do":
			if len(args) == 1 {
				if x := res.Key("XObject").Key(args[0].Name()); x.Key("Subtype").Name() == "Form" {
					flush()
					xres := x.Key("Resources")
					if xres.IsNull() {
						xres = res
					}
					walkFonts(x, xres, depth+1, dec, found)
				}
			}
		}
	})
	flush()
}
