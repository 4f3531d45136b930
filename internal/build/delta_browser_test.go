package build

import (
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"djkb/internal/chromium/chromiumtest"
)

// TestSessionDeltaBrowser serves a session's files to headless Chromium,
// edits a regulation — a phrase removed, one added, its status changed —
// and checks on the search page, after the rebuild that carries the delta
// index and before the whole index is written again, that the new phrase
// finds it, the removed one does not, and the status filter counts it anew.
func TestSessionDeltaBrowser(t *testing.T) {
	sess, site := sampleSession(t, true)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		data, ok := sess.File(name)
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(name)))
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(data)
	}))
	defer srv.Close()
	ctx := chromiumtest.New(t)

	const (
		rel     = "content/regulations/党内规范性文件/东江省直机关党建品牌培育管理办法（试行）.md"
		doc     = "regulations/党内规范性文件/东江省直机关党建品牌培育管理办法（试行）.md"
		removed = "以红色、金色为主色调"
		added   = "增量索引测试短语"
	)
	type answer struct {
		Paths  []string       `json:"paths"`
		Exact  bool           `json:"exact"`
		Counts map[string]int `json:"counts"`
	}
	ask := func(q string) answer {
		t.Helper()
		js := `djkbSearch.search(` + jsString(q) + `, {limit: 20, facets: true}).then(r => ({
			paths: r.results.map(x => x.path), exact: !r.partial && r.total > 0,
			counts: Object.fromEntries(r.facets.find(f => f.key === 'status').values.map(v => [v.value, v.count]))}))`
		a, err := chromedp.Run(ctx, chromedp.Evaluate[answer](js, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	open := func() {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/search/")); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!(window.djkbSearch && djkbSearch.index)`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
			t.Fatal(err)
		}
	}

	open()
	before := ask(removed)
	if !before.Exact || !slices.Contains(before.Paths, doc) {
		t.Fatalf("before the edit %s finds %v", removed, before.Paths)
	}
	if a := ask(added); a.Exact {
		t.Fatalf("before the edit %s finds %v", added, a.Paths)
	}
	browse := ask("")

	src, err := os.ReadFile(filepath.Join(site, rel))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(src), removed+"，", "", 1)
	text = strings.Replace(text, `status = "现行有效"`, `status = "已废止"`, 1)
	text += "\n第九十九条　" + added + "。\n"
	if err := os.WriteFile(filepath.Join(site, rel), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	sess.Changed([]string{rel})
	if _, _, err := sess.Build(); err != nil {
		t.Fatal(err)
	}
	if m, _ := sess.File("search/manifest.js"); !strings.HasPrefix(string(m), `djkbSearch._register("x/manifest",`) {
		t.Fatal("the rebuild left no delta index")
	}

	open()
	if a := ask(added); !a.Exact || len(a.Paths) != 1 || a.Paths[0] != doc {
		t.Errorf("after the edit %s finds %v (exact %v)", added, a.Paths, a.Exact)
	}
	if a := ask(removed); a.Exact {
		t.Errorf("after the edit %s still finds %v", removed, a.Paths)
	}
	after := ask("")
	if after.Counts["现行有效"] != browse.Counts["现行有效"]-1 || after.Counts["已废止"] != browse.Counts["已废止"]+1 {
		t.Errorf("status counts before %v, after %v", browse.Counts, after.Counts)
	}
	if r := ask(""); len(r.Paths) == 0 {
		t.Error("browsing finds nothing")
	}
}

// jsString quotes s for JavaScript.
func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
