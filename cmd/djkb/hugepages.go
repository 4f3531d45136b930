package main

// A build touches a few hundred megabytes of fresh heap once. In 4 KiB
// pages that is tens of thousands of page faults, which in a virtual machine
// cost a noticeable part of a build's time. Linux
// backs memory with 2 MiB transparent huge pages only where a program asks
// for them (/sys/kernel/mm/transparent_hugepage/enabled set to madvise, the
// default of many distributions), and the Go runtime does not ask for its
// heap: so djkb asks for it.

// hugePagesForHeap makes the first size bytes of the Go heap eligible for
// transparent huge pages, on Linux on 64-bit machines; elsewhere it does
// nothing. Call it once, early: memory the heap has already touched stays
// as it is.
func hugePagesForHeap(size int) { _, _, _ = forHeap(size) }
