// Package parallel runs independent pieces of work on all cores.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls f(i) for every i in [0, n) on GOMAXPROCS goroutines and returns
// once every call has returned. The indexes are handed out one at a time,
// in order, so that items of very different sizes (a one-page notice, a
// 300-article law) still keep every core busy to the end. f must be safe to
// call concurrently.
func Each(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}
