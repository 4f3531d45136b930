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
	// double. GOMEMLIMIT overrides it.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(360 << 20)
	}
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
