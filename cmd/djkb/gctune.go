package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// The collector's pace for a build: collect when the heap has grown by
// gcHeadroom over what survived the last collection, as a percentage
// between minGCPercent and maxGCPercent. A small site's build (a live heap
// of a few hundred MB) then collects about as often as with Go's default,
// spending little on the collector for memory it can afford; a large one
// collects at half again its live heap, so that memory follows what it
// needs, except that after its peak the heap may grow back to most of it
// (pacer; see docs/architecture.md, "Large sites").
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

// pacer remembers the largest heap gcPercentFor has allowed so far.
type pacer struct{ peak uint64 }

// reusedPeak is the share of the peak heap (in percent) that the heap may
// grow back to after the peak. A heap that fills up to its goal again and
// again takes more of the system's memory than one that reached it once:
// growing back to the whole peak raised peak RSS, three quarters left it
// as it was (bench/SCALE.md, fifth session).
const reusedPeak = 75

// reuseAbove is the peak heap below which the heap is not let grow back:
// gcHeadroom gives a smaller heap room enough, and on the 3,500-file bench
// corpus growing back raised peak RSS for no time saved.
const reuseAbove = 4 * gcHeadroom

// next returns the GOGC for a live heap of live bytes: gcPercentFor's, or
// more, so that once the largest heap gcPercentFor has allowed is over
// reuseAbove, the heap may grow back to three quarters of it. A build's
// heap is largest when the model is complete, and its live heap smaller
// while the pages render: collecting as often then as the live heap alone
// asks would save no memory at the peak, only spend the processor. The
// peak is what gcPercentFor allowed, never what next allowed, so the pace
// cannot ratchet the heap upwards.
func (p *pacer) next(live uint64) int {
	pct := gcPercentFor(live)
	if live == 0 {
		return pct
	}
	p.peak = max(p.peak, live+live*uint64(pct)/100)
	if reuse := p.peak * reusedPeak / 100; p.peak > reuseAbove && reuse > live {
		pct = max(pct, int((reuse-live)*100/live))
	}
	return pct
}

// tuneCollector sets the collector's pace for the live heap now, and again
// after every collection, for the rest of the process.
func tuneCollector() {
	var p pacer
	var mu sync.Mutex // set runs on the finalizers' goroutine, first on the caller's
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	set := func() {
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			mu.Lock()
			pct := p.next(sample[0].Value.Uint64())
			mu.Unlock()
			debug.SetGCPercent(pct)
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
