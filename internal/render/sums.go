package render

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf16"

	"djkb/internal/site"
)

// The Sum of every page is written once, in js/sums.js, and not into the
// lists and the bookmarks page that show those pages: site.js and
// bookmarks.js load it with a script tag (fetch does not work from file://)
// when a reader has visits or bookmarks to compare with it. An edit of a
// page's text then changes that page and this file, not every list the
// page is on.

// sumsKind is the kind of the view of the sums file.
const sumsKind = "sums"

// SumsURL is the address of the sums file.
const SumsURL = site.SumsURL

// The file lists each page as keyLen characters of its URL's hash, then
// sumLen of its Sum, with no separator: a large site's URLs, long Chinese
// titles, would make it several times larger. keyLen is enough that a page
// the site no longer has almost never takes another's key, sumLen that an
// edit almost never leaves the short Sum as it was.
const (
	keyLen = 6
	sumLen = 4
)

// SumKey is the key of a page's URL in the sums file, as keyOf in
// static/js/site.js computes it: FNV-1a of its UTF-16 code units, in base
// 36, keyLen characters.
func SumKey(url string) string {
	h := uint32(2166136261)
	for _, u := range utf16.Encode([]rune(url)) {
		h ^= uint32(u)
		h *= 16777619
	}
	return pad(strconv.FormatUint(uint64(h)%keySpace, 36), keyLen)
}

// keySpace is how many keys keyLen characters of base 36 hold.
const keySpace = 36 * 36 * 36 * 36 * 36 * 36

// ShortSum is what the sums file keeps of a Sum: its last sumLen
// characters, as shortSum in static/js/site.js cuts it.
func ShortSum(sum string) string {
	s := pad(sum, sumLen)
	return s[len(s)-sumLen:]
}

// pad puts zeros before s up to n characters.
func pad(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return strings.Repeat("0", n-len(s)) + s
}

// renderSums writes the sums file: djkbSums("…"), every page's key and
// short Sum.
func (r *Renderer) renderSums(buf *bytes.Buffer) error {
	buf.WriteString(`djkbSums("`)
	for _, p := range r.Site.Pages {
		buf.WriteString(SumKey(p.URL))
		buf.WriteString(ShortSum(p.Sum))
	}
	buf.WriteString("\");\n")
	return nil
}

// sumsView is the view of the sums file.
func sumsView() *View {
	return &View{Kind: sumsKind, Title: "sums", URLPath: SumsURL}
}

// sums hashes what the sums file holds.
func (h *hasher) sums(pages []*site.Page) {
	h.num(uint64(len(pages)))
	for _, p := range pages {
		h.str(p.URL)
		h.str(ShortSum(p.Sum))
	}
}
