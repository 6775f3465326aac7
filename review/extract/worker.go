package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
)

// workerEnv marks a process started to read one PDF for its parent; shardEnv
// ("k/n") tells it which of the pages to read.
const (
	workerEnv = "PREPUB_PDF_WORKER"
	shardEnv  = "PREPUB_PDF_SHARD"
)

// workerEnabled is set once the program has called ServeWorker, which makes
// its own executable usable as a PDF worker.
var workerEnabled atomic.Bool

// ServeWorker must be called first thing in main (and in TestMain). When the
// process was started as a PDF worker it reads a PDF from standard input,
// writes its pages as JSON to standard output and exits. Otherwise it returns,
// and from then on PDFs are read in worker processes: a hostile PDF that makes
// the parser loop forever or exhaust memory is killed with its process at the
// time limit, instead of leaving a goroutine spinning in the app.
func ServeWorker() {
	if os.Getenv(workerEnv) != "1" {
		workerEnabled.Store(true)
		return
	}
	limitWorkerMemory()
	lim := DefaultLimits()
	data, err := io.ReadAll(io.LimitReader(os.Stdin, lim.MaxFileBytes+1))
	var out workerOutput
	var shard, shards int
	if _, serr := fmt.Sscanf(os.Getenv(shardEnv), "%d/%d", &shard, &shards); serr != nil || shards < 1 || shard < 0 || shard >= shards {
		shard, shards = 0, 1
	}
	if err != nil {
		out.Err = unreadable("broken", "无法读取 PDF 数据", err)
	} else {
		doc, err := pdfInProcess(data, lim, shard, shards)
		out.Doc = doc
		if err != nil && !errors.As(err, &out.Err) {
			out.Err = unreadable("broken", "读取 PDF 失败", err)
		}
	}
	json.NewEncoder(os.Stdout).Encode(out)
	os.Exit(0)
}

// workerOutput is what a worker hands back to its parent.
type workerOutput struct {
	Doc *Document        `json:"doc"`
	Err *UnreadableError `json:"err"`
}

// pdfInWorkers reads a PDF in worker processes bounded by the time limit,
// one per core for a large file, each reading every n-th page.
func pdfInWorkers(data []byte, lim Limits) (*Document, error) {
	self, err := os.Executable()
	if err != nil {
		doc, err := pdfInProcess(data, lim, 0, 1)
		if err != nil {
			return nil, err
		}
		return finishPDF(doc)
	}
	shards := 1
	if len(data) > 256<<10 {
		shards = min(runtime.NumCPU(), 4)
	}
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout(lim))
	defer cancel()
	docs := make([]*Document, shards)
	errs := make([]error, shards)
	var wg sync.WaitGroup
	for k := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			docs[k], errs[k] = pdfInWorker(ctx, self, data, lim, k, shards)
		}()
	}
	wg.Wait()
	if ctx.Err() == context.DeadlineExceeded {
		return nil, timedOut(lim)
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	doc := docs[0]
	for _, d := range docs[1:] {
		doc.Parts = append(doc.Parts, d.Parts...)
	}
	sort.Slice(doc.Parts, func(a, b int) bool { return doc.Parts[a].Page < doc.Parts[b].Page })
	return finishPDF(doc)
}

// pdfInWorker runs one worker process over one shard of the pages.
func pdfInWorker(ctx context.Context, self string, data []byte, lim Limits, shard, shards int) (*Document, error) {
	cmd := exec.CommandContext(ctx, self)
	cmd.Env = append(os.Environ(), workerEnv+"=1", fmt.Sprintf("%s=%d/%d", shardEnv, shard, shards))
	cmd.Stdin = bytes.NewReader(data)
	var stdout bytes.Buffer
	cmd.Stdout = &limitedWriter{w: &stdout, n: lim.MaxPartsBytes*2 + 1<<20}
	cmd.Stderr = io.Discard // the parser prints debugging noise on some files
	runErr := cmd.Run()
	if ctx.Err() == context.DeadlineExceeded {
		return nil, timedOut(lim)
	}
	var out workerOutput
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		detail := runErr
		if detail == nil {
			detail = err
		}
		return nil, unreadable("broken", "读取 PDF 时解析进程异常退出，文件可能已损坏或结构异常", detail)
	}
	if out.Err != nil {
		return nil, out.Err
	}
	if out.Doc == nil {
		return nil, unreadable("broken", "读取 PDF 失败，文件可能已损坏", errors.New("worker returned nothing"))
	}
	return out.Doc, nil
}

// limitedWriter fails once more than n bytes are written.
type limitedWriter struct {
	w io.Writer
	n int64
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	if int64(len(p)) > l.n {
		return 0, fmt.Errorf("worker output over limit")
	}
	l.n -= int64(len(p))
	return l.w.Write(p)
}
