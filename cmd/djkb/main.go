// Command djkb builds, serves and checks a party-building knowledge base.
//
//	djkb build [-s SITE] [-d OUT]   render the site into OUT (default public/)
//
// Run "djkb help" for every command.
package main

import (
	"os"
	"runtime/debug"

	"djkb/internal/cli"
)

func main() {
	gcPercent, adaptLimit := collectorSettings(os.Args[1:], os.Getenv)
	if gcPercent > 0 {
		debug.SetGCPercent(gcPercent)
	}
	if adaptLimit {
		adaptMemoryLimit()
		// Huge pages for the heap the base limit allows: fewer page faults.
		hugePagesForHeap(baseLimit)
	}
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}

// collectorSettings returns, for a command, the GOGC to set (0: leave it)
// and whether to adapt the memory limit to the live heap (see limitFor).
//
// A build's live data shrinks as its pages are written. Collecting at half
// again the live heap, not at twice, keeps the heap clear of the limit,
// where the runtime would hand memory back to the system and fault it in
// again. djkb serve keeps the defaults: it holds the whole site, and a
// limit would keep the collector running through every rebuild. GOGC and
// GOMEMLIMIT override.
func collectorSettings(args []string, getenv func(string) string) (gcPercent int, adaptLimit bool) {
	if len(args) > 0 && args[0] == "serve" {
		return 0, false
	}
	if getenv("GOGC") == "" {
		gcPercent = 50
	}
	return gcPercent, getenv("GOMEMLIMIT") == ""
}
