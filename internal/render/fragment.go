package render

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"

	"djkb/internal/site"
)

// fragments caches the output of View.Fragment for the views of one
// Views call, so a build never sees a fragment of an earlier build.
type fragments struct {
	templates *Templates
	mu        sync.Mutex
	done      map[fragmentKey]template.HTML
	// top is the site's TopSections, which every page's NavKey reads.
	top []*site.Section
}

// fragmentKey names a fragment: a struct rather than a joined string, so
// that looking one up allocates nothing.
type fragmentKey struct{ kind, name, key, root string }

// Fragment renders the template name with this view as its data, once for
// all views of the same kind, key and folder depth: the others get the same
// HTML. It serves blocks that many pages repeat, such as a section's facets
// on each page of its list. What the block shows must depend only on key
// and on links made with .URL (which depend on the folder depth alone).
func (v *View) Fragment(name, key string) (template.HTML, error) {
	f := v.fragments
	if f == nil {
		return "", fmt.Errorf("Fragment %q: 这个页面不能使用片段缓存", name)
	}
	id := fragmentKey{v.Kind, name, key, v.Root}
	f.mu.Lock()
	html, ok := f.done[id]
	f.mu.Unlock()
	if ok {
		return html, nil
	}
	t, err := f.templates.Lookup(v.Kind)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, v); err != nil {
		return "", err
	}
	// Two views may render the same fragment at once; both get the same
	// bytes, so either may be kept.
	html = template.HTML(buf.String())
	f.mu.Lock()
	f.done[id] = html
	f.mu.Unlock()
	return html, nil
}
