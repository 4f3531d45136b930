package compilation_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"djkb"
	"djkb/internal/build"
	"djkb/internal/compilation"
	"djkb/internal/sitetest"
)

// decidedSite is a site whose batch decided 甲办法 废止 and 乙办法 宣布失效;
// published says whether the batch's decision is issued.
func decidedSite(t *testing.T, published bool) string {
	t.Helper()
	dir := t.TempDir()
	pub := "false"
	if published {
		pub = "true"
	}
	reg := func(title, result, ground string) string {
		return "+++\ntitle = \"" + title + "\"\nsystem = \"本单位制度\"\nstatus = \"现行有效\"\nissued = 2020-01-01\n" +
			"cleanup = [{batch = \"2026年度清理\", result = \"" + result + "\", date = 2026-11-18, ground = \"" + ground + "\"}]\n+++\n\n第一条　正文。\n"
	}
	sitetest.Write(t, dir, map[string]string{
		"site.toml": "title = \"测试库\"\nunit = \"某局机关党委\"\n[cleanup.batch]\nname = \"2026年度清理\"\npublished = " + pub +
			"\ndecision = \"关于废止部分制度的决定\"\ndoc_number = \"某党〔2026〕9号\"\ndate = 2026-11-20\n",
		"content/regulations/甲办法.md": reg("甲办法", "废止", "不适应新形势"),
		"content/regulations/乙办法.md": reg("乙办法", "宣布失效", "调整对象已消失"),
		"content/regulations/丙办法.md": reg("丙办法", "继续有效", ""),
	})
	return dir
}

// TestPublishedDecisionChangesStatusEverywhere: once the batch is
// published, 甲办法 is 已废止 on its page, in the search index's status
// filter and in the digest's 废止目录, with the batch's decision as its
// 废止依据; before, it is in force everywhere.
func TestPublishedDecisionChangesStatusEverywhere(t *testing.T) {
	for _, published := range []bool{false, true} {
		dir := decidedSite(t, published)
		out := filepath.Join(t.TempDir(), "public")
		if _, err := build.Run(build.Options{SiteDir: dir, OutDir: out, Defaults: djkb.Defaults}); err != nil {
			t.Fatal(err)
		}
		page, _ := os.ReadFile(filepath.Join(out, "regulations", "甲办法", "index.html"))
		onPage := strings.Contains(string(page), "本文件已废止") && strings.Contains(string(page), "关于废止部分制度的决定")
		voidPage, _ := os.ReadFile(filepath.Join(out, "regulations", "乙办法", "index.html"))
		voidOnPage := strings.Contains(string(voidPage), "本文件已宣布失效")

		facet := searchStatus(t, out, "甲办法")

		s := load(t, dir)
		_, html := compile(t, s, dir, compilation.Options{})
		inAppendix := regexp.MustCompile(`(?s)废止目录.*甲办法.*关于废止部分制度的决定（某党〔2026〕9号）`).MatchString(html)
		inBody := strings.Contains(html, `<h3 class="item-title">甲办法`)

		if published != onPage || published != voidOnPage || (facet == "已废止") != published || published != inAppendix || published == inBody {
			t.Errorf("published=%v：页面 %v/%v，搜索筛选 %q，汇编附录 %v，正文收录 %v", published, onPage, voidOnPage, facet, inAppendix, inBody)
		}
	}
}

// searchStatus returns the status the search index gives the document
// titled title: its record's last number indexes the manifest's statuses.
func searchStatus(t *testing.T, out, title string) string {
	t.Helper()
	manifest, err := os.ReadFile(filepath.Join(out, "search", "manifest.js"))
	if err != nil {
		t.Fatal(err)
	}
	var statuses []string
	m := regexp.MustCompile(`"statuses":(\[[^\]]*\])`).FindSubmatch(manifest)
	if m == nil || json.Unmarshal(m[1], &statuses) != nil {
		t.Fatalf("manifest.js 中没有 statuses")
	}
	files, _ := filepath.Glob(filepath.Join(out, "search", "m", "*.js"))
	rec := regexp.MustCompile(`\["` + title + `",[^\]]*,(\d+)\]`)
	for _, f := range files {
		data, _ := os.ReadFile(f)
		if m := rec.FindSubmatch(data); m != nil {
			var i int
			json.Unmarshal(m[1], &i)
			if i >= 1 && i <= len(statuses) {
				return statuses[i-1]
			}
		}
	}
	t.Fatalf("搜索索引中没有“%s”", title)
	return ""
}
