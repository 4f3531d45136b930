package codec

import (
	"bytes"
	"flag"
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"

	"djkb/internal/search/vectors"
)

var update = flag.Bool("update", false, "rewrite the vectors in testdata")

func TestBase91(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 300; n++ {
		src := make([]byte, n)
		for i := range src {
			src[i] = byte(rng.IntN(256))
		}
		enc := B91(src)
		if strings.ContainsAny(enc, "\"\\\n") {
			t.Fatalf("base91 text holds a character that needs escaping: %q", enc)
		}
		if got := DecodeB91(enc); !bytes.Equal(got, src) {
			t.Fatalf("round trip of %d bytes failed", n)
		}
		var w B91Writer
		w.Write(src[:n/2])
		w.Write(src[n/2:])
		if string(w.Close()) != enc {
			t.Fatalf("B91Writer differs from AppendB91 for %d bytes", n)
		}
	}
}

func TestRiceRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for n := 0; n < 200; n++ {
		var ids []int32
		x := int32(-1)
		for range n {
			x += 1 + int32(rng.IntN(1<<uint(rng.IntN(16))))
			ids = append(ids, x)
		}
		b := AppendRice(nil, ids)
		// Decode as codec.js does.
		k := uint(b[0] >> 3)
		pos, bit := 0, 5
		next := func() uint64 {
			v := uint64(b[pos]>>(7-bit)) & 1
			if bit++; bit == 8 {
				bit, pos = 0, pos+1
			}
			return v
		}
		prev := int64(-1)
		for i, want := range ids {
			q := uint64(0)
			for next() == 1 {
				q++
			}
			r := uint64(0)
			for range k {
				r = r<<1 | next()
			}
			prev += int64(q<<k|r) + 1
			if prev != int64(want) {
				t.Fatalf("list of %d: id %d is %d, want %d", n, i, prev, want)
			}
		}
	}
}

// TestBase91Vectors checks testdata/base91_vectors.json, which the
// JavaScript decoder's test reads; go test -update rewrites it.
func TestBase91Vectors(t *testing.T) {
	type vec struct {
		Bytes []int  `json:"bytes"`
		Text  string `json:"text"`
	}
	var vs []vec
	inputs := [][]byte{nil, []byte("hello, 世界"), {0}, {255, 255}}
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	inputs = append(inputs, all)
	rng := rand.New(rand.NewPCG(7, 8))
	for n := 1; n < 40; n++ {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		inputs = append(inputs, b)
	}
	for _, in := range inputs {
		v := vec{Bytes: []int{}, Text: B91(in)}
		for _, c := range in {
			v.Bytes = append(v.Bytes, int(c))
		}
		vs = append(vs, v)
	}
	vectors.Check(t, "testdata/base91_vectors.json", vs, *update)
}

// TestRiceMatchesPlain checks AppendRice, which costs the parameters in one
// pass and writes a short quotient and its remainder at once, against the
// plain coder it replaced: three passes to cost, unary then binary.
func TestRiceMatchesPlain(t *testing.T) {
	plainCost := func(list []int32, k uint) uint64 {
		var cost uint64
		prev := int64(-1)
		for _, x := range list {
			g := uint64(int64(x) - prev - 1)
			cost += g>>k + 1 + uint64(k)
			prev = int64(x)
		}
		return cost
	}
	plain := func(list []int32) []byte {
		k := uint(0)
		if len(list) > 0 {
			mean := (uint64(list[len(list)-1]) + 1) / uint64(len(list))
			if mean > 1 {
				k = uint(bits.Len64(mean)) - 1
			}
			best, bestCost := k, plainCost(list, k)
			for _, c := range []uint{k - 1, k + 1} {
				if c <= 30 {
					if cost := plainCost(list, c); cost < bestCost {
						best, bestCost = c, cost
					}
				}
			}
			k = best
		}
		w := BitWriter{}
		w.Write(uint64(k), 5)
		prev := int64(-1)
		for _, x := range list {
			g := uint64(int64(x) - prev - 1)
			w.Unary(g >> k)
			w.Write(g, k)
			prev = int64(x)
		}
		w.Align()
		return w.Buf
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for n := 0; n < 3000; n++ {
		var ids []int32
		x := int32(-1)
		spread := rng.IntN(31)
		for range rng.IntN(60) {
			gap := int32(rng.IntN(1 << uint(rng.IntN(spread+1))))
			if x+1+gap < x { // past the largest id
				break
			}
			x += 1 + gap
			ids = append(ids, x)
		}
		if got, want := AppendRice([]byte{1}, ids), append([]byte{1}, plain(ids)...); !bytes.Equal(got, want) {
			t.Fatalf("list %v:\n got %x\nwant %x", ids, got, want)
		}
	}
}
