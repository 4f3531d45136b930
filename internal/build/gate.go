package build

import (
	"sync"

	"djkb/internal/site"
)

// docWindow is how many pages conversion may run ahead of the search
// index: the text of pages converted but not yet indexed waits in memory.
// A variable for the tests.
var docWindow = 1024

// docGate paces the pages converted as they render against the index,
// which takes the pages' documents in the site's order: the index waits
// for a page until it is converted, and a page waits to be converted
// while the index is more than docWindow pages behind it. Pages render in
// the site's order, so the page the index waits for is never held back.
type docGate struct {
	mu    sync.Mutex
	moved sync.Cond
	pos   map[*site.Page]int // a page's place in the site's order
	ready []bool             // by place: converted
	taken int                // the pages the index has taken
	open  bool               // false once every page is ready
}

// newGate returns a gate over the site's pages, of which those in later
// are still to be converted.
func newGate(pages, later []*site.Page) *docGate {
	g := &docGate{pos: make(map[*site.Page]int, len(pages)), ready: make([]bool, len(pages)), open: true}
	g.moved.L = &g.mu
	for i, p := range pages {
		g.pos[p] = i
		g.ready[i] = true
	}
	for _, p := range later {
		if i, ok := g.pos[p]; ok {
			g.ready[i] = false
		}
	}
	return g
}

// place is the page's place in the site's order; pages not in it (index
// pages) come after all.
func (g *docGate) place(p *site.Page) int {
	if i, ok := g.pos[p]; ok {
		return i
	}
	return len(g.ready)
}

// admit waits until page p may be converted.
func (g *docGate) admit(p *site.Page) {
	i := g.place(p)
	g.mu.Lock()
	for g.open && i >= g.taken+docWindow {
		g.moved.Wait()
	}
	g.mu.Unlock()
}

// converted marks page p converted.
func (g *docGate) converted(p *site.Page) {
	i, ok := g.pos[p]
	if !ok {
		return
	}
	g.mu.Lock()
	g.ready[i] = true
	g.mu.Unlock()
	g.moved.Broadcast()
}

// take waits until the page at place i is converted, for the index.
func (g *docGate) take(i int) {
	g.mu.Lock()
	for g.open && !g.ready[i] {
		g.moved.Wait()
	}
	g.mu.Unlock()
}

// took records that the index has taken the pages before place i+1.
func (g *docGate) took(i int) {
	g.mu.Lock()
	g.taken = i + 1
	g.mu.Unlock()
	g.moved.Broadcast()
}

// close lets everything through: the render stage is over, whether or not
// it converted every page.
func (g *docGate) close() {
	g.mu.Lock()
	g.open = false
	g.mu.Unlock()
	g.moved.Broadcast()
}
