// Package fphash hashes what a build's output is made of into 64-bit
// fingerprints that are the same in every process: djkb build keeps them
// in its cache from one run to the next and compares them, where
// hash/maphash (seeded, and keyed by the process) could only be compared
// within one process. It is wyhash, as Go's runtime uses without AES;
// fingerprints are not a defence against someone who chooses the text.
package fphash

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"reflect"
	"time"
	"unsafe"
)

const (
	m1 = 0xa0761d6478bd642f
	m2 = 0xe7037ed1a0b428db
	m3 = 0x8ebc6af09c88c6e3
	m4 = 0x589965cc75374cc3
	m5 = 0x1d8e4e27c47d124f
)

func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

func r4(p []byte) uint64 { return uint64(binary.LittleEndian.Uint32(p)) }
func r8(p []byte) uint64 { return binary.LittleEndian.Uint64(p) }
func r3(p []byte, k int) uint64 {
	return (uint64(p[0]) << 16) | (uint64(p[k>>1]) << 8) | uint64(p[k-1])
}

// hash is wyhash of p with seed.
func hash(p []byte, seed uint64) uint64 {
	s := len(p)
	var a, b uint64
	seed ^= m1
	switch {
	case s == 0:
		return seed
	case s < 4:
		a = r3(p, s)
	case s == 4:
		a = r4(p)
		b = a
	case s < 8:
		a = r4(p)
		b = r4(p[s-4:])
	case s == 8:
		a = r8(p)
		b = a
	case s <= 16:
		a = r8(p)
		b = r8(p[s-8:])
	default:
		i, l := 0, s // the bytes from i on, l of them, are left
		if l > 48 {
			seed1, seed2 := seed, seed
			for ; l > 48; l -= 48 {
				seed = mix(r8(p[i:])^m2, r8(p[i+8:])^seed)
				seed1 = mix(r8(p[i+16:])^m3, r8(p[i+24:])^seed1)
				seed2 = mix(r8(p[i+32:])^m4, r8(p[i+40:])^seed2)
				i += 48
			}
			seed ^= seed1 ^ seed2
		}
		for ; l > 16; l -= 16 {
			seed = mix(r8(p[i:])^m2, r8(p[i+8:])^seed)
			i += 16
		}
		// The last 16 bytes, which may reach back into those hashed.
		a = r8(p[i+l-16:])
		b = r8(p[i+l-8:])
	}
	return mix(m5^uint64(s), mix(a^m2, b^seed))
}

// Bytes returns the fingerprint of b.
func Bytes(b []byte) uint64 { return hash(b, 0) }

// String returns the fingerprint of s, as Bytes of its bytes.
func String(s string) uint64 { return hash(unsafe.Slice(unsafe.StringData(s), len(s)), 0) }

const bufSize = 128

// Hash fingerprints a stream of writes; the zero value is ready to use.
// As with maphash, the writes are one stream of bytes: the fingerprint
// does not depend on how they are split.
type Hash struct {
	state uint64
	buf   [bufSize]byte
	n     int
}

// Write adds p; it never fails. A full buffer is hashed only once a
// byte follows it, so that Sum64 sees the same chunks however the stream
// was split.
func (h *Hash) Write(p []byte) (int, error) {
	size := len(p)
	for len(p) > 0 {
		if h.n == bufSize {
			h.state = hash(h.buf[:], h.state)
			h.n = 0
		}
		if h.n == 0 && len(p) > bufSize {
			h.state = hash(p[:bufSize], h.state)
			p = p[bufSize:]
			continue
		}
		k := copy(h.buf[h.n:], p)
		h.n += k
		p = p[k:]
	}
	return size, nil
}

// WriteString adds s.
func (h *Hash) WriteString(s string) (int, error) {
	return h.Write(unsafe.Slice(unsafe.StringData(s), len(s)))
}

// WriteByte adds b.
func (h *Hash) WriteByte(b byte) error {
	if h.n == bufSize {
		h.state = hash(h.buf[:], h.state)
		h.n = 0
	}
	h.buf[h.n] = b
	h.n++
	return nil
}

// Sum64 returns the fingerprint of what was written so far.
func (h *Hash) Sum64() uint64 { return hash(h.buf[:h.n], h.state) }

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
