//go:build unix

package extract

import "syscall"

// limitWorkerMemory caps a PDF worker's address space, so a file that makes
// the parser allocate without end fails in the worker, not on the machine.
func limitWorkerMemory() {
	const max = 8 << 30
	syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: max, Max: max})
}
