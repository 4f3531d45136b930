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
	// A soft memory limit keeps a large build within an office PC's means:
	// the collector runs more often near it instead of letting the heap
	// double. GOMEMLIMIT overrides it. djkb serve has none: it keeps the
	// whole site in memory, and a limit below that would keep the collector
	// running through every rebuild.
	serving := len(os.Args) > 1 && os.Args[1] == "serve"
	if os.Getenv("GOMEMLIMIT") == "" && !serving {
		debug.SetMemoryLimit(360 << 20)
		// Huge pages for the heap the limit allows: fewer page faults.
		hugePagesForHeap(360 << 20)
	}
	// A build's live data shrinks as its pages are written. Collecting at
	// half again the live heap, not at twice, keeps the heap clear of the
	// limit, where the runtime would hand memory back to the system and
	// fault it in again. GOGC overrides it.
	if os.Getenv("GOGC") == "" && !serving {
		debug.SetGCPercent(50)
	}
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
