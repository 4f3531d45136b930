// Package hugepages asks the system to back the Go heap with huge pages.
//
// A build touches a few hundred megabytes of fresh heap once. In 4 KiB
// pages that is some 75,000 page faults, which in a virtual machine cost a
// fifth of a build's time, and as many TLB entries while it runs. Linux
// backs memory with 2 MiB transparent huge pages only where a program asks
// for them (/sys/kernel/mm/transparent_hugepage/enabled set to madvise, the
// default of many distributions), and the Go runtime does not ask for its
// heap.
package hugepages

// ForHeap makes the first size bytes of the Go heap eligible for
// transparent huge pages, on Linux on 64-bit machines; elsewhere it does
// nothing. Call it once, early: memory the heap has already touched stays
// as it is.
func ForHeap(size int) { _, _, _ = forHeap(size) }
