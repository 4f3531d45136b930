//go:build unix

package output

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockFolder takes an exclusive lock on a folder, without waiting; the lock
// lasts until the returned file is closed.
func lockFolder(dir string) (*os.File, bool) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, false
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		return nil, false
	}
	return f, true
}
