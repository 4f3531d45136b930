package build

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"djkb"
	"djkb/internal/parallel"
	"djkb/internal/site"
)

// TestDocGate runs the gate as a build does: workers convert the later
// pages in the site's order, the index takes every page in order. The
// index must see each page converted, nothing may wait forever, and the
// pages converted but not yet taken never exceed the window.
func TestDocGate(t *testing.T) {
	for seed := range uint64(8) {
		r := rand.New(rand.NewPCG(seed, 1))
		pages := make([]*site.Page, 3*docWindow+r.IntN(docWindow))
		var later []*site.Page
		for i := range pages {
			pages[i] = &site.Page{}
			if r.IntN(10) > 0 {
				later = append(later, pages[i])
			}
		}
		g := newGate(pages, later)
		converted := make([]atomic.Bool, len(pages))
		isLater := make([]bool, len(pages))
		for _, p := range later {
			isLater[g.place(p)] = true
		}
		for i := range pages {
			converted[i].Store(!isLater[i])
		}
		var ahead, most atomic.Int64
		var wg sync.WaitGroup
		wg.Go(func() {
			for i := range pages {
				g.take(i)
				if !converted[i].Load() {
					t.Errorf("seed %d: page %d taken before it was converted", seed, i)
				}
				if isLater[i] {
					ahead.Add(-1)
				}
				g.took(i)
			}
		})
		parallel.Each(len(later), func(k int) {
			p := later[k]
			g.admit(p)
			converted[g.place(p)].Store(true)
			n := ahead.Add(1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			g.converted(p)
		})
		g.close()
		wg.Wait()
		if m := most.Load(); m > int64(docWindow) {
			t.Errorf("seed %d: %d pages converted ahead of the index, window %d", seed, m, docWindow)
		}
	}
}

// TestDocGateClosed checks that closing the gate frees an index waiting
// for a page that is never converted (a render stage that failed).
func TestDocGateClosed(t *testing.T) {
	pages := []*site.Page{{}, {}}
	g := newGate(pages, pages[1:])
	done := make(chan struct{})
	go func() {
		g.take(0)
		g.take(1)
		close(done)
	}()
	g.close()
	<-done
}

// TestBuildsPastTheWindow builds sites of more pages than the window, with
// and without the index: a build without an index has no reader to pace
// conversion against, and must not wait for one.
func TestBuildsPastTheWindow(t *testing.T) {
	defer func(w int) { docWindow = w }(docWindow)
	docWindow = 3
	files := map[string]string{}
	for i := range 12 {
		files[fmt.Sprintf("content/regulations/规定%02d.md", i)] = fmt.Sprintf("# 第%d号规定\n\n第一条　为了规范工作，制定本规定。\n", i)
	}
	dir := writeSite(t, files)
	for _, noSearch := range []bool{true, false} {
		done := make(chan error, 1)
		go func() {
			_, err := Run(Options{SiteDir: dir, OutDir: filepath.Join(t.TempDir(), "public"), Defaults: djkb.Defaults, NoSearch: noSearch})
			done <- err
		}()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("no search %v: %v", noSearch, err)
			}
		case <-time.After(2 * time.Minute):
			t.Fatalf("no search %v: the build of %d pages with a window of %d still runs after two minutes", noSearch, len(files), docWindow)
		}
	}
}
