package extract

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"sync"
	"time"
)

// workerIdle is how long a worker process waits for its next PDF before it is ended.
const workerIdle = 10 * time.Second

// workers keeps worker processes between PDFs: starting one costs more than
// reading a short PDF (the program's start, and for the second engine loading
// PDFium), so a folder of PDFs starts a few processes, not one or two a file.
var workers workerPool

// workerPool holds the worker processes waiting for their next PDF.
type workerPool struct {
	mu   sync.Mutex
	idle []*worker
}

// worker is one PDF worker process with its pipes.
type worker struct {
	cmd   *exec.Cmd
	in    io.WriteCloser
	out   *bufio.Reader
	timer *time.Timer // ends the process when it has waited workerIdle
	once  sync.Once
}

// get returns the worker that waited least, or a new one.
func (p *workerPool) get(self string) (*worker, error) {
	p.mu.Lock()
	if n := len(p.idle); n > 0 {
		w := p.idle[n-1]
		p.idle = p.idle[:n-1]
		w.timer.Stop()
		p.mu.Unlock()
		return w, nil
	}
	p.mu.Unlock()
	return startWorker(self)
}

// put keeps a worker that read its PDF cleanly for the next one, up to a few per core.
func (p *workerPool) put(w *worker) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.idle) >= max(4, 2*runtime.NumCPU()) {
		w.kill()
		return
	}
	p.idle = append(p.idle, w)
	if w.timer == nil {
		w.timer = time.AfterFunc(workerIdle, func() { p.expire(w) })
	} else {
		w.timer.Reset(workerIdle)
	}
}

// expire ends a worker that has waited too long, unless it was taken meanwhile.
func (p *workerPool) expire(w *worker) {
	p.mu.Lock()
	i := slices.Index(p.idle, w)
	if i >= 0 {
		p.idle = slices.Delete(p.idle, i, i+1)
	}
	p.mu.Unlock()
	if i >= 0 {
		w.kill()
	}
}

// startWorker starts the program itself as a PDF worker (see ServeWorker).
func startWorker(self string) (*worker, error) {
	cmd := exec.Command(self)
	cmd.Env = append(os.Environ(), workerEnv+"=1") // its standard error goes nowhere: the parsers print debugging noise on some files
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return &worker{cmd: cmd, in: in, out: bufio.NewReader(out)}, nil
}

// run hands the worker one request and its PDF and waits for the answer, at most
// until ctx ends, when the process is killed.
func (w *worker) run(ctx context.Context, req workerRequest, data []byte, limit int64) (engineResult, error) {
	var res engineResult
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		res, err = w.exchange(req, data, limit)
	}()
	select {
	case <-done:
		return res, err
	case <-ctx.Done():
		w.kill()
		<-done
		return engineResult{}, ctx.Err()
	}
}

// exchange writes the request and reads the answer line, refusing one longer than limit bytes.
func (w *worker) exchange(req workerRequest, data []byte, limit int64) (engineResult, error) {
	head, err := json.Marshal(req)
	if err != nil {
		return engineResult{}, err
	}
	if _, err := w.in.Write(append(head, '\n')); err != nil {
		return engineResult{}, err
	}
	if _, err := w.in.Write(data); err != nil {
		return engineResult{}, err
	}
	var line []byte
	for {
		chunk, err := w.out.ReadSlice('\n')
		line = append(line, chunk...)
		if int64(len(line)) > limit {
			return engineResult{}, errors.New("worker output over limit")
		}
		if err == nil {
			break
		}
		if err != bufio.ErrBufferFull {
			return engineResult{}, err
		}
	}
	var out engineResult
	err = json.Unmarshal(line, &out)
	return out, err
}

// kill ends the worker process and reaps it.
func (w *worker) kill() {
	w.once.Do(func() {
		w.in.Close()
		w.cmd.Process.Kill()
		go w.cmd.Wait()
	})
}
