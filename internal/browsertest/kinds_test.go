package browsertest

import (
	"os"
	"path/filepath"
	"testing"

	"djkb/internal/content"
	"djkb/internal/site"
)

// kindPage is one page of each kind the site renders.
type kindPage struct {
	Kind string
	URL  string // site-relative
}

// pagesOfEachKind picks a representative page of every kind from the model:
// a regulation that cases apply, a case that applies regulations, a brand
// with a logo.
func pagesOfEachKind(t testing.TB, b *builtSite) []kindPage {
	t.Helper()
	s := b.Site
	pick := func(kind content.Kind, ok func(*site.Page) bool) string {
		for _, p := range s.Pages {
			if p.Kind == kind && ok(p) {
				return p.URL
			}
		}
		t.Fatalf("示例站点没有合适的 %s 页面", kind)
		return ""
	}
	out := []kindPage{
		{"home", ""},
		{"section", s.TopSections()[0].URL},
		{"regulation", pick(content.KindRegulation, func(p *site.Page) bool { return len(p.Cases) > 0 && len(p.Reg().History) > 0 })},
		{"case", pick(content.KindCase, func(p *site.Page) bool { return len(p.Regulations) > 0 })},
		{"brand", pick(content.KindBrand, func(p *site.Page) bool { return p.LogoURL != "" })},
		{"page", pick(content.KindPage, func(*site.Page) bool { return true })},
		{"taxonomy", s.Taxonomies[0].URL},
		{"term", s.Taxonomies[0].Terms[0].URL},
		{"bookmarks", "bookmarks/"},
		{"404", "404.html"},
	}
	// A 修订对照 page: the last step of the longest chain.
	var step *site.Step
	for _, c := range s.Chains {
		if len(c.Steps) > 0 && (step == nil || len(c.Steps) > len(step.Chain.Steps)) {
			step = c.Steps[len(c.Steps)-1]
		}
	}
	if step == nil {
		t.Fatal("示例站点没有版本链")
	}
	out = append(out, kindPage{"compare", step.URL})
	// A full 被引用 list: a document cited by more pages than its own page lists.
	for _, p := range s.Pages {
		if u := p.CitedByURL(); u != "" {
			out = append(out, kindPage{"citedby", u})
			break
		}
	}
	if hasSearchPage(t) {
		out = append(out, kindPage{"search", "search/"})
	} else {
		t.Log("layouts/search.html 尚不存在（搜索页由搜索功能负责）：本次检查跳过搜索页")
	}
	return out
}

// hasSearchPage reports whether the search page's own layout exists yet.
func hasSearchPage(t testing.TB) bool {
	_, err := os.Stat(filepath.Join(repoRoot(t), "layouts", "search.html"))
	return err == nil
}

// statusVariants picks one regulation of each 效力状态 other than the one
// pagesOfEachKind shows, so that each status notice is looked at too.
func statusVariants(b *builtSite) []kindPage {
	seen := map[string]bool{"现行有效": true}
	var out []kindPage
	for _, p := range b.Site.Pages {
		if s := p.Status(); s != "" && !seen[s] {
			seen[s] = true
			out = append(out, kindPage{"regulation-" + s, p.URL})
		}
	}
	return out
}
