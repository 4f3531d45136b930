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
	flag.Parse()
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
