package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"slices"
	"sync"

	"djkb/internal/output"
	"djkb/internal/search/codec"
)

// indexFiles writes the index's files, remembering the first error and a hash
// of each file (for the build id). The files are written by a goroutine of
// their own, so that creating them (slow on some file systems) overlaps
// with the work that produces them; close waits for it.
type indexFiles struct {
	w      output.Writer
	prefix string // of every file's name ("x/" for a delta index)
	mu     sync.Mutex
	sums   map[string]uint64
	err    error
	queue  chan pendingFile
	done   chan struct{}
}

type pendingFile struct {
	name string
	data []byte
}

func newIndexFiles(w output.Writer, prefix string) *indexFiles {
	o := &indexFiles{w: w, prefix: prefix, sums: map[string]uint64{}, queue: make(chan pendingFile, 8), done: make(chan struct{})}
	go func() {
		defer close(o.done)
		for f := range o.queue {
			if err := o.w.WriteFile(f.name+".js", f.data); err != nil {
				o.fail(err)
			}
			fileBufs.Put(f.data[:0])
		}
	}()
	return o
}

// close waits until every file is written.
func (o *indexFiles) close() {
	close(o.queue)
	<-o.done
}

// id hashes the hashes of the files written so far, in name order.
func (o *indexFiles) id() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	names := make([]string, 0, len(o.sums))
	for n := range o.sums {
		names = append(names, n)
	}
	slices.Sort(names)
	h := fnv.New64a()
	for _, n := range names {
		fmt.Fprintf(h, "%s %x\n", n, o.sums[n])
	}
	return fmt.Sprintf("%016x", h.Sum64())
}

func (o *indexFiles) failed() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.err
}

func (o *indexFiles) fail(err error) {
	o.mu.Lock()
	if o.err == nil {
		o.err = err
	}
	o.mu.Unlock()
}

// A script is the content of one index file being built: a call of
// djkbSearch._register(name, payload). A goroutine reuses its script for
// file after file.
type script struct {
	buf     bytes.Buffer
	scratch []byte
	name    string
	err     error
}

// start begins file name; the script's buffer holds its payload.
func (s *script) start(name string) {
	s.buf.Reset()
	s.name, s.err = name, nil
}

// raw appends text to the payload.
func (s *script) raw(text string) { s.buf.WriteString(text) }

// bin appends the base91 text of the parts, one after the other, quoted.
func (s *script) bin(parts ...[]byte) {
	s.buf.WriteByte('"')
	w := codec.B91Writer{Dst: s.scratch[:0]}
	for _, p := range parts {
		w.Write(p)
	}
	s.scratch = w.Close()
	s.buf.Write(s.scratch)
	s.buf.WriteByte('"')
}

// json appends v as JSON.
func (s *script) json(v any) {
	enc := json.NewEncoder(&s.buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		s.err = err
		return
	}
	s.buf.Truncate(s.buf.Len() - 1) // the encoder's newline
}

// finish wraps the payload in the call and queues the file for writing.
func (s *script) finish(o *indexFiles) {
	if s.err != nil {
		o.fail(s.err)
		return
	}
	name := o.prefix + s.name
	data, _ := fileBufs.Get().([]byte)
	data = append(data, `djkbSearch._register("`+name+`",`...)
	data = append(data, s.buf.Bytes()...)
	data = append(data, ");\n"...)
	sum := fileSum(data)
	o.mu.Lock()
	o.sums[name] = sum
	o.mu.Unlock()
	o.queue <- pendingFile{name, data}
}

// fileSum fingerprints a file for the index's id: two CRC-32s, which the
// processor computes in hardware, where FNV-1a took a byte at a time (2% of
// an index build).
func fileSum(data []byte) uint64 {
	return uint64(crc32.Checksum(data, castagnoli))<<32 | uint64(crc32.ChecksumIEEE(data))
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// fileBufs recycles the buffers of queued files.
var fileBufs sync.Pool

// writeBin writes file name whose payload is the base91 text of the parts.
func (s *script) writeBin(o *indexFiles, name string, parts ...[]byte) {
	s.start(name)
	s.bin(parts...)
	s.finish(o)
}

// writeJSON writes file name whose payload is v as JSON.
func (s *script) writeJSON(o *indexFiles, name string, v any) {
	s.start(name)
	s.json(v)
	s.finish(o)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
