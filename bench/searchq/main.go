// Command searchq measures djkb's search: quality of the answers and speed in
// headless Chromium, through the search page's JS API.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"syscall"
	"time"

	"djkb/internal/search"
)

func main() {
	content := flag.String("content", "", "build a test site from this content/ folder")
	out := flag.String("o", "", "output folder for -content")
	dump := flag.String("dump", "", "write the loaded documents as JSON (for tests)")
	cpuprof := flag.String("cpuprofile", "", "write a CPU profile of search.Write")
	site := flag.String("site", "", "a built site folder")
	n := flag.Int("n", 200, "queries of each kind")
	seed := flag.Uint64("seed", 1, "seed of the query sampling")
	qout := flag.String("queries-out", "", "write the sampled queries to this file and stop")
	flag.Parse()
	if *site != "" {
		docs, err := search.ReadIndex(*site + "/search")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		qs := sampleQueries(docs, *n, *seed)
		if *qout != "" {
			b, _ := json.MarshalIndent(qs, "", " ")
			os.WriteFile(*qout, b, 0o644)
			return
		}
	}
	if *content != "" {
		t0 := time.Now()
		docs, err := loadMarkdown(*content)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Fprintf(os.Stderr, "loaded %d docs in %v\n", len(docs), time.Since(t0))
		if *dump != "" {
			b, _ := json.Marshal(docs)
			os.WriteFile(*dump, b, 0o644)
		}
		os.MkdirAll(*out+"/search", 0o755)
		runtime.GC()
		if *cpuprof != "" {
			f, _ := os.Create(*cpuprof)
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
		search.Trace = func(f string, a ...any) { fmt.Fprintf(os.Stderr, "  "+f+"\n", a...) }
		t0 = time.Now()
		c0 := cpuTime()
		if err := search.Write(*out+"/search", docs, search.Options{}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Fprintf(os.Stderr, "search.Write in %v wall, %v CPU\n", time.Since(t0), cpuTime()-c0)
	}
}

// cpuTime returns the CPU time (user and system) used by this process.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
