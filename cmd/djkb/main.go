// Command djkb builds, serves and checks a party-building knowledge base.
//
//	djkb build [-s SITE] [-d OUT]   render the site into OUT (default public/)
//
// Run "djkb help" for every command.
package main

import (
	"os"

	"djkb/internal/cli"
)

func main() {
	if collectorSettings(os.Args[1:], os.Getenv) {
		tuneCollector()
		// Huge pages for the first part of the heap: fewer page faults.
		hugePagesForHeap(360 << 20)
	}
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}

// collectorSettings says whether djkb paces the collector itself
// (tuneCollector), or the runtime's defaults stand.
//
// There is no memory limit: a build's live heap grows with the site, and a
// limit below it keeps the collector running without pause, at a cost that
// grows faster than the site. djkb serve keeps the defaults: it holds the
// whole site. GOGC overrides, and GOMEMLIMIT sets a limit.
func collectorSettings(args []string, getenv func(string) string) bool {
	return !(len(args) > 0 && args[0] == "serve" || getenv("GOGC") != "")
}
