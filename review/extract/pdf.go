package extract

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"
)

// A PDF is read by two engines. The first (ledongthuc/pdf, pure Go and fast)
// reads it when the structure of every page says it can: fonts it maps to
// Unicode, no text in Form XObjects, no encryption. Otherwise the second
// (PDFium, pdfium.go) reads the whole document, and decides page by page
// whether each character maps to Unicode. Both run in worker processes that
// are killed at the time limit (worker.go).

// engineResult is what one engine hands back: a document, a refusal, or why
// the first reader's text cannot stand and the second engine must read the file.
type engineResult struct {
	Doc    *Document        `json:"doc"`
	Err    *UnreadableError `json:"err"`
	Second string           `json:"second"`
}

// readPDF reads a PDF's text page by page, in worker processes when the program
// has called ServeWorker, else in goroutines. Either way every panic is recovered
// and the time is bounded, so a hostile file ends as "could not be checked",
// never as a crash or a hang.
func readPDF(data []byte, lim Limits) (*Document, error) {
	run := runInProcess
	if workerEnabled.Load() {
		run = runInWorkers
	}
	res := run(data, lim, engineFirst)
	if res.Err == nil && res.Second != "" {
		res = run(data, lim, engineSecond)
		if res.Doc != nil {
			res.Doc.Engine = "pdfium"
		}
	}
	if res.Err != nil {
		return nil, res.Err
	}
	return finishPDF(res.Doc)
}

// The engines a worker can run.
const (
	engineFirst  = "first"
	engineSecond = "second"
)

// runEngine runs one engine over the pages of one shard ((page-1) mod shards == shard).
func runEngine(data []byte, lim Limits, engine string, shard, shards int) (res engineResult) {
	defer func() {
		if p := recover(); p != nil {
			if engine == engineFirst {
				res = engineResult{Second: "第一读取器解析异常"}
				return
			}
			res = engineResult{Err: unreadable("broken", "PDF 文件已损坏或结构异常，无法读取文字", fmt.Errorf("panic: %v", p))}
		}
	}()
	if engine == engineSecond {
		doc, err := pdfiumRead(data, lim)
		return engineResult{Doc: doc, Err: err}
	}
	doc, second, err := firstPages(data, lim, shard, shards)
	return engineResult{Doc: doc, Err: err, Second: second}
}

// runInProcess runs an engine in a goroutine, giving up at the time limit
// (the goroutine itself cannot be stopped: see ServeWorker).
func runInProcess(data []byte, lim Limits, engine string) engineResult {
	done := make(chan engineResult, 1)
	go func() { done <- runEngine(data, lim, engine, 0, 1) }()
	select {
	case res := <-done:
		return res
	case <-time.After(pdfTimeout(lim)):
		return engineResult{Err: timedOut(lim)}
	}
}

func pdfTimeout(lim Limits) time.Duration {
	if lim.PDFTimeout <= 0 {
		return DefaultLimits().PDFTimeout
	}
	return lim.PDFTimeout
}

func timedOut(lim Limits) *UnreadableError {
	return unreadable("timeout", fmt.Sprintf("读取 PDF 超时（超过 %s），文件可能已损坏或结构异常", pdfTimeout(lim)), nil)
}

// firstPages reads the pages of one shard with the first reader. It returns
// why the second engine must read the document instead as soon as one page's
// structure or text says the first reader cannot be trusted with it.
func firstPages(data []byte, lim Limits, shard, shards int) (*Document, string, *UnreadableError) {
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, "第一读取器无法打开", nil
	}
	if !r.Trailer().Key("Encrypt").IsNull() {
		// Owner-password encryption opens without a password, but the first reader
		// decrypts 40-bit RC4 wrongly: the second engine reads every cipher.
		return nil, "加密文档", nil
	}
	n := r.NumPage()
	if n <= 0 {
		return nil, "没有页面", nil
	}
	doc := &Document{Format: "pdf", Pages: n, Engine: "pdf"}
	cache := map[string]*pdf.Font{} // by resource name and base font, shared across pages
	var total int64
	for i := 1 + shard; i <= n; i += shards {
		p := r.Page(i)
		if p.V.IsNull() {
			return nil, fmt.Sprintf("第%d页无法定位", i), nil
		}
		if why := pageNeedsSecond(p); why != "" {
			return nil, fmt.Sprintf("第%d页：%s", i, why), nil
		}
		fonts := map[string]*pdf.Font{}
		for _, name := range p.Fonts() {
			f := p.Font(name)
			key := name + "\x00" + f.BaseFont()
			if cache[key] == nil {
				cache[key] = &f
			}
			fonts[name] = cache[key]
		}
		text, err := p.GetPlainText(fonts)
		if err != nil || strings.TrimSpace(text) == "" || !plausibleText(text) {
			return nil, fmt.Sprintf("第%d页没有可用的文字", i), nil
		}
		total += int64(len(text))
		if lim.MaxPartsBytes > 0 && total > lim.MaxPartsBytes {
			return nil, "", tooMuchText("PDF 中", lim.MaxPartsBytes)
		}
		doc.Parts = append(doc.Parts, Part{Kind: Body, Name: fmt.Sprintf("第%d页", i), Page: i, Text: text})
		if notes := pageAnnotations(p); len(notes) > 0 {
			doc.Parts = append(doc.Parts, Part{Kind: Annotation, Name: fmt.Sprintf("第%d页批注", i), Hidden: true, Page: i,
				Text: strings.Join(notes, "\n") + "\n"})
		}
	}
	return doc, "", nil
}

// finishPDF sets a whole document's coverage — pages whose text was read, and
// pages with nothing drawn, over all pages — and refuses one with no page read,
// giving the true reason.
func finishPDF(doc *Document) (*Document, error) {
	read := map[int]bool{}
	for _, p := range doc.Parts {
		if p.Kind == Body {
			read[p.Page] = true
		}
	}
	doc.Coverage = float64(len(read)+doc.BlankPages) / float64(doc.Pages)
	if doc.Coverage > 1 {
		doc.Coverage = 1
	}
	if len(read) > 0 || (hasAnnotationText(doc) && doc.UnmappedPages+doc.ImagePages == 0) {
		return doc, nil // a page whose only text is its annotations is read through them
	}
	switch {
	case doc.UnmappedPages > 0:
		return nil, unreadable("unmapped-fonts", "PDF 有文字层，但所用字体没有可用的 Unicode 映射，文字无法解码；请提供原始 .docx 或重新导出的 PDF", nil)
	case doc.ImagePages > 0:
		return nil, unreadable("no-text-layer", "PDF 没有文字层（页面只有图像或图形，可能是扫描件），无法检查内容；请提供可复制文字的 PDF 或原始 .docx", nil)
	}
	return nil, unreadable("no-text", "PDF 页面上没有任何文字，无法确认内容是否可以公开", nil)
}

// hasAnnotationText reports whether any annotation part has text.
func hasAnnotationText(d *Document) bool {
	for _, p := range d.Parts {
		if p.Kind == Annotation && strings.TrimSpace(p.Text) != "" {
			return true
		}
	}
	return false
}
