package search

import "math/bits"

// bitWriter appends bits most significant first.
type bitWriter struct {
	buf  []byte
	acc  uint64
	nacc uint // bits in acc not yet in buf, < 32
}

// write appends the low n bits of v (n <= 32).
func (w *bitWriter) write(v uint64, n uint) {
	w.acc = w.acc<<n | v&(1<<n-1)
	w.nacc += n
	if w.nacc >= 32 {
		w.nacc -= 32
		x := uint32(w.acc >> w.nacc)
		w.buf = append(w.buf, byte(x>>24), byte(x>>16), byte(x>>8), byte(x))
	}
}

// unary appends q one bits and a zero bit.
func (w *bitWriter) unary(q uint64) {
	for q >= 31 {
		w.write(1<<31-1, 31)
		q -= 31
	}
	w.write((1<<q-1)<<1, uint(q)+1)
}

// align pads with zero bits to a byte boundary and flushes.
func (w *bitWriter) align() {
	if r := w.nacc % 8; r != 0 {
		w.write(0, 8-r)
	}
	for w.nacc >= 8 {
		w.nacc -= 8
		w.buf = append(w.buf, byte(w.acc>>w.nacc))
	}
}

// appendUvarint appends v as a little-endian base-128 varint.
func appendUvarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

// riceK picks the Rice parameter for a sorted list of ids: the one that
// makes the gaps cheapest.
func riceK(list []int32) uint {
	if len(list) == 0 {
		return 0
	}
	mean := (uint64(list[len(list)-1]) + 1) / uint64(len(list))
	k := uint(0)
	if mean > 1 {
		k = uint(bits.Len64(mean)) - 1
	}
	best, bestCost := k, riceCost(list, k)
	for _, c := range []uint{k - 1, k + 1} {
		if c > 30 {
			continue
		}
		if cost := riceCost(list, c); cost < bestCost {
			best, bestCost = c, cost
		}
	}
	return best
}

func riceCost(list []int32, k uint) uint64 {
	var cost uint64
	prev := int64(-1)
	for _, x := range list {
		g := uint64(int64(x) - prev - 1)
		cost += g>>k + 1 + uint64(k)
		prev = int64(x)
	}
	return cost
}

// appendRice appends a posting list: 5 bits of k, then each gap (id minus
// previous id minus one, the first from -1) as a Rice code, byte-aligned.
func appendRice(buf []byte, list []int32) []byte {
	k := riceK(list)
	w := bitWriter{buf: buf}
	w.write(uint64(k), 5)
	prev := int64(-1)
	for _, x := range list {
		g := uint64(int64(x) - prev - 1)
		w.unary(g >> k)
		w.write(g, k)
		prev = int64(x)
	}
	w.align()
	return w.buf
}

// arena hands out byte buffers carved from large chunks, so that encoding
// millions of small lists never copies what is already written.
type arena struct{ buf []byte }

// start returns a buffer with room for about n bytes to append to; pass the
// grown buffer to end.
func (a *arena) start(n int) []byte {
	if cap(a.buf)-len(a.buf) < n {
		a.buf = make([]byte, 0, max(1<<20, n))
	}
	return a.buf[len(a.buf):len(a.buf)]
}

// end records the buffer returned by start and grown by the caller, and
// returns it with its capacity clipped.
func (a *arena) end(b []byte) []byte {
	if len(b) <= cap(a.buf)-len(a.buf) && (len(b) == 0 || &b[0] == &a.buf[:len(a.buf)+1][len(a.buf)]) {
		a.buf = a.buf[:len(a.buf)+len(b)]
	}
	return b[:len(b):len(b)]
}
