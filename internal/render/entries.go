package render

import (
	"bytes"
	"encoding/json"
	"html/template"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"djkb/internal/content"
	"djkb/internal/site"
)

// A section whose list runs over several pages also gets its whole list as
// a script, which the list filter of static/js/site.js loads when a reader
// filters or sorts, so that the filter covers the whole section and not the
// page shown. It is a script, not JSON, because fetch does not work from
// file:// and a script tag does. The list pages carry what the filter's
// menus offer (listAll), so that they need not wait for it.
//
// The script holds data, not HTML: what the filter, the sort and an item
// need, as arrays, with the strings many entries share (folders, kinds,
// statuses, groups, the facts' classes and texts) written once in a table
// and named by their index. site.js builds the items from it as the
// "page-list" template of layouts/partials/lists.html writes them:
//
//	djkbListEntries({"root": path from the script to the site's root,
//	  "index": "index.html" when links name it (file_links), else "",
//	  "strings": ["", shared strings…],
//	  "entries": [[folder, name, title, date, kind, status, group,
//	    group name, [class, text, class, text…], summary], …]})
//
// folder, kind, status, group, group name and the facts are indexes into
// strings, 0 for none; a page's address is root + folder + name, and a
// name that is the title and "/", as a file named by its title gives, is
// written as "".

// maxListEntries is the most entries a section's whole list holds. A
// larger section is too much for an old office PC's browser to load and
// build: its list has no script, and its filter works on the page shown
// and sends the reader to the search page for the whole section.
var maxListEntries = 10000

// wholeListLoads tells whether a section's filter loads its whole list.
func wholeListLoads(sec *site.Section) bool { return len(sec.All) <= maxListEntries }

// entriesKind is the kind of the view of a section's whole list.
const entriesKind = "section-entries"

// entriesView is the view of the whole list of a section.
func entriesView(sec *site.Section) *View {
	return &View{Kind: entriesKind, Title: sec.Title, URLPath: site.ListEntriesURL(sec.URL), Section: sec, Pages: sec.All}
}

// renderEntries writes the script of a section's whole list.
func (r *Renderer) renderEntries(buf *bytes.Buffer, v *View) error {
	shared := map[string]int{"": 0}
	table := []string{""}
	index := func(s string) int {
		i, ok := shared[s]
		if !ok {
			i = len(table)
			shared[s] = i
			table = append(table, s)
		}
		return i
	}
	var entries []byte
	entries = append(entries, '[')
	for i, p := range v.Pages {
		if i > 0 {
			entries = append(entries, ",\n"...)
		}
		folder, name := splitURL(p.URL)
		if name == p.Title+"/" {
			name = ""
		}
		group, groupName := listGroup(p)
		entries = append(entries, '[')
		entries = strconv.AppendInt(entries, int64(index(folder)), 10)
		entries = append(entries, ',')
		entries = appendJSONString(entries, name)
		entries = append(entries, ',')
		entries = appendJSONString(entries, p.Title)
		entries = append(entries, ',')
		entries = appendJSONString(entries, isoDate(p.Date))
		for _, s := range []string{string(p.Kind), p.Status(), group, groupName} {
			entries = append(entries, ',')
			entries = strconv.AppendInt(entries, int64(index(s)), 10)
		}
		entries = append(entries, ",["...)
		for j, f := range append(badgeFacts(p), pageFacts(p)...) {
			if j > 0 {
				entries = append(entries, ',')
			}
			entries = strconv.AppendInt(entries, int64(index(f.Class)), 10)
			entries = append(entries, ',')
			entries = strconv.AppendInt(entries, int64(index(f.Text)), 10)
		}
		entries = append(entries, "],"...)
		entries = appendJSONString(entries, p.Summary)
		entries = append(entries, ']')
	}
	entries = append(entries, ']')

	b := buf.AvailableBuffer()
	b = append(b, `djkbListEntries({"root":`...)
	b = appendJSONString(b, v.Root)
	b = append(b, `,"index":`...)
	indexFile := ""
	if v.Site.Config.FileLinks {
		indexFile = "index.html"
	}
	b = appendJSONString(b, indexFile)
	b = append(b, ",\n\"strings\":["...)
	for i, s := range table {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	b = append(b, "],\n\"entries\":"...)
	b = append(b, entries...)
	b = append(b, "});\n"...)
	buf.Write(b)
	return nil
}

// splitURL splits a page's address into its folder, which its neighbours
// share, and its own name.
func splitURL(u string) (folder, name string) {
	i := strings.LastIndexByte(strings.TrimSuffix(u, "/"), '/') + 1
	return u[:i], u[i:]
}

// appendJSONString appends s as a JSON string that is safe anywhere in a
// script, also inside an HTML script element: "<", ">" and "&" are written
// as \u escapes, as encoding/json does, and so are U+2028 and U+2029.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r < 0x20 || r == '<' || r == '>' || r == '&' || r == 0x2028 || r == 0x2029:
			b = append(b, '\\', 'u', hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15])
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, '"')
}

// listCounts is what the filter of a section's list offers: how many pages
// of the whole section have each 效力状态 and each group, and where the
// whole list is.
type listCounts struct {
	Src       string      `json:"src,omitempty"`
	Total     int         `json:"total"`
	Status    valueCounts `json:"status"`
	Group     valueCounts `json:"group"`
	GroupName string      `json:"groupName,omitempty"`
}

// valueCounts counts values in the order they first appear.
type valueCounts struct {
	order []string
	n     map[string]int
}

func (c *valueCounts) add(value string) {
	if c.n == nil {
		c.n = map[string]int{}
	}
	if c.n[value] == 0 {
		c.order = append(c.order, value)
	}
	c.n[value]++
}

// MarshalJSON writes the counts as [[value, count], …].
func (c valueCounts) MarshalJSON() ([]byte, error) {
	pairs := make([][2]any, len(c.order))
	for i, v := range c.order {
		pairs[i] = [2]any{v, c.n[v]}
	}
	return json.Marshal(pairs)
}

// sectionCounts counts the values of the whole section once, for all the
// pages of its list.
func sectionCounts(sec *site.Section) *listCounts {
	c := &listCounts{Total: len(sec.All)}
	for _, p := range sec.All {
		if s := p.Status(); s != "" {
			c.Status.add(s)
		}
		if value, name := listGroup(p); value != "" {
			c.Group.add(value)
			c.GroupName = name
		}
	}
	return c
}

// ListAll returns the data-list-all attribute of a section's list: the
// counts of the whole section for the filter's menus, and on a list that
// does not fit on one page the address of the whole list. A section too
// large to load (maxListEntries) offers, instead of its counts and its
// whole list, its total and the search page that browses it: its filter
// works on the page shown.
func (v *View) ListAll() template.HTMLAttr {
	if v.counts == nil {
		return ""
	}
	var data []byte
	switch {
	case len(v.Pages) == v.Pager.Total:
		data, _ = json.Marshal(v.counts)
	case wholeListLoads(v.Section):
		c := *v.counts
		c.Src = v.URL(site.ListEntriesURL(v.Section.URL))
		data, _ = json.Marshal(c)
	default:
		big := struct {
			Total  int    `json:"total"`
			Search string `json:"search,omitempty"`
		}{Total: v.counts.Total}
		if f := v.SearchFilter(); f != nil && v.Site.Config.Search {
			big.Search = v.URL("search/") + "?" + f.Key + "=" + url.QueryEscape(f.Value)
		}
		data, _ = json.Marshal(big)
	}
	return template.HTMLAttr(` data-list-all="` + escapeHTML(string(data)) + `"`)
}

// WholeListLoads tells whether the filter of a section's list loads the
// whole section.
func (v *View) WholeListLoads() bool { return v.Section != nil && wholeListLoads(v.Section) }

// A SearchFilter is a filter of the search page that shows the entries of
// a list: the search page browses them without a query, newest first, and
// narrows them by the other filters.
type SearchFilter struct {
	Key, Value string // the facet and its value, for search/?Key=Value
	Label      string // what the filter shows, for the reader
}

// SearchFilter returns the search page's filter for the list the view is
// a page of: its top section (the search page's filter by 栏目), or its
// taxonomy term when the taxonomy is one of the search page's filters; nil
// when there is none.
func (v *View) SearchFilter() *SearchFilter {
	switch {
	case v.Term != nil:
		if !slices.ContainsFunc(content.FacetFields(), func(f *content.Field) bool { return f.Key == v.Taxonomy.Key }) {
			return nil
		}
		return &SearchFilter{Key: v.Taxonomy.Key, Value: v.Term.Name, Label: v.Taxonomy.Name + "“" + v.Term.Name + "”"}
	case v.Section != nil && v.Kind == "section":
		top := v.Section
		for top.Parent != nil && top.Parent.Parent != nil {
			top = top.Parent
		}
		return &SearchFilter{Key: "section", Value: top.Title, Label: "栏目“" + top.Title + "”"}
	}
	return nil
}
