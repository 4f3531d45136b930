//go:build !unix

package output

import "os"

// lockFolder has no portable way to lock here, so every build writes a
// fresh folder rather than risk two builds sharing the kept one.
func lockFolder(string) (*os.File, bool) { return nil, false }
