// Package fphash hashes what a build's output is made of into 64-bit
// fingerprints that are the same in every process: djkb build keeps them
// in its cache from one run to the next and compares them, where
// hash/maphash (seeded, and keyed by the process) could only be compared
// within one process. It is xxHash (XXH64, seed 0) from
// github.com/cespare/xxhash; fingerprints are not a defence against
// someone who chooses the text.
package fphash

import (
	"encoding/binary"
	"fmt"
	"reflect"
	"time"

	"github.com/cespare/xxhash/v2"
)

// Bytes returns the fingerprint of b.
func Bytes(b []byte) uint64 { return xxhash.Sum64(b) }

// String returns the fingerprint of s, as Bytes of its bytes.
func String(s string) uint64 { return xxhash.Sum64String(s) }

// Hash fingerprints a stream of writes; the zero value is ready to use.
// The writes are one stream of bytes: the fingerprint is Bytes of them
// all, however they were split.
type Hash struct {
	d     xxhash.Digest
	ready bool // a zero Digest must be reset before use
}

func (h *Hash) digest() *xxhash.Digest {
	if !h.ready {
		h.d.Reset()
		h.ready = true
	}
	return &h.d
}

// Write adds p; it never fails.
func (h *Hash) Write(p []byte) (int, error) { return h.digest().Write(p) }

// WriteString adds s.
func (h *Hash) WriteString(s string) (int, error) { return h.digest().WriteString(s) }

// WriteByte adds b.
func (h *Hash) WriteByte(b byte) error {
	h.digest().Write([]byte{b})
	return nil
}

// Sum64 returns the fingerprint of what was written so far.
func (h *Hash) Sum64() uint64 { return h.digest().Sum64() }

// WriteComparable adds x, which must be a number, a boolean, a string or a
// time.Time (its instant and zone offset); anything else panics, since
// pointers and the like are not the same from one process to the next.
func WriteComparable[T comparable](h *Hash, x T) {
	var b [16]byte
	switch v := any(x).(type) {
	case time.Time:
		_, off := v.Zone()
		binary.LittleEndian.PutUint64(b[:], uint64(v.UnixNano()))
		binary.LittleEndian.PutUint64(b[8:], uint64(off))
		h.Write(b[:])
		return
	case string:
		h.WriteString(v)
		return
	case int:
		binary.LittleEndian.PutUint64(b[:], uint64(v))
		h.Write(b[:8])
		return
	case uint64:
		binary.LittleEndian.PutUint64(b[:], v)
		h.Write(b[:8])
		return
	}
	r := reflect.ValueOf(x)
	switch r.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		binary.LittleEndian.PutUint64(b[:], uint64(r.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		binary.LittleEndian.PutUint64(b[:], r.Uint())
	case reflect.Bool:
		if r.Bool() {
			b[0] = 1
		}
	case reflect.String:
		h.WriteString(r.String())
		return
	default:
		panic(fmt.Sprintf("fphash: cannot fingerprint a %T", x))
	}
	h.Write(b[:8])
}
