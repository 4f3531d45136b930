package browsertest

import (
	"html"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"testing"

	"djkb/internal/site"
)

// pageBudget is the most CSS and JavaScript an ordinary page may load,
// uncompressed: old office PCs on a slow intranet read the site.
const pageBudget = 50 << 10

// featureScripts load only on the pages that show their feature — the
// version chain's 历史版本, 修订对照 and as-of reading, and citation
// popovers — on top of what every page loads; featureBudget caps them.
var featureScripts = map[string]bool{"js/versions.js": true, "js/cite.js": true}

const featureBudget = 12 << 10

var assetRe = regexp.MustCompile(`<(?:link[^>]+rel="stylesheet"[^>]*href|script[^>]+src)="([^"]+)"`)

// TestAssetBudget adds up the stylesheets (print included) and scripts each
// kind of page loads, the version and citation scripts apart. The search page, which carries its own search code,
// is left to the search budget.
func TestAssetBudget(t *testing.T) {
	b := sample(t, false)
	for _, k := range append(pagesOfEachKind(t, b), chainPage(t, b)) {
		if k.Kind == "search" {
			continue
		}
		file := filepath.Join(b.Out, filepath.FromSlash(site.OutputFile(k.URL)))
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		total, features := 0, 0
		for _, m := range assetRe.FindAllStringSubmatch(string(data), -1) {
			ref := html.UnescapeString(m[1])
			asset := path.Join(path.Dir(site.OutputFile(k.URL)), ref)
			fi, err := os.Stat(filepath.Join(b.Out, filepath.FromSlash(asset)))
			if err != nil {
				t.Errorf("%s 页引用的 %s 不存在", k.Kind, ref)
				continue
			}
			if featureScripts[path.Clean(asset)] {
				features += int(fi.Size())
			} else {
				total += int(fi.Size())
			}
		}
		if features > featureBudget {
			t.Errorf("%s 页的版本和引用脚本共 %d 字节，超过 %d 字节的上限", k.Kind, features, featureBudget)
		}
		if total == 0 {
			t.Errorf("%s 页没有引用任何样式表或脚本", k.Kind)
		}
		if total > pageBudget {
			t.Errorf("%s 页的样式表和脚本共 %d 字节，超过 %d 字节的上限", k.Kind, total, pageBudget)
		} else {
			t.Logf("%s 页：样式表和脚本共 %.1f KB，另有版本和引用脚本 %.1f KB", k.Kind, float64(total)/1024, float64(features)/1024)
		}
	}
}

// chainPage is the current version of a regulation with a version chain,
// which loads the version and citation scripts both.
func chainPage(t testing.TB, b *builtSite) kindPage {
	for _, c := range b.Site.Chains {
		return kindPage{"regulation-versions", c.Current().URL}
	}
	t.Fatal("示例站点没有版本链")
	return kindPage{}
}
