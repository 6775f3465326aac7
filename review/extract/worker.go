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
	"sync/atomic"
)

// workerEnv marks a process started to read one PDF for its parent.
const workerEnv = "PREPUB_PDF_WORKER"

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
	if err != nil {
		out.Err = unreadable("broken", "无法读取 PDF 数据", err)
	} else {
		doc, err := pdfInProcess(data, lim)
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

// pdfInWorker reads a PDF in a child process bounded by the time limit.
func pdfInWorker(data []byte, lim Limits) (*Document, error) {
	self, err := os.Executable()
	if err != nil {
		return pdfInProcess(data, lim)
	}
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout(lim))
	defer cancel()
	cmd := exec.CommandContext(ctx, self)
	cmd.Env = append(os.Environ(), workerEnv+"=1")
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
