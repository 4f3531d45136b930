package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// baseLimit is the soft memory limit of a one-shot command whose live heap
// is small: the collector runs more often near it instead of letting the
// heap double, which keeps a build within an office PC's means.
const baseLimit = 360 << 20

// limitFor is the soft memory limit for a live heap of live bytes: the
// base limit, or a quarter more than the live heap once that is larger. A
// fixed limit below a large site's live heap keeps the collector running
// without pause, at a cost that grows faster than the site; a quarter of
// headroom keeps its cost in step with what the build allocates.
func limitFor(live uint64) int64 {
	return max(baseLimit, int64(live+live/4))
}

// adaptMemoryLimit sets the limit for the live heap now and again after
// every collection.
func adaptMemoryLimit() {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var adapt func()
	adapt = func() {
		metrics.Read(sample)
		debug.SetMemoryLimit(limitFor(sample[0].Value.Uint64()))
		afterGC(adapt)
	}
	adapt()
}

// afterGC calls f once, after the next collection that finds a fresh
// object unreachable.
func afterGC(f func()) {
	runtime.AddCleanup(new([32]byte), func(func()) { f() }, f)
}
