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
	if gcPercent, ok := collectorSettings(os.Args[1:], os.Getenv); ok {
		debug.SetGCPercent(gcPercent)
		// Huge pages for the first part of the heap: fewer page faults.
		hugePagesForHeap(360 << 20)
	}
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}

// collectorSettings returns the collector's GOGC for a command, and false
// when the runtime's defaults stand.
//
// There is no memory limit: a build's live heap grows with the site (every
// page's text waits for the search index), and a limit below it keeps the
// collector running without pause, at a cost that grows faster than the
// site. Collecting at half again the live heap, not at twice, keeps a
// build's memory near what it needs instead, at a cost in step with what it
// allocates. djkb serve keeps the defaults: it holds the whole site. GOGC
// overrides, and GOMEMLIMIT sets a limit.
func collectorSettings(args []string, getenv func(string) string) (int, bool) {
	if len(args) > 0 && args[0] == "serve" || getenv("GOGC") != "" {
		return 0, false
	}
	return 50, true
}
