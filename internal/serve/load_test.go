package serve

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"djkb"
	"djkb/internal/build"
	"djkb/internal/sitetest"
)

// TestLoadWhileEditing holds 200 concurrent connections against the
// server for 10 s (2 s with -short) while a file changes every 100 ms, and
// checks that no request fails, that no goroutine leaks and that memory
// stays flat.
func TestLoadWhileEditing(t *testing.T) {
	site := fixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Build: build.Options{SiteDir: site, Defaults: djkb.Defaults, NoSearch: true}, Ready: func(u string) { ready <- u }})
	}()
	base := <-ready
	runtime.GC()
	goroutinesBefore := runtime.NumGoroutine()
	var memBefore runtime.MemStats
	runtime.ReadMemStats(&memBefore)

	duration := 10 * time.Second
	if testing.Short() {
		duration = 2 * time.Second
	}
	paths := []string{"", "regulations/%E7%94%B2/", "cases/%E4%B9%99/", "css/site.css", "sitemap.xml", "tags/", "search/"}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 200, MaxConnsPerHost: 200}, Timeout: 10 * time.Second}
	var ok, failed atomic.Int64
	var firstErr atomic.Value
	stop := time.Now().Add(duration)
	var wg sync.WaitGroup
	for w := range 200 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; time.Now().Before(stop); i++ {
				resp, err := client.Get(base + paths[i%len(paths)])
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						err = fmt.Errorf("status %d for %s", resp.StatusCode, paths[i%len(paths)])
					}
				}
				if err != nil {
					failed.Add(1)
					firstErr.CompareAndSwap(nil, err)
					continue
				}
				ok.Add(1)
			}
		}()
	}
	edits := 0
	for time.Now().Before(stop) {
		sitetest.Write(t, site, map[string]string{"content/regulations/甲.md": fmt.Sprintf("+++\ntitle = \"甲条例\"\n+++\n第一条　第%d次修改。\n", edits)})
		edits++
		time.Sleep(100 * time.Millisecond)
	}
	wg.Wait()
	client.CloseIdleConnections()
	if failed.Load() > 0 {
		t.Fatalf("%d of %d requests failed; first: %v", failed.Load(), failed.Load()+ok.Load(), firstErr.Load())
	}
	t.Logf("%d requests, %d edits, no failure", ok.Load(), edits)

	// Let the server's connection goroutines finish, then compare.
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > goroutinesBefore+5 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > goroutinesBefore+5 {
		t.Errorf("goroutines leaked: %d before, %d after", goroutinesBefore, n)
	}
	runtime.GC()
	var memAfter runtime.MemStats
	runtime.ReadMemStats(&memAfter)
	if memAfter.HeapAlloc > 2*memBefore.HeapAlloc+16<<20 {
		t.Errorf("heap grew from %d to %d bytes", memBefore.HeapAlloc, memAfter.HeapAlloc)
	}
	cancel()
	<-done
}
