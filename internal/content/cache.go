package content

import (
	"os"
	"path/filepath"
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
	// stat'ed, and the content folder is not even listed again while Forget
	// hears only of files that were there and still are. djkb serve sets
	// it, since its watcher reports every change.
	Trust bool

	root    string   // the content folder listed
	listing *listing // its last listing, while still true (Trust only)
}

// listing is what Walk found.
type listing struct {
	files  []File
	assets []Asset
	diags  []diag.Diagnostic
	known  map[string]bool // paths of files and assets
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
	defer c.mu.Unlock()
	delete(c.entries, rel)
	if l := c.listing; l != nil {
		// An edit keeps the listing; anything added, removed or replaced by
		// something other than a plain file needs a new one.
		st, err := os.Lstat(filepath.Join(c.root, filepath.FromSlash(rel)))
		if !l.known[rel] || err != nil || !st.Mode().IsRegular() {
			c.listing = nil
		}
	}
}

// walk lists the content folder, or returns the last listing while it is
// still true.
func (c *Cache) walk(siteDir string, diags *diag.List) ([]File, []Asset, bool) {
	if !c.trusted() {
		return Walk(siteDir, true, diags)
	}
	c.mu.Lock()
	l := c.listing
	c.mu.Unlock()
	if l == nil {
		var own diag.List
		files, assets, ok := Walk(siteDir, false, &own)
		l = &listing{files: files, assets: assets, diags: own.Items(), known: map[string]bool{}}
		if !ok {
			diags.AddAll(l.diags)
			return nil, nil, false
		}
		for _, f := range files {
			l.known[f.Path] = true
		}
		for _, a := range assets {
			l.known[a.Path] = true
		}
		c.mu.Lock()
		c.root, c.listing = filepath.Join(siteDir, Dir), l
		c.mu.Unlock()
	}
	diags.AddAll(l.diags)
	return l.files, l.assets, true
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
		diags.AddAll(e.diags)
		return e.src
	}
	var own diag.List
	src := loadFile(f, &own)
	e = cacheEntry{size: f.Size, modTime: f.ModTime, src: src, diags: own.Items()}
	diags.AddAll(e.diags)
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
