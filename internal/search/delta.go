package search

import (
	"bytes"
	"encoding/json"
	"slices"

	"djkb/internal/search/codec"
)

// A delta index lets djkb serve update the search after an edit in a few
// milliseconds instead of writing the whole index again, the way a
// log-structured merge tree does: the main index stays as it was written,
// and a small index of the documents added or changed since sits beside it,
// in the same format and with its own text code, its files under x/. Its
// manifest also lists the main index's documents that it replaces or that
// were removed (tombstones). The browser searches both and merges them as if
// they were one index: it drops the tombstoned documents of the main index
// and numbers the delta's documents after the main's. A full build writes no
// delta.
//
// The delta's manifest is registered as "x/manifest" by the same manifest.js
// that registers the main one, before it (see DeltaManifest), so that the
// page always sees the two together.

// DeltaPrefix is the folder of a delta index's files and the prefix of
// their names.
const DeltaPrefix = "x/"

// Delta makes Write write a delta index (see Options.Delta).
type Delta struct {
	Base string // the id of the main index the delta applies to
	Dead []int  // the main index's documents that the delta replaces or removes, ascending
}

// gapList codes ascending ids as uvarint gaps, the first from 0.
func gapList(ids []int) []byte {
	var out []byte
	prev := 0
	for _, id := range ids {
		out = codec.AppendUvarint(out, uint64(id-prev))
		prev = id
	}
	return out
}

// PathIndex maps the documents' paths to their indexes.
func PathIndex(docs []Doc) map[string]int {
	at := make(map[string]int, len(docs))
	for i := range docs {
		at[docs[i].Path] = i
	}
	return at
}

// DiffDocs compares the documents of a main index with the documents now;
// at is PathIndex(main), or nil. It returns the main index's documents that
// are gone or changed (dead, by index into main, ascending) and the
// documents now that the main index lacks or holds differently (fresh, in
// their order in now).
func DiffDocs(main []Doc, at map[string]int, now []Doc) (dead []int, fresh []Doc) {
	if at == nil {
		at = PathIndex(main)
	}
	seen := make([]bool, len(main))
	for i := range now {
		j, ok := at[now[i].Path]
		if ok && !seen[j] {
			seen[j] = true
			if sameDoc(&main[j], &now[i]) {
				continue
			}
			dead = append(dead, j)
		}
		fresh = append(fresh, now[i])
	}
	for j, ok := range seen {
		if !ok {
			dead = append(dead, j)
		}
	}
	slices.Sort(dead)
	return dead, fresh
}

// sameDoc reports whether two documents index alike. Texts that a build
// reused are the same strings, which compare at once.
func sameDoc(a, b *Doc) bool {
	if a.URL != b.URL || a.Path != b.Path || a.Title != b.Title || a.Section != b.Section ||
		a.Date != b.Date || a.Status != b.Status || len(a.Facets) != len(b.Facets) || !sameValidity(a.InForce, b.InForce) ||
		len(a.Parts) != len(b.Parts) || len(a.Parts) > 0 && &a.Parts[0] != &b.Parts[0] && !slices.Equal(a.Parts, b.Parts) {
		return false
	}
	for k, v := range a.Facets {
		if w, ok := b.Facets[k]; !ok || !slices.Equal(v, w) {
			return false
		}
	}
	return true
}

func sameValidity(a, b *Validity) bool { return a == b || a != nil && b != nil && *a == *b }

// ManifestID returns the id of the index whose manifest.js is data, or ""
// when data is not a manifest.
func ManifestID(data []byte) string {
	const head = `djkbSearch._register("manifest",`
	i := bytes.LastIndex(data, []byte(head))
	if i < 0 {
		return ""
	}
	payload := bytes.TrimSuffix(bytes.TrimSpace(data[i+len(head):]), []byte(");"))
	var m struct {
		ID string `json:"id"`
	}
	if json.Unmarshal(payload, &m) != nil {
		return ""
	}
	return m.ID
}

// DeltaManifest returns the manifest.js that registers the delta's manifest
// (the file x/manifest.js that Write wrote for a delta) and then the main
// index's (main, the main index's manifest.js).
func DeltaManifest(delta, main []byte) []byte {
	out := make([]byte, 0, len(delta)+len(main))
	return append(append(out, delta...), main...)
}
