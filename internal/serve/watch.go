package serve

import (
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"

	"djkb/internal/build"
)

// watchedDirs are the folders of a site whose files make up the site.
var watchedDirs = []string{"content", "layouts", "static"}

// watcher reports batches of changed files (paths relative to the site).
type watcher struct {
	site    string
	fs      *fsnotify.Watcher
	quiet   time.Duration // a batch ends after this long without events: an editor's save through a temporary file takes well under it
	longest time.Duration // or after this long in all
}

func newWatcher(site string) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{site: site, fs: fw, quiet: 8 * time.Millisecond, longest: time.Second}
	if err := fw.Add(site); err != nil { // for site.toml
		fw.Close()
		return nil, err
	}
	for _, d := range watchedDirs {
		w.addTree(filepath.Join(site, d))
	}
	return w, nil
}

// addTree watches a folder and every folder below it.
func (w *watcher) addTree(root string) {
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			w.fs.Add(p)
		}
		return nil
	})
}

func (w *watcher) Close() error { return w.fs.Close() }

// next waits for the next batch of changes. Editors that save through a
// temporary file, and git checkouts that touch many files, send bursts of
// events: a batch lasts until the events stop for a moment.
func (w *watcher) next() ([]string, error) {
	seen := map[string]bool{}
	var batch []string
	var quiet, deadline <-chan time.Time
	for {
		select {
		case ev, ok := <-w.fs.Events:
			if !ok {
				return nil, nil
			}
			rel, err := filepath.Rel(w.site, ev.Name)
			if err != nil || build.Classify(rel) == build.ChangeIgnored {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					w.addTree(ev.Name) // folders created later are watched too
				}
			}
			if !seen[rel] {
				seen[rel] = true
				batch = append(batch, rel)
			}
			quiet = time.After(w.quiet)
			if deadline == nil {
				deadline = time.After(w.longest)
			}
		case err, ok := <-w.fs.Errors:
			if !ok {
				return nil, nil
			}
			return batch, err
		case <-quiet:
			return batch, nil
		case <-deadline:
			return batch, nil
		}
	}
}
