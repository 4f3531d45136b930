package codec

import "math/bits"

// BitWriter appends bits most significant first.
type BitWriter struct {
	Buf  []byte // the bytes so far; Align writes out the last bits
	acc  uint64
	nacc uint // bits in acc not yet in Buf, < 32
}

// Write appends the low n bits of v (n <= 32).
func (w *BitWriter) Write(v uint64, n uint) {
	w.acc = w.acc<<n | v&(1<<n-1)
	w.nacc += n
	if w.nacc >= 32 {
		w.nacc -= 32
		x := uint32(w.acc >> w.nacc)
		w.Buf = append(w.Buf, byte(x>>24), byte(x>>16), byte(x>>8), byte(x))
	}
}

// Unary appends q one bits and a zero bit.
func (w *BitWriter) Unary(q uint64) {
	for q >= 31 {
		w.Write(1<<31-1, 31)
		q -= 31
	}
	w.Write((1<<q-1)<<1, uint(q)+1)
}

// Align pads with zero bits to a byte boundary and flushes.
func (w *BitWriter) Align() {
	if r := w.nacc % 8; r != 0 {
		w.Write(0, 8-r)
	}
	for w.nacc >= 8 {
		w.nacc -= 8
		w.Buf = append(w.Buf, byte(w.acc>>w.nacc))
	}
}

// AppendUvarint appends v as a little-endian base-128 varint.
func AppendUvarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

// riceK picks the Rice parameter for a sorted list of ids: the one that
// makes the gaps cheapest of the one the mean gap suggests and its two
// neighbours, costed in one pass over the list.
func riceK(list []int32) uint {
	if len(list) == 0 {
		return 0
	}
	mean := (uint64(list[len(list)-1]) + 1) / uint64(len(list))
	k := uint(0)
	if mean > 1 {
		k = uint(bits.Len64(mean)) - 1
	}
	lo := k - min(k, 1) // k-1, or k when k is 0
	// sum[i] is the sum of the gaps' quotients by 2^(lo+i).
	var sum [3]uint64
	prev := int64(-1)
	for _, x := range list {
		g := uint64(int64(x) - prev - 1)
		sum[0] += g >> lo
		sum[1] += g >> (lo + 1)
		sum[2] += g >> (lo + 2)
		prev = int64(x)
	}
	n := uint64(len(list))
	cost := func(c uint) uint64 { return sum[c-lo] + n*(1+uint64(c)) }
	best, bestCost := k, cost(k)
	for _, c := range []uint{k - 1, k + 1} {
		if c > 30 || c < lo {
			continue
		}
		if cost := cost(c); cost < bestCost {
			best, bestCost = c, cost
		}
	}
	return best
}

// AppendRice appends a posting list: 5 bits of k, then each gap (id minus
// previous id minus one, the first from -1) as a Rice code, byte-aligned.
func AppendRice(buf []byte, list []int32) []byte {
	k := riceK(list)
	w := BitWriter{Buf: buf}
	w.Write(uint64(k), 5)
	prev := int64(-1)
	for _, x := range list {
		g := uint64(int64(x) - prev - 1)
		if q := g >> k; q+1+uint64(k) <= 32 {
			// The unary quotient and the remainder in one write.
			w.Write((1<<q-1)<<(k+1)|g&(1<<k-1), uint(q)+1+k)
		} else {
			w.Unary(q)
			w.Write(g, k)
		}
		prev = int64(x)
	}
	w.Align()
	return w.Buf
}
