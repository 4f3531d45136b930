//go:build !unix

package rawfile

import (
	"bytes"
	"io"
	"os"
)

// ReadFile returns the contents of the file at name.
func ReadFile(name string) ([]byte, error) { return os.ReadFile(name) }

// Equal reports whether the file at name holds exactly data; false when it
// cannot be read.
func Equal(name string, data []byte) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.Size() != int64(len(data)) {
		return false
	}
	buf, bp := buffer(len(data))
	defer buffers.Put(bp)
	if _, err := io.ReadFull(f, buf); err != nil {
		return false
	}
	return bytes.Equal(buf, data)
}

// WriteFile writes data to the file at name, creating it (mode 0644, less
// the umask) or replacing what it held.
func WriteFile(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }
