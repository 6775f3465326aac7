package extract

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
)

// workerEnv marks a process started to read PDFs for its parent.
const workerEnv = "PREPUB_PDF_WORKER"

// workerEnabled is set once the program has called ServeWorker, which makes
// its own executable usable as a PDF worker.
var workerEnabled atomic.Bool

// workerRequest asks a worker to run an engine over the pages of one shard
// ((page-1) mod Shards == Shard) of the Size bytes of PDF that follow it.
type workerRequest struct {
	Engine string `json:"engine"`
	Shard  int    `json:"shard"`
	Shards int    `json:"shards"`
	Size   int64  `json:"size"`
}

// ServeWorker must be called first thing in main (and in TestMain). When the
// process was started as a PDF worker it reads PDFs from standard input, one
// request after another, writes what its engine read as one JSON line each to
// standard output, and exits when its input ends. Otherwise it returns, and
// from then on PDFs are read in worker processes: a hostile PDF that makes an
// engine loop forever or exhaust memory is killed with its process at the time
// limit, instead of leaving a goroutine spinning in the app.
func ServeWorker() {
	if os.Getenv(workerEnv) != "1" {
		workerEnabled.Store(true)
		return
	}
	limitWorkerMemory()
	lim := DefaultLimits()
	in := bufio.NewReader(os.Stdin)
	out := json.NewEncoder(os.Stdout)
	for {
		line, err := in.ReadBytes('\n')
		if err != nil {
			os.Exit(0)
		}
		var req workerRequest
		if json.Unmarshal(line, &req) != nil || req.Size < 0 || req.Size > lim.MaxFileBytes {
			os.Exit(1)
		}
		data := make([]byte, req.Size)
		if _, err := io.ReadFull(in, data); err != nil {
			os.Exit(1)
		}
		if req.Shards < 1 || req.Shard < 0 || req.Shard >= req.Shards {
			req.Shard, req.Shards = 0, 1
		}
		if out.Encode(runEngine(data, lim, req.Engine, req.Shard, req.Shards)) != nil {
			os.Exit(1)
		}
	}
}

// runInWorkers runs an engine in worker processes bounded by the time limit:
// the first reader one per core (at most lim.PDFWorkers) for a large file, each
// reading every n-th page; the second engine in one process over the whole document.
func runInWorkers(data []byte, lim Limits, engine string) engineResult {
	self, err := os.Executable()
	if err != nil {
		return runInProcess(data, lim, engine)
	}
	shards := 1
	if engine == engineFirst && len(data) > 256<<10 {
		shards = min(runtime.NumCPU(), 4)
		if lim.PDFWorkers > 0 {
			shards = min(shards, lim.PDFWorkers)
		}
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

// runWorker runs one shard of the pages in a worker process from the pool.
func runWorker(ctx context.Context, self string, data []byte, lim Limits, engine string, shard, shards int) engineResult {
	w, err := workers.get(self)
	var out engineResult
	if err == nil {
		out, err = w.run(ctx, workerRequest{Engine: engine, Shard: shard, Shards: shards, Size: int64(len(data))}, data, lim.MaxPartsBytes*2+1<<20)
	}
	if ctx.Err() == context.DeadlineExceeded {
		if w != nil {
			w.kill()
		}
		return engineResult{Err: timedOut(lim)}
	}
	if err != nil {
		if w != nil {
			w.kill()
		}
		if engine == engineFirst {
			return engineResult{Second: "第一读取器进程异常退出"}
		}
		return engineResult{Err: unreadable("broken", "读取 PDF 时解析进程异常退出，文件可能已损坏或结构异常", err)}
	}
	if out.Err != nil {
		w.kill() // a refusal may leave the engine in a state not to trust with the next file
	} else {
		workers.put(w)
	}
	if out.Err == nil && out.Second == "" && out.Doc == nil {
		return engineResult{Err: unreadable("broken", "读取 PDF 失败，文件可能已损坏", errors.New("worker returned nothing"))}
	}
	return out
}
