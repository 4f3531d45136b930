// Package codec holds the codes of the search index files: base91 text
// for binary data in JavaScript strings, bit strings with Rice codes for
// posting lists, canonical Huffman codes and varints. static/js/codec.js
// decodes them.
package codec

// Binary data travels in the index files as text in JavaScript strings.
// Base91 (the basE91 scheme of Joachim Henke, with an alphabet that needs no
// escaping in a double-quoted string) costs 23% more than the bytes, against
// 33% for base64. static/js/codec.js decodes it.

const b91Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,./:;<=>?@[]^_{|}~'-"

var b91Decode = func() (t [256]int16) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(b91Alphabet); i++ {
		t[b91Alphabet[i]] = int16(i)
	}
	return t
}()

// AppendB91 appends the base91 text of src to dst.
func AppendB91(dst, src []byte) []byte {
	w := B91Writer{Dst: dst}
	w.Write(src)
	return w.Close()
}

// B91Writer base91-encodes what is written to it, in pieces.
type B91Writer struct {
	Dst  []byte // the text so far; Close appends the rest
	b, n uint32
}

// Write encodes src.
func (w *B91Writer) Write(src []byte) {
	b, n, dst := w.b, w.n, w.Dst
	for _, c := range src {
		b |= uint32(c) << n
		n += 8
		if n > 13 {
			v := b & 8191
			if v > 88 {
				b >>= 13
				n -= 13
			} else {
				v = b & 16383
				b >>= 14
				n -= 14
			}
			dst = append(dst, b91Alphabet[v%91], b91Alphabet[v/91])
		}
	}
	w.b, w.n, w.Dst = b, n, dst
}

// Close appends the last bits and returns the text.
func (w *B91Writer) Close() []byte {
	if w.n > 0 {
		w.Dst = append(w.Dst, b91Alphabet[w.b%91])
		if w.n > 7 || w.b > 90 {
			w.Dst = append(w.Dst, b91Alphabet[w.b/91])
		}
	}
	return w.Dst
}

// DecodeB91 decodes base91 text; characters outside the alphabet are skipped.
func DecodeB91(s string) []byte {
	out := make([]byte, 0, len(s)*13/16+1)
	v := -1
	var b, n uint32
	for i := 0; i < len(s); i++ {
		d := b91Decode[s[i]]
		if d < 0 {
			continue
		}
		if v < 0 {
			v = int(d)
			continue
		}
		v += int(d) * 91
		b |= uint32(v) << n
		if v&8191 > 88 {
			n += 13
		} else {
			n += 14
		}
		for {
			out = append(out, byte(b))
			b >>= 8
			n -= 8
			if n <= 7 {
				break
			}
		}
		v = -1
	}
	if v > -1 {
		out = append(out, byte(b|uint32(v)<<n))
	}
	return out
}

// B91 returns the base91 text of b.
func B91(b []byte) string { return string(AppendB91(nil, b)) }
