//go:build unix

package main

import (
	"os"
	"syscall"
)

// maxRSSKiB returns the peak resident set size of a finished child
// process in KiB (as Linux reports ru_maxrss), or 0 if unknown.
func maxRSSKiB(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return int64(ru.Maxrss)
	}
	return 0
}
