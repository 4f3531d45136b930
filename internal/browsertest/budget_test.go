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

var assetRe = regexp.MustCompile(`<(?:link[^>]+rel="stylesheet"[^>]*href|script[^>]+src)="([^"]+)"`)

// TestAssetBudget adds up the stylesheets (print included) and scripts each
// kind of page loads. The search page, which carries its own search code,
// is left to the search budget.
func TestAssetBudget(t *testing.T) {
	b := sample(t, false)
	for _, k := range pagesOfEachKind(t, b) {
		if k.Kind == "search" {
			continue
		}
		file := filepath.Join(b.Out, filepath.FromSlash(site.OutputFile(k.URL)))
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		total := 0
		for _, m := range assetRe.FindAllStringSubmatch(string(data), -1) {
			ref := html.UnescapeString(m[1])
			asset := path.Join(path.Dir(site.OutputFile(k.URL)), ref)
			fi, err := os.Stat(filepath.Join(b.Out, filepath.FromSlash(asset)))
			if err != nil {
				t.Errorf("%s 页引用的 %s 不存在", k.Kind, ref)
				continue
			}
			total += int(fi.Size())
		}
		if total == 0 {
			t.Errorf("%s 页没有引用任何样式表或脚本", k.Kind)
		}
		if total > pageBudget {
			t.Errorf("%s 页的样式表和脚本共 %d 字节，超过 %d 字节的上限", k.Kind, total, pageBudget)
		} else {
			t.Logf("%s 页：样式表和脚本共 %.1f KB", k.Kind, float64(total)/1024)
		}
	}
}
