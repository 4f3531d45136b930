package search

import (
	"fmt"
	"io"
	"os"
	"sync"
)

// spill holds the index pass's posting batches, and the documents' text
// between the passes that read it, outside the heap, in a temporary file, so that the memory a Write needs does not grow with the
// corpus. The file is unlinked as soon as it is made where the system
// allows it (so that nothing is left behind, even when the build is
// killed), and removed on close elsewhere. When no temporary file can be
// made the batches stay in memory.
type spill struct {
	f    *os.File
	name string // to remove on close: the file could not be unlinked while open
	mem  []byte // the batches, when there is no file
	size int64
	mu   sync.Mutex // for err: the two index runs read the text's spill at once
	err  error
}

// spillDir is where spill files go; "" is the system's temporary folder.
var spillDir = ""

func newSpill() *spill {
	f, err := os.CreateTemp(spillDir, "djkb-index-*")
	if err != nil {
		return &spill{}
	}
	s := &spill{f: f}
	if os.Remove(f.Name()) != nil {
		s.name = f.Name()
	}
	return s
}

// append adds b at the end and returns where it starts.
func (s *spill) append(b []byte) int64 {
	at := s.size
	s.size += int64(len(b))
	switch {
	case s.err != nil:
	case s.f == nil:
		s.mem = append(s.mem, b...)
	default:
		if _, err := s.f.Write(b); err != nil {
			s.fail(err)
		}
	}
	return at
}

// readAt fills p from offset off; after an error p holds zeros.
func (s *spill) readAt(p []byte, off int64) {
	if s.failed() != nil {
		clear(p)
		return
	}
	if s.f == nil {
		copy(p, s.mem[off:])
		return
	}
	if _, err := s.f.ReadAt(p, off); err != nil && err != io.EOF {
		clear(p)
		s.fail(err)
	}
}

func (s *spill) failed() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

func (s *spill) fail(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err == nil {
		s.err = fmt.Errorf("无法写入或读回搜索索引的临时文件（临时文件夹 %s 所在的磁盘已满？）：%w", os.TempDir(), err)
	}
}

// close frees the storage and returns the first error met.
func (s *spill) close() error {
	if s.f != nil {
		s.f.Close()
		if s.name != "" {
			os.Remove(s.name)
		}
		s.f = nil
	}
	s.mem = nil
	return s.failed()
}
