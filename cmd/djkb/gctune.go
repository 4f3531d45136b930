package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// The collector's pace for a build: collect when the heap has grown by
// gcHeadroom over what survived the last collection, as a percentage
// between minGCPercent and maxGCPercent. A small site's build (a live heap
// of a few hundred MB) then collects about as often as with Go's default,
// spending little on the collector for memory it can afford; a large one
// collects at half again its live heap, so that memory follows what it
// needs (see docs/architecture.md, "Large sites").
const (
	gcHeadroom   = 256 << 20
	minGCPercent = 50
	maxGCPercent = 200
)

// gcPercentFor is the GOGC for a live heap of live bytes.
func gcPercentFor(live uint64) int {
	if live == 0 {
		return maxGCPercent
	}
	return int(min(max(gcHeadroom*100/live, minGCPercent), maxGCPercent))
}

// tuneCollector sets the collector's pace for the live heap now, and again
// after every collection, for the rest of the process.
func tuneCollector() {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	set := func() {
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			debug.SetGCPercent(gcPercentFor(sample[0].Value.Uint64()))
		}
	}
	set()
	afterEachGC(set)
}

// afterEachGC runs f after each collection: a finalizer runs once the
// collector has found its object unreachable, and arms the next one.
func afterEachGC(f func()) {
	type sentinel struct{ _ [16]byte } // not tiny-allocated: finalizers on tiny objects may never run
	var arm func()
	arm = func() {
		runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
			f()
			arm()
		})
	}
	arm()
}
