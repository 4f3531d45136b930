package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"slices"

	"djkb/internal/content"
	"djkb/internal/site"
)

// A section whose list runs over several pages also gets its whole list as
// a script, which the list filter of static/js/site.js loads when a reader
// filters or sorts, so that the filter covers the whole section and not the
// page shown. It is a script, not JSON, because fetch does not work from
// file:// and a script tag does. The list pages carry what the filter's
// menus offer (listAll), so that they need not wait for it.

// entriesKind is the kind of the view of a section's whole list.
const entriesKind = "section-entries"

// entriesView is the view of the whole list of a section.
func entriesView(sec *site.Section) *View {
	return &View{Kind: entriesKind, Title: sec.Title, URLPath: site.ListEntriesURL(sec.URL), Section: sec, Pages: sec.All}
}

// renderEntries writes the script of a section's whole list: the items the
// "page-list" template makes, with links relative to the script, handed to
// djkbListEntries.
func (r *Renderer) renderEntries(buf *bytes.Buffer, v *View) error {
	t, err := r.Templates.Lookup("section")
	if err != nil {
		return err
	}
	var items bytes.Buffer
	if err := t.ExecuteTemplate(&items, "page-list", map[string]any{"View": v, "Pages": v.Pages, "Tools": false}); err != nil {
		return fmt.Errorf("渲染 %s 时模板出错：%w", v.URLPath, err)
	}
	buf.WriteString("djkbListEntries(")
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false) // a script file of its own: no </script> to fear
	enc.Encode(items.String())
	buf.Truncate(buf.Len() - 1) // the encoder's newline
	buf.WriteString(");\n")
	return nil
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
// does not fit on one page the address of the whole list.
func (v *View) ListAll() template.HTMLAttr {
	if v.counts == nil {
		return ""
	}
	c := *v.counts
	if len(v.Pages) < v.Pager.Total {
		c.Src = v.URL(site.ListEntriesURL(v.Section.URL))
	}
	data, _ := json.Marshal(c)
	return template.HTMLAttr(` data-list-all="` + escapeHTML(string(data)) + `"`)
}

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
