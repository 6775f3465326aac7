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

// workerEnv marks a process started to read one PDF for its parent; engineEnv
// names the engine it runs; shardEnv ("k/n") tells it which of the pages to read.
const (
	workerEnv = "PREPUB_PDF_WORKER"
	engineEnv = "PREPUB_PDF_ENGINE"
	shardEnv  = "PREPUB_PDF_SHARD"
)

// workerEnabled is set once the program has called ServeWorker, which makes
// its own executable usable as a PDF worker.
var workerEnabled atomic.Bool

// ServeWorker must be called first thing in main (and in TestMain). When the
// process was started as a PDF worker it reads a PDF from standard input,
// writes what its engine read as JSON to standard output and exits. Otherwise
// it returns, and from then on PDFs are read in worker processes: a hostile
// PDF that makes an engine loop forever or exhaust memory is killed with its
// process at the time limit, instead of leaving a goroutine spinning in the app.
func ServeWorker() {
	if os.Getenv(workerEnv) != "1" {
		workerEnabled.Store(true)
		return
	}
	limitWorkerMemory()
	lim := DefaultLimits()
	data, err := io.ReadAll(io.LimitReader(os.Stdin, lim.MaxFileBytes+1))
	var shard, shards int
	if _, serr := fmt.Sscanf(os.Getenv(shardEnv), "%d/%d", &shard, &shards); serr != nil || shards < 1 || shard < 0 || shard >= shards {
		shard, shards = 0, 1
	}
	var out engineResult
	if err != nil {
		out.Err = unreadable("broken", "无法读取 PDF 数据", err)
	} else {
		out = runEngine(data, lim, os.Getenv(engineEnv), shard, shards)
	}
	json.NewEncoder(os.Stdout).Encode(out)
	os.Exit(0)
}

// runInWorkers runs an engine in worker processes bounded by the time limit:
// the first reader one per core for a large file, each reading every n-th
// page; the second engine in one process over the whole document.
func runInWorkers(data []byte, lim Limits, engine string) engineResult {
	self, err := os.Executable()
	if err != nil {
		return runInProcess(data, lim, engine)
	}
	shards := 1
	if engine == engineFirst && len(data) > 256<<10 {
		shards = min(runtime.NumCPU(), 4)
	}
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout(lim))
	defer cancel()
	results := make([]engineResult, shards)
	var wg sync.WaitGroup
	for k := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[k] = runWorker(ctx, self, data, lim, engine, k, shards)
		}()
	}
	wg.Wait()
	if ctx.Err() == context.DeadlineExceeded {
		return engineResult{Err: timedOut(lim)}
	}
	for _, r := range results {
		if r.Err != nil || r.Second != "" {
			return r
		}
	}
	doc := results[0].Doc
	for _, r := range results[1:] {
		doc.Parts = append(doc.Parts, r.Doc.Parts...)
	}
	sort.SliceStable(doc.Parts, func(a, b int) bool { return doc.Parts[a].Page < doc.Parts[b].Page })
	return engineResult{Doc: doc}
}

// runWorker runs one worker process over one shard of the pages.
func runWorker(ctx context.Context, self string, data []byte, lim Limits, engine string, shard, shards int) engineResult {
	cmd := exec.CommandContext(ctx, self)
	cmd.Env = append(os.Environ(), workerEnv+"=1", engineEnv+"="+engine, fmt.Sprintf("%s=%d/%d", shardEnv, shard, shards))
	cmd.Stdin = bytes.NewReader(data)
	var stdout bytes.Buffer
	cmd.Stdout = &limitedWriter{w: &stdout, n: lim.MaxPartsBytes*2 + 1<<20}
	cmd.Stderr = io.Discard // the parsers print debugging noise on some files
	runErr := cmd.Run()
	if ctx.Err() == context.DeadlineExceeded {
		return engineResult{Err: timedOut(lim)}
	}
	var out engineResult
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		if engine == engineFirst {
			return engineResult{Second: "第一读取器进程异常退出"}
		}
		detail := runErr
		if detail == nil {
			detail = err
		}
		return engineResult{Err: unreadable("broken", "读取 PDF 时解析进程异常退出，文件可能已损坏或结构异常", detail)}
	}
	if out.Err == nil && out.Second == "" && out.Doc == nil {
		return engineResult{Err: unreadable("broken", "读取 PDF 失败，文件可能已损坏", errors.New("worker returned nothing"))}
	}
	return out
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
