package codec

import (
	"container/heap"
	"slices"
)

// MaxCodeLen bounds the length of a Huffman code.
const MaxCodeLen = 24

// HuffLengths returns code lengths for the given symbol frequencies (0 for
// unused symbols), none longer than MaxCodeLen.
func HuffLengths(freq []int64) []uint8 {
	f := slices.Clone(freq)
	for {
		lens := huffLengthsOnce(f)
		if slices.Max(append(lens, 0)) <= MaxCodeLen {
			return lens
		}
		for i, v := range f { // flatten the distribution and try again
			if v > 0 {
				f[i] = v/2 + 1
			}
		}
	}
}

type huffNode struct {
	freq  int64
	order int // ties broken by creation order, for determinism
	sym   int // leaf symbol, or -1
	left  *huffNode
	right *huffNode
}

type huffHeap []*huffNode

func (h huffHeap) Len() int { return len(h) }
func (h huffHeap) Less(i, j int) bool {
	if h[i].freq != h[j].freq {
		return h[i].freq < h[j].freq
	}
	return h[i].order < h[j].order
}
func (h huffHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *huffHeap) Push(x any)   { *h = append(*h, x.(*huffNode)) }
func (h *huffHeap) Pop() any {
	old := *h
	n := old[len(old)-1]
	*h = old[:len(old)-1]
	return n
}

func huffLengthsOnce(freq []int64) []uint8 {
	lens := make([]uint8, len(freq))
	var h huffHeap
	for s, f := range freq {
		if f > 0 {
			h = append(h, &huffNode{freq: f, order: len(h), sym: s})
		}
	}
	switch len(h) {
	case 0:
		return lens
	case 1:
		lens[h[0].sym] = 1
		return lens
	}
	heap.Init(&h)
	order := len(h)
	for h.Len() > 1 {
		a := heap.Pop(&h).(*huffNode)
		b := heap.Pop(&h).(*huffNode)
		heap.Push(&h, &huffNode{freq: a.freq + b.freq, order: order, sym: -1, left: a, right: b})
		order++
	}
	var walk func(n *huffNode, depth uint8)
	walk = func(n *huffNode, depth uint8) {
		if n.sym >= 0 {
			lens[n.sym] = depth
			return
		}
		walk(n.left, depth+1)
		walk(n.right, depth+1)
	}
	walk(h[0], 0)
	return lens
}

// CanonicalCodes assigns canonical codes: symbols sorted by (length, symbol
// number) get consecutive codes. It returns the codes and the symbols in that
// order.
func CanonicalCodes(lens []uint8) (codes []uint32, order []int) {
	codes = make([]uint32, len(lens))
	for s, l := range lens {
		if l > 0 {
			order = append(order, s)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return int(lens[a]) - int(lens[b]) })
	code, prevLen := uint32(0), uint8(0)
	for i, s := range order {
		if i > 0 {
			code++
		}
		code <<= lens[s] - prevLen
		prevLen = lens[s]
		codes[s] = code
	}
	return codes, order
}
