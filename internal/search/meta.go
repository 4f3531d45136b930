package search

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"djkb/internal/search/codec"
	"djkb/internal/search/tokenize"
)

// metaShardBytes is the target size of a metadata shard.
var metaShardBytes = 3000

// docTable is what the browser needs about every document before it reads
// any shard: per document a uvarint number of body blocks. It also returns
// the coder of the documents' records, with their sections and statuses.
func docTable(docs []Doc, blocks []block) (table []byte, mc metaCoder) {
	nblocks := make([]int, len(docs))
	for i := range blocks {
		nblocks[blocks[i].doc]++
	}
	mc.sections, mc.statuses = distinct(docs, func(d *Doc) string { return d.Section }), distinct(docs, func(d *Doc) string { return d.Status })
	for i := range docs {
		table = codec.AppendUvarint(table, uint64(nblocks[i]))
	}
	return table, mc
}

// distinct returns the sorted distinct non-empty values of f over docs.
func distinct(docs []Doc, f func(*Doc) string) []string {
	seen := map[string]bool{}
	var out []string
	for i := range docs {
		if v := f(&docs[i]); v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return out
}

// indexOf returns the index of v in the sorted list, or -1.
func indexOf(list []string, v string) int {
	if i, ok := slices.BinarySearch(list, v); ok {
		return i
	}
	return -1
}

var epoch = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)

// dateDays returns days since 1900-01-01 plus one for a "YYYY-MM-DD" date, 0
// for none or an invalid one.
func dateDays(s string) int {
	t, err := time.Parse("2006-01-02", s)
	if err != nil || t.Before(epoch) {
		return 0
	}
	return int(t.Sub(epoch).Hours()/24) + 1
}

// DaysDate returns the "YYYY-MM-DD" date that dateDays turns into days, or
// "" for 0: readers of the index decode dates with it.
func DaysDate(days int) string {
	if days <= 0 {
		return ""
	}
	return epoch.AddDate(0, 0, days-1).Format("2006-01-02")
}

// DefaultURL is the URL the generator gives the page at path:
// "a/b.md" -> "a/b/", "a/_index.md" -> "a/". A record leaves out the URL
// of a document that has this one, so readers of the index use it too.
func DefaultURL(path string) string {
	p := strings.TrimSuffix(path, ".md")
	if p == "_index" || p == "index" {
		return ""
	}
	for _, idx := range []string{"/_index", "/index"} {
		if strings.HasSuffix(p, idx) {
			return strings.TrimSuffix(p, idx) + "/"
		}
	}
	return p + "/"
}

// metaCoder codes what results show of a document as a record
// [title, n, path suffix, date, section, status(, url)], where the path is
// the previous record's path's first n UTF-16 units plus the suffix, date is
// as dateDays, section and status are indexes into sections and statuses
// plus one (0 for none), and the url is given only when it differs from
// DefaultURL(path).
type metaCoder struct{ sections, statuses []string }

// record codes d after a record whose path was prev; size estimates its
// bytes in the file.
func (mc metaCoder) record(d *Doc, prev string) (rec []any, size int) {
	p := commonPrefix16(prev, d.Path)
	rec = []any{d.Title, p.units, d.Path[p.bytes:], dateDays(d.Date), indexOf(mc.sections, d.Section) + 1, indexOf(mc.statuses, d.Status) + 1}
	if d.URL != DefaultURL(d.Path) {
		rec = append(rec, d.URL)
	}
	return rec, len(d.Title) + len(d.Path) - p.bytes + 8
}

// records codes consecutive documents, the first path in full.
func (mc metaCoder) records(docs []Doc) [][]any {
	recs := make([][]any, len(docs))
	prev := ""
	for i := range docs {
		recs[i], _ = mc.record(&docs[i], prev)
		prev = docs[i].Path
	}
	return recs
}

// writeMetaShards writes the records of the documents (see metaCoder) as
// m/N.js: [first doc, [record, ...]]. It returns the manifest's list of
// first documents (uvarint deltas).
func writeMetaShards(o *indexFiles, docs []Doc, mc metaCoder) []byte {
	var sc script
	var firsts []byte
	var recs [][]any
	first, prevFirst, size, prev, n := 0, 0, 0, "", 0
	flush := func(end int) {
		if len(recs) == 0 {
			return
		}
		name := fmt.Sprintf("m/%d", n)
		sc.writeJSON(o, name, []any{first, recs})
		firsts = codec.AppendUvarint(firsts, uint64(first-prevFirst))
		prevFirst, first, n, recs, size, prev = first, end, n+1, nil, 0, ""
	}
	for i := range docs {
		d := &docs[i]
		if size > metaShardBytes {
			flush(i)
		}
		rec, sz := mc.record(d, prev)
		recs = append(recs, rec)
		size += sz
		prev = d.Path
	}
	flush(len(docs))
	return firsts
}

type prefixLen struct{ units, bytes int }

// commonPrefix16 returns the length of the common prefix of a and b, whole
// code points only, in UTF-16 units and in bytes.
func commonPrefix16(a, b string) prefixLen {
	var n prefixLen
	for n.bytes < len(a) && n.bytes < len(b) {
		ra, sa := utf8.DecodeRuneInString(a[n.bytes:])
		rb, sb := utf8.DecodeRuneInString(b[n.bytes:])
		if ra != rb || sa != sb || ra == utf8.RuneError {
			break
		}
		n.bytes += sa
		n.units += tokenize.Len16(string(ra))
	}
	return n
}

// facetData is the facets of the facets file: for each facet with values,
// [key, label, values, counts, lists]: lists is the base91 text of the Rice-coded
// posting list (see codec.AppendRice) of the documents holding each value, one
// after the other.
func facetData(docs []Doc, facets []Facet) [][]any {
	var out [][]any
	for _, f := range facets {
		byValue := map[string][]int32{}
		for i := range docs {
			for _, v := range docs[i].Facets[f.Key] {
				if l := byValue[v]; v != "" && (len(l) == 0 || l[len(l)-1] != int32(i)) {
					byValue[v] = append(l, int32(i))
				}
			}
		}
		if len(byValue) == 0 {
			continue
		}
		values := make([]string, 0, len(byValue))
		for v := range byValue {
			values = append(values, v)
		}
		slices.Sort(values)
		counts := make([]int, len(values))
		var lists []byte
		for i, v := range values {
			counts[i] = len(byValue[v])
			lists = codec.AppendRice(lists, byValue[v])
		}
		out = append(out, []any{f.Key, f.Label, values, counts, codec.B91(lists)})
	}
	return out
}

// dateTable is the dates of the documents, two bytes each (dateDays,
// big-endian, at most 0xFFFF): browsing sorts by them.
func dateTable(docs []Doc) []byte {
	out := make([]byte, 0, 2*len(docs))
	for i := range docs {
		days := min(dateDays(docs[i].Date), 0xFFFF)
		out = append(out, byte(days>>8), byte(days))
	}
	return out
}

// validityTable codes, for v.js, when the documents that have a Validity
// (the regulations) were in force, for the 当时有效 filter: their number n and
// ids (Rice-coded, as the facets' lists), then two uvarints each, in days
// (as dateDays): f, 0 when From is unknown, else From minus the document's
// date in dateTable, zigzag-coded, plus one (1 for the many that took
// effect the day they were issued); and u, 0 when no end is known, 1 when
// Ended, else Until minus From (0 when unknown) plus two, at least two.
func validityTable(docs []Doc) []byte {
	var ids []int32
	for i := range docs {
		if docs[i].InForce != nil {
			ids = append(ids, int32(i))
		}
	}
	out := codec.AppendRice(codec.AppendUvarint(nil, uint64(len(ids))), ids)
	for _, i := range ids {
		v := docs[i].InForce
		from, until := dateDays(v.From), dateDays(v.Until)
		f := uint64(0)
		if from > 0 {
			delta := int64(from - min(dateDays(docs[i].Date), 0xFFFF))
			f = uint64(delta<<1^delta>>63) + 1
		}
		u := uint64(0)
		switch {
		case until > 0:
			u = uint64(max(until-from, 0)) + 2
		case v.Ended:
			u = 1
		}
		out = codec.AppendUvarint(codec.AppendUvarint(out, f), u)
	}
	return out
}
