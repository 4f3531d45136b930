// Package search writes djkb's prebuilt, sharded client-side search index.
//
// Write turns the site's documents into script files under search/ that the
// browser code in static/js loads on demand: a manifest, dictionary shards
// (term to posting list), large posting lists, compressed text shards, and
// document metadata. Its parts, each a package below this one:
//
//	tokenize    the tokenizer and query parser, the same as tokenizer.js and
//	            query.js in the browser, with the vectors both sides check
//	codec       base91, Rice and Huffman codes, varints
//	searchtest  a Go reader of the index, for tests and benchmarks
//	vectors     the test vectors shared with the JavaScript tests
//
// search imports tokenize and codec, which import nothing of djkb but
// internal/numerals (tokenize writes 第12条 as 第十二条); only
// tests and bench/searchq import searchtest and vectors (TestLayers).
package search

// Part is one heading section or one article (第X条) of a page.
type Part struct {
	Anchor  string // element id on the page without '#', "" for the text before the first heading/article
	Heading string // the heading text or the article label ("第十二条"); "" for the intro
	Text    string // plain text of that part (no markup), newlines between blocks
}

// Doc is one page to index.
type Doc struct {
	URL     string              // site-relative URL of the page, no leading slash, directory style: "regulations/党内法规/foo/"
	Path    string              // source path relative to content/: "regulations/党内法规/foo.md"
	Title   string              //
	Section string              // human label of the top-level section: "法规制度", "典型案例", "党建品牌", or "" for other pages
	Date    string              // "YYYY-MM-DD" or "" (issue date for regulations; newer ranks first on ties)
	Status  string              // 效力状态 for regulations ("现行有效", "已废止", ...), "" otherwise
	Facets  map[string][]string // facet key -> values, for the keys of Options.Facets
	InForce *Validity           // for regulations: when it was in force (the 当时有效 filter); nil for other pages
	Parts   []Part
}

// Validity is when a regulation was in force: from From up to, not
// including, Until, as "YYYY-MM-DD" dates; "" where the page records none.
// Ended marks a regulation out of force since a date it does not record.
type Validity struct {
	From, Until string
	Ended       bool
}

// Facet names a facet: its key in Doc.Facets and its Chinese label. The order
// of Options.Facets is the display order.
type Facet struct{ Key, Label string }

// Options tunes Write.
type Options struct {
	// Facets are the facets to write, in display order; keys of
	// Doc.Facets that it does not name are left out.
	Facets []Facet

	// Terms are phrases that a query may name in pinyin besides titles
	// and tags: the glossary's terms (see pinyin.go).
	Terms []string

	// Delta, when set, makes Write write a delta index: the index of the
	// documents that were added or changed since a main index was written,
	// to be searched together with it (see delta.go).
	Delta *Delta
}
