// Package minify minifies the built-in style sheets and scripts as a build
// copies them into a site: a fresh search page fetches less, which counts on
// old office PCs and towards the search page's budget for its first query.
// Which files count as built-in is the build's business (copyStatic).
package minify

import (
	"path"
	"sync"

	tdminify "github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/js"
)

var (
	minifier = newMinifier()
	mu       sync.Mutex
	cache    = map[string][]byte{} // by name and content: a build copies the same files each time
)

func newMinifier() *tdminify.M {
	m := tdminify.New()
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("text/javascript", js.Minify)
	return m
}

// File returns data minified when name ends in .css or .js, and data
// itself for any other file, or when the minifier fails: a file that
// cannot be minified still works as it is.
func File(name string, data []byte) []byte {
	var mediaType string
	switch path.Ext(name) {
	case ".css":
		mediaType = "text/css"
	case ".js":
		mediaType = "text/javascript"
	default:
		return data
	}
	key := name + "\x00" + string(data)
	mu.Lock()
	out, ok := cache[key]
	mu.Unlock()
	if ok {
		return out
	}
	out, err := minifier.Bytes(mediaType, data)
	if err != nil || len(out) >= len(data) {
		out = data
	}
	mu.Lock()
	cache[key] = out
	mu.Unlock()
	return out
}
