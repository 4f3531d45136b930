package compilation

import (
	"encoding/base64"
	"mime"
	"net/url"
	"os"
	"path"
	"regexp"
	"strings"
	"sync"

	"djkb/internal/content"
	"djkb/internal/site"
)

// resolver rewrites the links of one regulation's text for the digest: a
// link to another regulation in the digest goes to its place in the
// document, a link to any other page of the site goes to the site (beside
// the digest/ folder, or under base_url when site.toml sets one), and
// images are embedded so that the document stands alone.
type resolver struct {
	d      *Digest
	page   *site.Page
	prefix string // the item's id prefix, "d12-"
	assets *assets
}

var (
	schemeRe    = regexp.MustCompile(`^([a-zA-Z][a-zA-Z0-9+.\-]*):`)
	safeSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true, "ftp": true}
)

// Link implements markdown.Resolver.
func (r *resolver) Link(dest string, _ int, image bool) (string, bool) {
	dest = strings.TrimSpace(dest)
	if m := schemeRe.FindStringSubmatch(dest); m != nil {
		return dest, safeSchemes[strings.ToLower(m[1])]
	}
	if dest == "" || strings.HasPrefix(dest, "//") {
		return dest, true
	}
	raw, frag, _ := strings.Cut(dest, "#")
	raw, _, _ = strings.Cut(raw, "?")
	if p, err := url.PathUnescape(raw); err == nil {
		raw = p
	}
	if f, err := url.PathUnescape(frag); err == nil {
		frag = f
	}
	if raw == "" { // an anchor of the same regulation
		return "#" + site.EscapePath(r.prefix+frag), true
	}
	target := path.Join(path.Dir(r.page.Src.Path), raw)
	if strings.HasPrefix(raw, "/") {
		target = path.Clean(strings.TrimPrefix(raw, "/"))
	}
	if image {
		if data, ok := r.assets.dataURL(target); ok {
			return data, true
		}
		return r.toSite(target, ""), true
	}
	if strings.EqualFold(path.Ext(target), ".md") {
		if p := r.d.site.Page(target); p != nil {
			if it := r.d.byURL[p]; it != nil {
				if frag == "" {
					return "#" + it.ID, true
				}
				return "#" + site.EscapePath(it.ID+"-"+frag), true
			}
			return r.toSite(p.URL, frag), true
		}
		if sec := r.d.site.SectionAt(path.Dir(target)); sec != nil && content.IsIndexName(path.Base(target)) {
			return r.toSite(sec.URL, frag), true
		}
	}
	return r.toSite(target, frag), true
}

// toSite links to a site URL from digest/index.html.
func (r *resolver) toSite(u, frag string) string {
	out := "../" + site.EscapePath(u)
	if base := r.d.site.Config.BaseURL; base != "" {
		out = base + "/" + site.EscapePath(u)
	}
	if frag != "" {
		out += "#" + site.EscapePath(frag)
	}
	return out
}

// maxEmbed is the largest image embedded in the digest; bigger ones are
// linked from the site.
const maxEmbed = 8 << 20

// assets embeds the images of content/ as data: URLs, each read once.
type assets struct {
	abs  map[string]string // content path → file on disk
	mu   sync.Mutex
	done map[string]string // content path → data URL, "" when not embeddable
}

func newAssets(s *site.Site) *assets {
	a := &assets{abs: map[string]string{}, done: map[string]string{}}
	for _, f := range s.Assets {
		a.abs[f.Path] = f.Abs
	}
	return a
}

func (a *assets) dataURL(p string) (string, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if u, ok := a.done[p]; ok {
		return u, u != ""
	}
	u := ""
	if abs, ok := a.abs[p]; ok {
		if st, err := os.Stat(abs); err == nil && st.Size() <= maxEmbed {
			if data, err := os.ReadFile(abs); err == nil {
				typ := mime.TypeByExtension(strings.ToLower(path.Ext(p)))
				if typ == "" {
					typ = "application/octet-stream"
				}
				u = "data:" + typ + ";base64," + base64.StdEncoding.EncodeToString(data)
			}
		}
	}
	a.done[p] = u
	return u, u != ""
}
