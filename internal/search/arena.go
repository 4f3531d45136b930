package search

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
