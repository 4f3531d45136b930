package render

import (
	"bytes"
	"encoding/xml"
	"slices"
	"time"

	"djkb/internal/site"
)

// absURL is the address of a site URL for the sitemap and feed: absolute
// when site.toml sets base_url, else relative to the site root.
func absURL(s *site.Site, u string) string {
	rel := site.EscapePath(u)
	if s.Config.BaseURL == "" {
		if rel == "" {
			return "./"
		}
		return rel
	}
	return s.Config.BaseURL + "/" + rel
}

// Sitemap returns sitemap.xml listing the home page, sections and pages.
// It is written by hand rather than through encoding/xml: it lists every
// page, and djkb serve writes it after every edit.
func Sitemap(s *site.Site) []byte {
	var b bytes.Buffer
	b.Grow(100 * (len(s.Pages) + len(s.Sections)))
	b.WriteString(xml.Header)
	b.WriteString("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
	entry := func(u string, date time.Time) {
		b.WriteString("  <url>\n    <loc>")
		xml.EscapeText(&b, []byte(absURL(s, u)))
		b.WriteString("</loc>\n")
		if !date.IsZero() {
			b.WriteString("    <lastmod>")
			b.WriteString(isoDate(date))
			b.WriteString("</lastmod>\n")
		}
		b.WriteString("  </url>\n")
	}
	for _, sec := range s.Sections {
		entry(sec.URL, time.Time{})
	}
	for _, p := range s.Pages {
		entry(p.URL, p.Date)
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// Feed returns an Atom feed of the newest dated pages.
func Feed(s *site.Site) []byte {
	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr,omitempty"`
	}
	type entry struct {
		Title   string `xml:"title"`
		Link    link   `xml:"link"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary,omitempty"`
	}
	type feed struct {
		XMLName xml.Name `xml:"feed"`
		NS      string   `xml:"xmlns,attr"`
		Lang    string   `xml:"xml:lang,attr"`
		Title   string   `xml:"title"`
		ID      string   `xml:"id"`
		Updated string   `xml:"updated"`
		Links   []link   `xml:"link"`
		Entries []entry  `xml:"entry"`
	}
	stamp := func(t time.Time) string { return t.UTC().Format(time.RFC3339) }
	// Only pages with a date of their own: a file's time changes with
	// every copy, and a feed reader would show them as new each time.
	recent := slices.DeleteFunc(s.Recent(50), func(p *site.Page) bool { return p.Date.IsZero() })
	f := feed{NS: "http://www.w3.org/2005/Atom", Lang: "zh-CN", Title: s.Config.Title, ID: "urn:djkb:" + s.Config.Title,
		Updated: "1970-01-01T00:00:00Z", Links: []link{{Href: absURL(s, "")}, {Href: absURL(s, "feed.xml"), Rel: "self"}}}
	if len(recent) > 0 {
		f.Updated = stamp(recent[0].Date)
	}
	for _, p := range recent {
		f.Entries = append(f.Entries, entry{Title: p.Title, Link: link{Href: absURL(s, p.URL)}, ID: "urn:djkb:" + p.Src.Path, Updated: stamp(p.Date), Summary: p.Summary})
	}
	return marshalXML(f)
}

func marshalXML(v any) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	_ = enc.Encode(v)
	b.WriteByte('\n')
	return b.Bytes()
}
