package cli

import (
	"fmt"
	"io"
)

// runCleanupReport is filled in by the report step.
func runCleanupReport(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "尚未实现")
	return 2
}
