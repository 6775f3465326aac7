//go:build !unix

package extract

// limitWorkerMemory does nothing where address-space limits are not available;
// the worker is still killed at the time limit.
func limitWorkerMemory() {}
