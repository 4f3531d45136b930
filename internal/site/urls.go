package site

import (
	"path"
	"strconv"
	"strings"

	"djkb/internal/content"
)

// URLs in the model are site-relative paths without a leading slash. A page
// or list has a directory URL ("regulations/a/b/", "" for the home page); a
// file has a file URL ("sitemap.xml"). Links written into pages are always
// relative, so the site works under any sub-path and from file://.

// pageURL is the URL of a source: the source path without ".md" as a
// folder, with the slug replacing the last segment.
func pageURL(src *content.Source) string {
	dir := path.Dir(src.Path)
	if dir == "." {
		dir = ""
	}
	if src.IsSection {
		return dirURL(dir)
	}
	name := strings.TrimSuffix(path.Base(src.Path), path.Ext(src.Path))
	if src.Meta.Slug != "" {
		name = src.Meta.Slug
	}
	return dirURL(path.Join(dir, name))
}

func dirURL(p string) string {
	if p == "" || p == "." {
		return ""
	}
	return p + "/"
}

// OutputFile is the file a URL is written to: "a/b/" → "a/b/index.html".
func OutputFile(url string) string {
	if url == "" || strings.HasSuffix(url, "/") {
		return url + "index.html"
	}
	return url
}

// Rel returns the link from the page at from to the site path to, both
// site-relative URLs. With fileLinks, links to directories end in
// "index.html" so that they work from file://.
func Rel(from, to string, fileLinks bool) string {
	depth := strings.Count(from, "/")
	b := make([]byte, 0, 3*depth+3*len(to)+10)
	for range depth {
		b = append(b, "../"...)
	}
	b = appendEscaped(b, to)
	if fileLinks && (to == "" || strings.HasSuffix(to, "/")) {
		b = append(b, "index.html"...)
	}
	if len(b) == 0 {
		return "./"
	}
	return string(b)
}

// EscapePath percent-encodes what a URL path cannot hold as it is: ASCII
// controls, spaces, the characters that end or change a path ("#", "?",
// "%", quotes, angle brackets, backslash) and every non-ASCII byte, so
// that links are plain ASCII wherever they are written (browsers show the
// Chinese again). "/" is kept.
func EscapePath(p string) string {
	for i := 0; i < len(p); i++ {
		if mustEscape(p[i]) {
			return string(appendEscaped(make([]byte, 0, len(p)*3), p))
		}
	}
	return p
}

// appendEscaped appends p to b, escaped as EscapePath does.
func appendEscaped(b []byte, p string) []byte {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(p); i++ {
		c := p[i]
		if mustEscape(c) {
			b = append(b, '%', hex[c>>4], hex[c&15])
		} else {
			b = append(b, c)
		}
	}
	return b
}

func mustEscape(c byte) bool {
	if c <= 0x20 || c >= 0x7F {
		return true
	}
	return strings.IndexByte("\"#%'<>?\\^`{|}[]", c) >= 0
}

// ListPageCount is how many pages a list of n items takes at size a page.
func ListPageCount(n, size int) int { return max(1, (n+size-1)/size) }

// ListPages is how many numbered pages a list of n entries has on the
// site: as many as it takes, but at most Config.ListPages when set.
func (s *Site) ListPages(n int) int {
	count := ListPageCount(n, s.Config.PageSize)
	if limit := s.Config.ListPages; limit > 0 {
		count = min(count, limit)
	}
	return count
}

// ListEntriesURL is the URL of the script holding the whole list at base,
// which the list filter reads (render.entriesView): beside its pages.
func ListEntriesURL(base string) string { return base + "page/list.js" }

// ListPageURL is the URL of page number of a paginated list at base: the
// first page is base itself, the others base + "page/N/".
func ListPageURL(base string, number int) string {
	if number == 1 {
		return base
	}
	return base + "page/" + strconv.Itoa(number) + "/"
}

// SumsURL is the address of the script holding every page's Sum, which
// the 有更新 marks of lists and bookmarks read (render.sumsView).
const SumsURL = "js/sums.js"
