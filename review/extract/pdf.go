package extract

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"
)

// pdfResult is what the PDF goroutine hands back.
type pdfResult struct {
	doc *Document
	err *UnreadableError
}

// readPDF reads a PDF's text page by page: in a worker process when the
// program has called ServeWorker, else in a goroutine. Either way every panic
// is recovered and the time is bounded, so a hostile file ends as "could not
// be checked", never as a crash or a hang.
func readPDF(data []byte, lim Limits) (*Document, error) {
	if workerEnabled.Load() {
		return pdfInWorkers(data, lim)
	}
	doc, err := pdfInProcess(data, lim, 0, 1)
	if err != nil {
		return nil, err
	}
	return finishPDF(doc)
}

// pdfInProcess reads a PDF in a goroutine, recovering panics and giving up at
// the time limit (the goroutine itself cannot be stopped: see ServeWorker).
func pdfInProcess(data []byte, lim Limits, shard, shards int) (*Document, error) {
	done := make(chan pdfResult, 1)
	go func() {
		var res pdfResult
		defer func() {
			if p := recover(); p != nil {
				res = pdfResult{err: unreadable("broken", "PDF 文件已损坏或结构异常，无法读取文字", fmt.Errorf("panic: %v", p))}
			}
			done <- res
		}()
		res.doc, res.err = pdfPages(data, lim, shard, shards)
	}()
	select {
	case res := <-done:
		if res.err != nil {
			return nil, res.err
		}
		return res.doc, nil
	case <-time.After(pdfTimeout(lim)):
		return nil, timedOut(lim)
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

// pdfPages reads the text of the pages whose number i has (i-1) mod shards ==
// shard, so several workers can share one file; Pages is always the whole count.
func pdfPages(data []byte, lim Limits, shard, shards int) (*Document, *UnreadableError) {
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(err.Error(), "encrypt") {
			return nil, unreadable("encrypted", "PDF 已加密，需要密码才能读取，请提供未加密的文件", err)
		}
		return nil, unreadable("broken", "不是有效的 PDF 文件（文件已损坏或不完整）", err)
	}
	if !r.Trailer().Key("Encrypt").IsNull() {
		// Even one that opens without a password (owner-restricted) is refused: the parser
		// decrypts 40-bit RC4 wrongly, and garbled text must never pass for a clean scan.
		return nil, unreadable("encrypted", "PDF 已加密（即使无需密码即可打开），无法可靠读取文字，请提供未加密的文件", nil)
	}
	n := r.NumPage()
	if n <= 0 {
		return nil, unreadable("broken", "PDF 文件中没有页面，文件可能已损坏", nil)
	}
	doc := &Document{Format: "pdf", Pages: n}
	cache := map[string]*pdf.Font{} // by resource name and base font, shared across pages
	var total int64
	for i := 1 + shard; i <= n; i += shards {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
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
		if err != nil || strings.TrimSpace(text) == "" {
			continue
		}
		total += int64(len(text))
		if lim.MaxPartsBytes > 0 && total > lim.MaxPartsBytes {
			return nil, unreadable("too-large", "PDF 中的文字过多，超出上限，请拆分后再检查", nil)
		}
		doc.Parts = append(doc.Parts, Part{Kind: Body, Name: fmt.Sprintf("第%d页", i), Page: i, Text: text})
	}
	return doc, nil
}

// finishPDF sets a whole document's coverage, and refuses one with no text layer at all.
func finishPDF(doc *Document) (*Document, error) {
	doc.Coverage = float64(len(doc.Parts)) / float64(doc.Pages)
	if len(doc.Parts) == 0 {
		return nil, unreadable("no-text-layer", "PDF 没有文字层（可能是扫描图像），无法检查内容；请提供可复制文字的 PDF 或原始 .docx", nil)
	}
	return doc, nil
}
