package search_test

import (
	"encoding/json"
	"os"
	"runtime"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"djkb/internal/search"
	"djkb/internal/search/searchtest"
)

// TestWriteBig writes the index of a large corpus, given as the JSON of its
// documents in $DJKB_SEARCH_DOCS, and reports time, CPU and peak heap.
// (go run ./bench/searchq -site SITE -dump FILE writes such a file.)
func TestWriteBig(t *testing.T) {
	docs := bigDocs(t)
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var peak uint64
	var mu sync.Mutex
	done := make(chan bool)
	go func() {
		var m runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(25 * time.Millisecond):
			}
			runtime.ReadMemStats(&m)
			mu.Lock()
			peak = max(peak, m.HeapInuse)
			mu.Unlock()
		}
	}()
	search.Trace = func(f string, a ...any) {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		t.Logf(f+" (heap alloc %d MB, in use %d MB, gcs %d)", append(a, m.HeapAlloc>>20, m.HeapInuse>>20, m.NumGC)...)
	}
	defer func() { search.Trace = nil }()
	dir := t.TempDir()
	if d := os.Getenv("DJKB_SEARCH_OUT"); d != "" {
		dir = d
	}
	t0, c0 := time.Now(), cpuTime()
	if err := search.Write(searchtest.Dir(dir), slices.Values(docs), search.Options{Facets: testFacets}); err != nil {
		t.Fatal(err)
	}
	close(done)
	mu.Lock()
	defer mu.Unlock()
	t.Logf("Write: %v wall, %v CPU; heap in use %d MB before, peak %d MB (+%d MB)", time.Since(t0).Round(time.Millisecond), (cpuTime() - c0).Round(time.Millisecond), base.HeapInuse>>20, peak>>20, (peak-base.HeapInuse)>>20)
}

// cpuTime returns the CPU time (user and system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkWrite indexes the documents of $DJKB_SEARCH_DOCS with the files
// discarded, to compare changes to the index pass without the file system's
// noise:
//
//	DJKB_SEARCH_DOCS=docs.json go test ./internal/search -run '^$' -bench Write -count 6
func BenchmarkWrite(b *testing.B) {
	docs := bigDocs(b)
	for b.Loop() {
		if err := search.Write(discard{}, slices.Values(docs), search.Options{Facets: testFacets}); err != nil {
			b.Fatal(err)
		}
	}
}

// discard is a writer that drops the files.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

// bigDocs reads the documents of $DJKB_SEARCH_DOCS, or skips.
func bigDocs(tb testing.TB) []search.Doc {
	file := os.Getenv("DJKB_SEARCH_DOCS")
	if file == "" {
		tb.Skip("set DJKB_SEARCH_DOCS to a JSON file of documents")
	}
	b, err := os.ReadFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	var docs []search.Doc
	if err := json.Unmarshal(b, &docs); err != nil {
		tb.Fatal(err)
	}
	return docs
}
