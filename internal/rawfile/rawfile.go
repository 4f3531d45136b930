// Package rawfile reads, compares and writes whole files with as few system
// calls as it can. A build reads thousands of small files and compares or
// writes thousands more, and os.File readies each file it opens for the
// network poller (fcntl calls and an epoll_ctl that a regular file always
// refuses): on Unix that doubles the system calls per file. Elsewhere the
// functions use package os.
package rawfile

import "sync"

// buffers holds the buffers Equal reads into.
var buffers = sync.Pool{New: func() any { return new([]byte) }}

// buffer returns a pooled buffer of n bytes and the pointer to put back.
func buffer(n int) ([]byte, *[]byte) {
	bp := buffers.Get().(*[]byte)
	if cap(*bp) < n {
		*bp = make([]byte, n)
	}
	return (*bp)[:n], bp
}
