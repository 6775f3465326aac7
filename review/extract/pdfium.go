package extract

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf16"

	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/responses"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// The second PDF engine is PDFium compiled to WebAssembly and run by wazero:
// no cgo, so it goes wherever Go goes. It reads what the first reader cannot:
// predefined Chinese CMaps, CID fonts without ToUnicode, Type 3 fonts, Form
// XObjects, damaged cross-reference tables and owner-password encryption.
// Compiling its module takes seconds, so the compiled code is kept in the
// user's cache folder and reused by every later process.

var (
	pdfiumOnce sync.Once
	pdfiumInst pdfium.Pdfium
	pdfiumErr  error
)

// pdfiumInstance returns this process's PDFium instance, starting it on first use.
func pdfiumInstance() (pdfium.Pdfium, error) {
	pdfiumOnce.Do(func() {
		rc := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
		if dir, err := os.UserCacheDir(); err == nil {
			if cache, err := wazero.NewCompilationCacheWithDir(filepath.Join(dir, "prepub", "pdfium-wasm")); err == nil {
				rc = rc.WithCompilationCache(cache)
			}
		}
		pool, err := webassembly.Init(webassembly.Config{MinIdle: 1, MaxIdle: 1, MaxTotal: 1, RuntimeConfig: rc})
		if err != nil {
			pdfiumErr = err
			return
		}
		pdfiumInst, pdfiumErr = pool.GetInstance(time.Minute)
	})
	return pdfiumInst, pdfiumErr
}

// pdfiumPage is what the second engine read from one page.
type pdfiumPage struct {
	text      string
	chars     int  // characters drawn (not counting generated spaces and line breaks)
	unmapped  int  // characters whose font gives no Unicode value
	drawn     bool // the page draws images, paths or forms
	annotText []string
}

// pdfiumRead reads every page with PDFium. A document that needs a password
// to open is "encrypted"; one PDFium cannot open is "broken".
func pdfiumRead(data []byte, lim Limits) (*Document, *UnreadableError) {
	inst, err := pdfiumInstance()
	if err != nil {
		return nil, unreadable("broken", "PDF 第二读取引擎无法启动，无法读取文字", err)
	}
	opened, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		if errors.Is(err, pdfiumerrors.ErrPassword) {
			return nil, unreadable("encrypted", "PDF 设有打开密码，需要密码才能读取，请提供未加密的文件", err)
		}
		return nil, unreadable("broken", "PDF 文件已损坏，各读取引擎均无法打开", err)
	}
	doc := opened.Document
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc})
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc})
	if err != nil || count.PageCount <= 0 {
		return nil, unreadable("broken", "PDF 文件中没有页面，文件可能已损坏", err)
	}
	out := &Document{Format: "pdf", Pages: count.PageCount}
	var total int64
	for i := 0; i < count.PageCount; i++ {
		pg, err := pdfiumReadPage(inst, doc, i)
		if err != nil {
			continue // a page the engine cannot load stays unread and lowers coverage
		}
		if pg.unmapped > 0 {
			if lines, n := unmappedText(data, i+1); n > 0 {
				pg.text += strings.Join(lines, "\n") + "\n"
				pg.unmapped = max(0, pg.unmapped-n)
			}
		}
		out.addPage(i+1, pg)
		total += int64(len(pg.text))
		if lim.MaxPartsBytes > 0 && total > lim.MaxPartsBytes {
			return nil, tooMuchText("PDF 中", lim.MaxPartsBytes)
		}
	}
	return out, nil
}

// pdfiumReadPage reads one page: its text, then what its annotations show —
// their Contents, and the text their appearance draws, found by flattening the
// annotations into a copy of the page held only in the engine's memory.
func pdfiumReadPage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, index int) (*pdfiumPage, error) {
	page := requests.Page{ByIndex: &requests.PageByIndex{Document: doc, Index: index}}
	pg, err := pdfiumPageText(inst, page)
	if err != nil {
		return nil, err
	}
	pg.drawn = pdfiumDraws(inst, page)
	var annots int
	pg.annotText, annots = pdfiumAnnotations(inst, page)
	if annots == 0 {
		return pg, nil
	}
	if f, err := inst.FPDFPage_Flatten(&requests.FPDFPage_Flatten{Page: page, Usage: requests.FPDFPage_FlattenUsagePrint}); err == nil && f.Result == responses.FPDFPage_FlattenResultSuccess {
		if flat, err := pdfiumPageText(inst, page); err == nil {
			pg.annotText = append(pg.annotText, linesNotIn(flat.text, pg.text)...)
			pg.unmapped += max(0, flat.unmapped-pg.unmapped)
		}
	}
	return pg, nil
}

// pdfiumPageText reads a page's characters, noting those without a Unicode
// mapping, and decoding GBK bytes drawn through a Latin font with a Chinese name.
func pdfiumPageText(inst pdfium.Pdfium, page requests.Page) (*pdfiumPage, error) {
	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: page})
	if err != nil {
		return nil, err
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	n, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return nil, err
	}
	pg := &pdfiumPage{}
	var runes []rune
	var latinRun []rune // a run of Latin-1 characters drawn in a Chinese-named font
	flush := func() {
		runes = append(runes, decodeGBKRun(latinRun)...)
		latinRun = latinRun[:0]
	}
	for c := 0; c < n.Count; c++ {
		u, err := inst.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: tp.TextPage, Index: c})
		if err != nil {
			return nil, err
		}
		r := rune(u.Unicode)
		if utf16.IsSurrogate(r) && c+1 < n.Count { // a character beyond the BMP comes as two code units
			if lo, err := inst.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: tp.TextPage, Index: c + 1}); err == nil {
				if full := utf16.DecodeRune(r, rune(lo.Unicode)); full != unicode.ReplacementChar {
					r = full
					c++
				}
			}
		}
		gen, _ := inst.FPDFText_IsGenerated(&requests.FPDFText_IsGenerated{TextPage: tp.TextPage, Index: c})
		if gen == nil || !gen.IsGenerated {
			pg.chars++
			if me, _ := inst.FPDFText_HasUnicodeMapError(&requests.FPDFText_HasUnicodeMapError{TextPage: tp.TextPage, Index: c}); me != nil && me.HasUnicodeMapError {
				pg.unmapped++
				continue
			}
			if r >= 0x80 && r <= 0x2122 && latinByte(r) {
				if fi, _ := inst.FPDFText_GetFontInfo(&requests.FPDFText_GetFontInfo{TextPage: tp.TextPage, Index: c}); fi != nil && chineseFontName(fi.FontName) {
					latinRun = append(latinRun, r)
					continue
				}
			}
		}
		if len(latinRun) > 0 {
			flush()
		}
		switch {
		case r == '\r':
		case r == 0, r == 0xFFFE, r == 0xFFFF:
		default:
			runes = append(runes, r)
		}
	}
	if len(latinRun) > 0 {
		flush()
	}
	if text := strings.TrimRight(string(runes), " \n"); strings.TrimSpace(text) != "" {
		pg.text = text + "\n"
	}
	return pg, nil
}

// linesNotIn returns the non-blank lines of s that are not lines of t.
func linesNotIn(s, t string) []string {
	have := map[string]bool{}
	for _, l := range strings.Split(t, "\n") {
		have[strings.TrimSpace(l)] = true
	}
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !have[l] {
			out = append(out, l)
		}
	}
	return out
}

// pdfiumDraws reports whether the page draws anything at all: images, paths
// (text turned into outlines) or forms. A page that draws nothing is blank.
func pdfiumDraws(inst pdfium.Pdfium, page requests.Page) bool {
	n, err := inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: page})
	return err != nil || n.Count > 0
}

// pdfiumAnnotations returns the Contents text of the page's annotations, and how many it has.
func pdfiumAnnotations(inst pdfium.Pdfium, page requests.Page) ([]string, int) {
	n, err := inst.FPDFPage_GetAnnotCount(&requests.FPDFPage_GetAnnotCount{Page: page})
	if err != nil {
		return nil, 0
	}
	var out []string
	for i := 0; i < n.Count; i++ {
		a, err := inst.FPDFPage_GetAnnot(&requests.FPDFPage_GetAnnot{Page: page, Index: i})
		if err != nil {
			continue
		}
		if v, err := inst.FPDFAnnot_GetStringValue(&requests.FPDFAnnot_GetStringValue{Annotation: a.Annotation, Key: "Contents"}); err == nil && strings.TrimSpace(v.Value) != "" {
			out = append(out, v.Value)
		}
		inst.FPDFPage_CloseAnnot(&requests.FPDFPage_CloseAnnot{Annotation: a.Annotation})
	}
	return out, n.Count
}

// addPage appends what was read from page i: its body, unless the page could
// not be mapped, and its annotations as a hidden part.
func (d *Document) addPage(i int, pg *pdfiumPage) {
	if pg.text != "" && pageMapped(pg.chars, pg.unmapped) && plausibleText(pg.text) {
		d.Parts = append(d.Parts, Part{Kind: Body, Name: fmt.Sprintf("第%d页", i), Page: i, Text: pg.text})
	} else if pg.chars > 0 {
		d.UnmappedPages++
	} else if pg.drawn {
		d.ImagePages++
	} else {
		d.BlankPages++
	}
	if len(pg.annotText) > 0 {
		d.Parts = append(d.Parts, Part{Kind: Annotation, Name: fmt.Sprintf("第%d页批注", i), Hidden: true, Page: i,
			Text: strings.Join(pg.annotText, "\n") + "\n"})
	}
}

// pageMapped reports whether a page's characters map to Unicode: a stray
// symbol without a mapping is tolerated, a font that maps nothing is not.
func pageMapped(chars, unmapped int) bool {
	return unmapped == 0 || (unmapped <= 3 && unmapped*20 <= chars)
}
