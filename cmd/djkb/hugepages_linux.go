//go:build linux && (amd64 || arm64)

package main

import (
	"runtime"
	"unsafe"

	"golang.org/x/sys/unix"
)

// arenaSize is the runtime's heap arena on 64-bit Linux: the heap's
// address space is mapped in aligned blocks of this size.
const arenaSize = 64 << 20

// forHeap allocates one object of size bytes, which makes the runtime map
// that much address space without touching it, marks the address space
// from the start of its arena to its end for huge pages, and lets the object
// go. The runtime hands out free pages lowest address first, so the
// objects that follow fill that range. It returns the range it marked;
// failure only costs the speed-up.
func forHeap(size int) (lo, hi uintptr, err error) {
	if size <= 0 {
		return 0, 0, nil
	}
	b := make([]byte, size)
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	lo, hi = start&^(arenaSize-1), start+uintptr(size)
	// The range starts below b, so it goes to the system call as numbers.
	if _, _, errno := unix.Syscall(unix.SYS_MADVISE, lo, hi-lo, unix.MADV_HUGEPAGE); errno != 0 {
		err = errno
	}
	runtime.KeepAlive(b)
	return lo, hi, err
}
