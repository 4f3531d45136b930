package content

import (
	"sync"
	"time"

	"djkb/internal/diag"
)

// Cache keeps parsed sources between builds, so that djkb serve reads again
// only the files that changed. The zero value is not usable; a nil *Cache
// caches nothing.
type Cache struct {
	mu      sync.Mutex
	entries map[string]cacheEntry
	// Trust makes the cache rely on Forget alone: files are not even
	// stat'ed. djkb serve sets it, since its watcher reports every change.
	Trust bool
}

func (c *Cache) trusted() bool { return c != nil && c.Trust }

type cacheEntry struct {
	size    int64
	modTime time.Time
	src     *Source
	diags   []diag.Diagnostic
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{entries: map[string]cacheEntry{}} }

// Forget drops a file (a path relative to content/) so that it is read again
// even if its size and time look unchanged.
func (c *Cache) Forget(rel string) {
	c.mu.Lock()
	delete(c.entries, rel)
	c.mu.Unlock()
}

// load returns the source of f, from the cache when f is unchanged.
func (c *Cache) load(f File, diags *diag.List) *Source {
	if c == nil {
		return loadFile(f, diags)
	}
	c.mu.Lock()
	e, ok := c.entries[f.Path]
	c.mu.Unlock()
	if ok && e.size == f.Size && e.modTime.Equal(f.ModTime) {
		for _, d := range e.diags {
			diags.Add(d)
		}
		return e.src
	}
	var own diag.List
	src := loadFile(f, &own)
	e = cacheEntry{size: f.Size, modTime: f.ModTime, src: src, diags: own.Items()}
	for _, d := range e.diags {
		diags.Add(d)
	}
	c.mu.Lock()
	c.entries[f.Path] = e
	c.mu.Unlock()
	return src
}

// keepOnly forgets the files that are gone.
func (c *Cache) keepOnly(files []File) {
	if c == nil {
		return
	}
	keep := make(map[string]bool, len(files))
	for _, f := range files {
		keep[f.Path] = true
	}
	c.mu.Lock()
	for p := range c.entries {
		if !keep[p] {
			delete(c.entries, p)
		}
	}
	c.mu.Unlock()
}
