//go:build unix

package rawfile

import (
	"bytes"
	"errors"
	"io/fs"

	"golang.org/x/sys/unix"
)

// ReadFile returns the contents of the file at name.
func ReadFile(name string) ([]byte, error) {
	fd, err := open(name, unix.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	// One byte more than the size, so that a file that has not grown is
	// read to its end in one call and its end seen in the next.
	data := make([]byte, 0, int(st.Size)+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := unix.Read(fd, data[len(data):cap(data)])
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 {
			return data, nil
		}
		data = data[:len(data)+n]
	}
}

// Equal reports whether the file at name holds exactly data; false when it
// cannot be read.
func Equal(name string, data []byte) bool {
	fd, err := open(name, unix.O_RDONLY, 0)
	if err != nil {
		return false
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if unix.Fstat(fd, &st) != nil || st.Size != int64(len(data)) {
		return false
	}
	buf, bp := buffer(len(data))
	defer buffers.Put(bp)
	for read := 0; read < len(buf); {
		n, err := unix.Pread(fd, buf[read:], int64(read))
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil || n == 0 {
			return false
		}
		read += n
	}
	return bytes.Equal(buf, data)
}

// WriteFile writes data to the file at name, creating it (mode 0644, less
// the umask) or replacing what it held.
func WriteFile(name string, data []byte) error {
	fd, err := open(name, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			unix.Close(fd)
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := unix.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

func open(name string, flags int, perm uint32) (int, error) {
	for {
		fd, err := unix.Open(name, flags|unix.O_CLOEXEC, perm)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			return -1, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		return fd, nil
	}
}
