package fphash

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// The fingerprint of a stream does not depend on how it is split into
// writes: it is Bytes of the whole, for the zero Hash as for any other.
func TestSplitIndependent(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 700 {
		data := make([]byte, n)
		for i := range data {
			data[i] = byte(rng.IntN(256))
		}
		var whole Hash
		whole.Write(data)
		var parts Hash
		for rest := data; len(rest) > 0; {
			k := min(len(rest), rng.IntN(200))
			switch rng.IntN(3) {
			case 0:
				parts.Write(rest[:k])
			case 1:
				parts.WriteString(string(rest[:k]))
			default:
				if k > 0 {
					parts.WriteByte(rest[0])
					k = 1
				}
			}
			rest = rest[k:]
		}
		want := Bytes(data)
		if whole.Sum64() != want || parts.Sum64() != want || String(string(data)) != want {
			t.Fatalf("%d bytes: split writes give %x, one write %x, String %x, Bytes %x",
				n, parts.Sum64(), whole.Sum64(), String(string(data)), want)
		}
	}
	var zero Hash
	if zero.Sum64() != Bytes(nil) {
		t.Errorf("nothing written: %x, want %x", zero.Sum64(), Bytes(nil))
	}
}

// Fingerprints are fixed: a cache written by one process is read by
// another. These values must change only with the cache's version.
func TestFixedValues(t *testing.T) {
	var h Hash
	h.WriteString("机关党建")
	WriteComparable(&h, 42)
	WriteComparable(&h, time.Date(2024, 7, 1, 0, 0, 0, 0, time.FixedZone("CST", 8*3600)))
	for _, c := range []struct {
		got, want uint64
	}{
		{String(""), 0xef46db3751d8e999}, // XXH64's own test values
		{String("a"), 0xd24ec4f1a98c6e5b},
		{Bytes([]byte("中华人民共和国宪法")), 0x445bc913ec0a66f0},
		{h.Sum64(), 0x2d3e7cd7a633f78d},
	} {
		if c.got != c.want {
			t.Errorf("got %#x, want %#x", c.got, c.want)
		}
	}
}

// Different inputs give different fingerprints: lengths, a changed byte
// anywhere, the same instant in another zone.
func TestDistinct(t *testing.T) {
	seen := map[uint64]string{}
	add := func(what string, v uint64) {
		if prev, ok := seen[v]; ok {
			t.Errorf("%s and %s share fingerprint %x", what, prev, v)
		}
		seen[v] = what
	}
	base := make([]byte, 300)
	for n := range len(base) {
		add("zeros"+string(rune('0'+n%10))+string(rune(n)), Bytes(base[:n]))
	}
	for i := range base {
		b := append([]byte(nil), base...)
		b[i] = 1
		add("one at "+string(rune(i)), Bytes(b))
	}
	at := time.Date(2024, 7, 1, 8, 0, 0, 0, time.FixedZone("CST", 8*3600))
	var a, b Hash
	WriteComparable(&a, at)
	WriteComparable(&b, at.UTC())
	add("CST", a.Sum64())
	add("UTC", b.Sum64())
}

type kind int

func TestComparableKinds(t *testing.T) {
	var a, b Hash
	WriteComparable(&a, kind(3))
	WriteComparable(&b, 3)
	if a.Sum64() != b.Sum64() {
		t.Error("a named int hashes as its value")
	}
	defer func() {
		if recover() == nil {
			t.Error("a pointer must not be fingerprinted")
		}
	}()
	x := 1
	WriteComparable(&a, &x)
}

// The hot paths hash a few short inputs (front matter), every page's
// source and converted HTML, and each view's fingerprint: many short writes.
func BenchmarkString40(b *testing.B) {
	s := strings.Repeat("党建", 7)[:40]
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		String(s)
	}
}

func BenchmarkString20K(b *testing.B) {
	s := strings.Repeat("<p>机关党建知识库</p>\n", 800) // 20.8 KB
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		String(s)
	}
}

func BenchmarkHash(b *testing.B) {
	var num [8]byte
	for b.Loop() {
		var h Hash
		for range 100 {
			h.WriteString("/regulations/dangzhang/")
			h.WriteByte(0)
			h.Write(num[:])
		}
		h.Sum64()
	}
}
