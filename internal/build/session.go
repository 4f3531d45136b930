package build

import (
	"bytes"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"djkb/internal/content"
	"djkb/internal/output"
	"djkb/internal/search"
	"djkb/internal/site"
)

// Session builds a site again and again into memory, as djkb serve does:
// unchanged files are not read again, unchanged Markdown is not converted
// again, and a page whose fingerprint did not change is not rendered again.
// The files it holds always equal what Run would write for the same content.
type Session struct {
	mu      sync.RWMutex
	pipe    pipeline
	files   map[string][]byte // the last good build
	version int               // counts good builds and finished indexes
	last    *Result

	// After an edit the search index is brought up to date at once by a
	// small delta index beside the main one (see search/delta.go); the
	// whole index is written again in the background and replaces both
	// when it is ready, so that the files end up as a clean build's.
	indexPrint uint64         // fingerprint of the documents behind the index in files (main and delta)
	mainDocs   []search.Doc   // the documents of the main index in files, nil for none
	mainFile   []byte         // the main index's manifest.js
	mainID     string         // and its id
	mainAt     map[string]int // search.PathIndex(mainDocs)
	docs       docCache       // the documents of the index, kept between builds
	indexGen   int            // counts index jobs started; only the newest may land
	indexing   int            // jobs running or waiting
	running    bool           // a job is running
	pending    *indexJob      // the job to run next
	indexed    *sync.Cond     // signalled when a job ends
	// deltaOnly keeps the delta index in place (no index in the
	// background after it), for tests.
	deltaOnly bool
	// OnIndexed, when set, is called after a background index has replaced
	// the previous one (or failed, with its error).
	OnIndexed func(err error)
}

// isIndexFile reports whether name is a file of the search index, as
// opposed to the search page.
func isIndexFile(name string) bool {
	return strings.HasPrefix(name, "search/") && name != "search/index.html"
}

// NewSession prepares a session; nothing is built until Build.
func NewSession(opts Options) *Session {
	site.KeepBetweenBuilds()
	s := &Session{
		pipe:  pipeline{opts: opts, strategy: strategy{cache: newCache()}},
		files: map[string][]byte{},
	}
	s.indexed = sync.NewCond(&s.mu)
	return s
}

// Changed tells the session which files changed (paths relative to the
// site folder). A change to site.toml or a layout makes the next build start
// afresh; a change to a content file is read again even if its size and
// time look the same.
func (s *Session) Changed(paths []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range paths {
		switch Classify(p) {
		case ChangeEverything:
			s.reset()
		case ChangeContent:
			p = path.Clean(strings.ReplaceAll(p, "\\", "/"))
			s.pipe.strategy.cache.sources.Forget(strings.TrimPrefix(p, content.Dir+"/"))
		}
	}
}

// Reset makes the next build start afresh, as when changes may have been
// missed (the watcher's queue overflowed).
func (s *Session) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reset()
}

// reset drops every cache.
func (s *Session) reset() {
	site.ForgetKept()
	s.docs = nil
	s.pipe.strategy.cache = newCache()
	s.pipe.templates = nil
}

// newCache is an empty cache whose parsed files are read again only when
// Changed names them.
func newCache() *cache {
	sources := content.NewCache()
	sources.Trust = true
	return &cache{sources: sources, conv: map[*content.Source]*converted{}, prints: map[string]uint64{}}
}

// memStage collects one build's files on top of the previous build's: the
// output.Writer of a Session.
type memStage struct {
	mu      sync.Mutex
	written map[string][]byte
}

// WriteFile keeps a copy of data: renderers reuse their buffers.
func (m *memStage) WriteFile(name string, data []byte) error {
	data = bytes.Clone(data)
	m.mu.Lock()
	m.written[name] = data
	m.mu.Unlock()
	return nil
}

// Build builds the site. On success the session's files become the new
// build; on failure they stay as they were. changed lists the output files
// that differ from the previous build (added, changed or removed).
func (s *Session) Build() (res *Result, changed []string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	stage := &memStage{written: map[string][]byte{}}
	res, _, done, err := s.pipe.run(func() (output.Writer, error) { return stage, nil })
	s.last = res
	if err != nil {
		if res.Errors > 0 {
			// A failed build may have converted pages against a
			// different set of pages; start the next one clean of that.
			s.pipe.strategy.cache.env = 0
		}
		return res, nil, err
	}
	kept := done.kept
	var indexSite *site.Site // the session writes the index itself
	if res.Site.Config.Search && !s.pipe.opts.NoSearch {
		indexSite = res.Site
	}
	next := stage.written
	for name, data := range next {
		if old, ok := s.files[name]; !ok || !bytes.Equal(old, data) {
			changed = append(changed, name)
		}
	}
	for _, name := range kept {
		next[name] = s.files[name]
	}
	if indexSite != nil { // the index stays until its replacement is ready
		for name, data := range s.files {
			if isIndexFile(name) {
				next[name] = data
			}
		}
	}
	for name := range s.files {
		if _, ok := next[name]; !ok {
			changed = append(changed, name)
		}
	}
	sort.Strings(changed)
	s.files, s.pipe.strategy.cache.prints = next, done.prints
	s.version++
	if indexSite == nil {
		s.indexPrint, s.mainDocs = 0, nil
		return res, changed, nil
	}
	began := time.Now()
	docs, fp := s.docs.docs(indexSite)
	if fp == s.indexPrint {
		return res, changed, nil
	}
	names, ok := s.writeDelta(docs)
	if ok {
		s.indexPrint = fp
		changed = append(changed, names...)
		sort.Strings(changed)
		took := time.Since(began)
		res.Steps = append(res.Steps, Step{Name: "更新搜索索引（增量）", Duration: took})
		res.Duration += took
	}
	if !ok || !s.deltaOnly {
		s.startIndex(docs, fp)
	}
	return res, changed, nil
}

// maxDeltaDocs bounds the documents of a delta index (fresh and dead);
// beyond it the search waits for the whole index to be written again.
const maxDeltaDocs = 64

// writeDelta brings the search index in s.files up to date with docs by a
// delta index beside the main one, replacing the previous delta, unless
// there is no main index or the change is too large. It returns the names
// of the files it changed; s.mu is held.
func (s *Session) writeDelta(docs []search.Doc) ([]string, bool) {
	if s.mainDocs == nil || s.mainID == "" {
		return nil, false
	}
	dead, fresh := search.DiffDocs(s.mainDocs, s.mainAt, docs)
	if len(dead)+len(fresh) > maxDeltaDocs {
		return nil, false
	}
	stage := map[string][]byte{}
	if len(dead)+len(fresh) > 0 {
		opts := search.Options{Facets: facets, Delta: &search.Delta{Base: s.mainID, Dead: dead}}
		if err := search.Write(inFolder{&memStage{written: stage}, "search/"}, slices.Values(fresh), opts); err != nil {
			return nil, false
		}
		const xm = "search/" + search.DeltaPrefix + "manifest.js"
		stage["search/manifest.js"] = search.DeltaManifest(stage[xm], s.mainFile)
		delete(stage, xm)
	} else {
		stage["search/manifest.js"] = s.mainFile
	}
	var names []string
	for name := range s.files {
		if strings.HasPrefix(name, "search/"+search.DeltaPrefix) {
			if _, ok := stage[name]; !ok {
				delete(s.files, name)
				names = append(names, name)
			}
		}
	}
	for name, data := range stage {
		if old, ok := s.files[name]; !ok || !bytes.Equal(old, data) {
			names = append(names, name)
		}
		s.files[name] = data
	}
	return names, true
}

// An indexJob writes the whole search index of docs in the background.
type indexJob struct {
	docs []search.Doc
	fp   uint64
	gen  int
}

// startIndex writes the search index of docs in the background; s.mu is
// held. One job runs at a time: a job asked for meanwhile waits, and a newer
// one replaces it, so that a burst of edits does not pile up jobs that
// would only be thrown away.
func (s *Session) startIndex(docs []search.Doc, fp uint64) {
	s.indexGen++
	job := &indexJob{docs: docs, fp: fp, gen: s.indexGen}
	if s.running {
		if s.pending == nil {
			s.indexing++
		}
		s.pending = job
		return
	}
	s.indexing++
	s.running = true
	go s.runIndex(job)
}

// runIndex runs job, then the jobs asked for while it ran.
func (s *Session) runIndex(job *indexJob) {
	for job != nil {
		stage := &memStage{written: map[string][]byte{}}
		err := writeIndex(stage, slices.Values(job.docs)) // the documents share parts with the next build's
		// Collect the index's garbage now, in the background, rather
		// than in the next edit's rebuild.
		runtime.GC()
		s.mu.Lock()
		s.indexing--
		landed := err == nil && job.gen == s.indexGen
		if landed {
			for name := range s.files {
				if isIndexFile(name) {
					delete(s.files, name)
				}
			}
			for name, data := range stage.written {
				s.files[name] = data
			}
			s.indexPrint = job.fp
			s.mainDocs, s.mainFile = job.docs, stage.written["search/manifest.js"]
			s.mainAt = search.PathIndex(job.docs)
			s.mainID = search.ManifestID(s.mainFile)
			s.version++
		}
		job, s.pending = s.pending, nil
		s.running = job != nil
		s.indexed.Broadcast()
		notify := s.OnIndexed
		s.mu.Unlock()
		if notify != nil && (landed || err != nil) {
			notify(err)
		}
	}
}

// WaitIndex waits until no search index is being written.
func (s *Session) WaitIndex() {
	s.mu.Lock()
	for s.indexing > 0 {
		s.indexed.Wait()
	}
	s.mu.Unlock()
}

// File returns a file of the last good build.
func (s *Session) File(name string) ([]byte, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	data, ok := s.files[name]
	return data, ok
}

// Files returns the names of all files of the last good build.
func (s *Session) Files() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	names := make([]string, 0, len(s.files))
	for n := range s.files {
		names = append(names, n)
	}
	return names
}

// Version counts the good builds so far.
func (s *Session) Version() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.version
}
