package codec

import (
	"encoding/binary"
	"errors"
	"slices"
	"strings"
)

// The block text is coded with rANS (range asymmetric numeral systems, in
// the byte-wise form of Fabian Giesen's rans_byte) under an order-1 context
// model: the previous symbol (the segment's start counting as SymEOS)
// predicts the next from a table of its frequent successors and an escape;
// after an escape, or where the previous symbol has no table, the symbol is
// coded with the order-0 table of every symbol; SymESC there is followed by
// the code point as three 7-bit digits. Each block is coded on its own: four
// bytes of the final state, then the bytes the coder put out, in the order
// the decoder reads them.
const (
	SymEOS = 0 // end of segment
	SymESC = 1 // a code point outside the alphabet follows

	Order0Bits  = 16 // the order-0 frequencies sum to 1<<Order0Bits
	ContextBits = 12 // a context's frequencies and its escape sum to 1<<ContextBits
	rawBits     = 7
	rawDigits   = 3
	ransLow     = 1 << 23 // the state stays in [ransLow, ransLow<<8)
)

// TextModel is the model of the text code: the symbols, their order-0
// frequencies and the contexts.
type TextModel struct {
	Chars []rune        // symbol 2+i is Chars[i]; ascending
	Freq0 []uint32      // order-0 frequency of each symbol, each >= 1
	Ctx   []TextContext // ascending by Sym
}

// TextContext is the table of the successors of one symbol.
type TextContext struct {
	Sym  int32    // the previous symbol
	Next []int32  // its successors in the table, ascending
	Freq []uint32 // their frequencies, each >= 1; the escape has the rest
}

// Cum returns the cumulative frequencies of freq: cum[i] is the sum of
// freq[:i], and cum[len(freq)] the sum of all.
func Cum(freq []uint32) []uint32 {
	cum := make([]uint32, len(freq)+1)
	for i, f := range freq {
		cum[i+1] = cum[i] + f
	}
	return cum
}

// A RansStep codes one symbol: its cumulative start and frequency in a
// table whose frequencies sum to 1<<Bits.
type RansStep struct {
	Start, Freq uint32
	Bits        uint8
}

// RawSteps appends the steps of code point r after SymESC.
func RawSteps(dst []RansStep, r rune) []RansStep {
	for i := rawDigits - 1; i >= 0; i-- {
		dst = append(dst, RansStep{uint32(r>>(rawBits*i)) & (1<<rawBits - 1), 1, rawBits})
	}
	return dst
}

// AppendRans appends the code of steps, which the decoder reads first to
// last; scratch is reused space, returned for the next call.
func AppendRans(buf []byte, steps []RansStep, scratch []byte) ([]byte, []byte) {
	x := uint32(ransLow)
	out := scratch[:0]
	for i := len(steps) - 1; i >= 0; i-- {
		s := steps[i]
		xMax := ((ransLow >> s.Bits) << 8) * s.Freq
		for x >= xMax {
			out = append(out, byte(x))
			x >>= 8
		}
		x = (x/s.Freq)<<s.Bits + x%s.Freq + s.Start
	}
	buf = append(buf, byte(x>>24), byte(x>>16), byte(x>>8), byte(x))
	for i := len(out) - 1; i >= 0; i-- {
		buf = append(buf, out[i])
	}
	return buf, out
}

// AppendTextModel appends the model as the codebook file holds it:
//
//	uvarint number of characters, each a uvarint: the code point minus the
//	previous one (the first minus 0); for each symbol uvarint its order-0
//	frequency minus 1; uvarint number of contexts, each: uvarint its symbol
//	minus the previous context's (the first minus 0), uvarint number of
//	successors, each uvarint its symbol minus the previous one's (the
//	first minus 0) and uvarint its frequency minus 1.
func AppendTextModel(b []byte, m *TextModel) []byte {
	b = AppendUvarint(b, uint64(len(m.Chars)))
	prev := rune(0)
	for _, r := range m.Chars {
		b = AppendUvarint(b, uint64(r-prev))
		prev = r
	}
	for _, f := range m.Freq0 {
		b = AppendUvarint(b, uint64(f-1))
	}
	b = AppendUvarint(b, uint64(len(m.Ctx)))
	prevCtx := int32(0)
	for _, c := range m.Ctx {
		b = AppendUvarint(b, uint64(c.Sym-prevCtx))
		prevCtx = c.Sym
		b = AppendUvarint(b, uint64(len(c.Next)))
		prevNext := int32(0)
		for i, s := range c.Next {
			b = AppendUvarint(b, uint64(s-prevNext))
			prevNext = s
			b = AppendUvarint(b, uint64(c.Freq[i]-1))
		}
	}
	return b
}

var errTextCode = errors.New("bad text code")

// TextDecoder decodes block text (for tests and tools; the browser has
// static/js/codec.js).
type TextDecoder struct {
	m    TextModel
	cum0 []uint32
	cums [][]uint32 // of each context
	ctx  []int32    // symbol -> its context, -1 for none
}

// ParseTextModel reads a codebook written by AppendTextModel.
func ParseTextModel(b []byte) (*TextDecoder, error) {
	pos := 0
	uv := func() uint64 {
		v, n := binary.Uvarint(b[min(pos, len(b)):])
		if n <= 0 {
			pos = len(b) + 1
			return 0
		}
		pos += n
		return v
	}
	d := &TextDecoder{}
	nc := uv()
	if nc > uint64(len(b)) {
		return nil, errTextCode
	}
	prev := rune(0)
	for range nc {
		prev += rune(uv())
		d.m.Chars = append(d.m.Chars, prev)
	}
	for range 2 + nc {
		d.m.Freq0 = append(d.m.Freq0, uint32(uv())+1)
	}
	nctx := uv()
	if nctx > uint64(len(b)) {
		return nil, errTextCode
	}
	d.ctx = make([]int32, 2+nc)
	for i := range d.ctx {
		d.ctx[i] = -1
	}
	sym := int32(0)
	for i := range nctx {
		sym += int32(uv())
		c := TextContext{Sym: sym}
		n := uv()
		if n > uint64(len(b)) || int(sym) >= len(d.ctx) {
			return nil, errTextCode
		}
		next := int32(0)
		for range n {
			next += int32(uv())
			c.Next = append(c.Next, next)
			c.Freq = append(c.Freq, uint32(uv())+1)
		}
		cum := Cum(c.Freq)
		if cum[n] >= 1<<ContextBits {
			return nil, errTextCode
		}
		d.m.Ctx = append(d.m.Ctx, c)
		d.cums = append(d.cums, cum)
		d.ctx[sym] = int32(i)
	}
	d.cum0 = Cum(d.m.Freq0)
	if pos != len(b) || d.cum0[len(d.m.Freq0)] != 1<<Order0Bits {
		return nil, errTextCode
	}
	return d, nil
}

// find returns the i with cum[i] <= slot < cum[i+1], or len(cum)-1 for a
// slot past the last (a context's escape).
func find(cum []uint32, slot uint32) int {
	i, _ := slices.BinarySearch(cum, slot+1)
	return i - 1
}

// Decode returns the nseg segments coded in b.
func (d *TextDecoder) Decode(b []byte, nseg int) ([]string, error) {
	if len(b) < 4 {
		return nil, errTextCode
	}
	x := binary.BigEndian.Uint32(b)
	pos, bad := 4, false
	take := func(start, freq uint32, bits uint8) {
		x = freq*(x>>bits) + x&(1<<bits-1) - start
		for x < ransLow {
			if pos >= len(b) {
				bad = true
				return
			}
			x = x<<8 | uint32(b[pos])
			pos++
		}
	}
	var segs []string
	var cur strings.Builder
	prev := int32(SymEOS)
	for len(segs) < nseg && !bad {
		sym := int32(-1)
		if c := d.ctx[prev]; c >= 0 {
			cum, ctx := d.cums[c], &d.m.Ctx[c]
			i := find(cum, x&(1<<ContextBits-1))
			if i < len(ctx.Next) {
				sym = ctx.Next[i]
				take(cum[i], ctx.Freq[i], ContextBits)
			} else {
				take(cum[i], 1<<ContextBits-cum[i], ContextBits)
			}
		}
		if sym < 0 {
			sym = int32(find(d.cum0, x&(1<<Order0Bits-1)))
			take(d.cum0[sym], d.m.Freq0[sym], Order0Bits)
		}
		switch sym {
		case SymEOS:
			segs = append(segs, cur.String())
			cur.Reset()
		case SymESC:
			r := rune(0)
			for range rawDigits {
				digit := x & (1<<rawBits - 1)
				take(digit, 1, rawBits)
				r = r<<rawBits | rune(digit)
			}
			cur.WriteRune(r)
		default:
			cur.WriteRune(d.m.Chars[sym-2])
		}
		prev = sym
	}
	if bad || pos != len(b) || x != ransLow {
		return nil, errTextCode
	}
	return segs, nil
}
