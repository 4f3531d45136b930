package build

import (
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"djkb"
)

// script is the payload planted in every field an editor controls.
const script = `<script>alert(1)</script>`

// TestHostileContentIsEscaped plants script tags, event handlers and
// javascript: and data: links in titles, front-matter values, link text,
// image alt text, tags and bodies, and checks that nothing of them reaches
// the output as markup.
func TestHostileContentIsEscaped(t *testing.T) {
	site := writeSite(t, map[string]string{
		"content/regulations/r.md": `+++
title = "标题` + script + `"
doc_number = "文号<img src=x onerror=alert(1)>"
issuer = ["机关` + script + `"]
tags = ["专题` + script + `", "<b onmouseover=alert(1)>粗</b>"]
summary = "摘要` + script + `"
history = [{date = 2020-01-01, event = "沿革` + script + `"}]
+++
第一条　正文` + script + `<img src=x onerror=alert(1)>

[链接文字` + script + `](javascript:alert(1)) [数据](data:text/html;base64,PHNjcmlwdD4=) [vb](VBScript:msgbox)

![替代文字` + script + `](logo.png "标题` + script + `")

<a href="javascript:alert(1)" onclick="alert(1)">原始链接</a>

<iframe src="http://example.com"></iframe>
`,
		"content/regulations/logo.png": "\x89PNG",
		"content/cases/c.md": `+++
title = "案例` + script + `"
unit = "单位` + script + `"
regulations = ["regulations/r.md"]
+++
## 基本情况` + script + `
`,
		"content/brands/b.md": `+++
title = "品牌"
slogan = "口号` + script + `"
logo = "x.svg\" onerror=\"alert(1)"
+++
`,
	})
	out := filepath.Join(t.TempDir(), "public")
	res, err := run(t, site, out)
	if err == nil {
		t.Fatal("the brand's missing logo should fail the build")
	}
	os.WriteFile(filepath.Join(site, "content/brands/b.md"), []byte("+++\ntitle = \"品牌\"\nslogan = \"口号"+script+"\"\n+++\n"), 0o644)
	res, err = run(t, site, out)
	if err != nil {
		t.Fatalf("%v %v", err, res.Diags)
	}
	if res.Warnings < 3 {
		t.Errorf("dropping unsafe links should warn, got %v", res.Diags)
	}
	// Escaped text cannot hurt; what must never appear is markup that
	// came from content: a tag with an event handler or a dangerous URL, or
	// a script or iframe element that is not one of the site's own.
	tag := regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>`)
	attr := regexp.MustCompile(`\s([a-zA-Z:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`)
	hostile := func(tg [][]byte) string {
		name := strings.ToLower(string(tg[1]))
		if name == "iframe" || name == "object" || name == "embed" || (name == "script" && !strings.Contains(string(tg[2]), "src=")) {
			return "element " + name
		}
		for _, a := range attr.FindAllSubmatch(tg[2], -1) {
			key := strings.ToLower(string(a[1]))
			val := strings.ToLower(strings.TrimSpace(html.UnescapeString(strings.Trim(string(a[2]), `"'`))))
			if strings.HasPrefix(key, "on") && !strings.HasPrefix(val, "djkbsearch.") { // the search page's own loader
				return "handler " + key
			}
			if (key == "href" || key == "src" || key == "action") && (strings.HasPrefix(val, "javascript:") || strings.HasPrefix(val, "vbscript:") || strings.HasPrefix(val, "data:text")) {
				return "URL " + val
			}
		}
		return ""
	}
	checked := 0
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".xml")) {
			return err
		}
		data, _ := os.ReadFile(p)
		for _, tg := range tag.FindAllSubmatch(data, -1) {
			if why := hostile(tg); why != "" {
				t.Errorf("%s: hostile markup reached the output (%s): %s", p, why, tg[0])
			}
		}
		checked++
		return nil
	})
	if checked < 10 {
		t.Fatalf("only %d files checked", checked)
	}
	page, _ := os.ReadFile(filepath.Join(out, "regulations/r/index.html"))
	if !strings.Contains(string(page), "标题&lt;script&gt;") {
		t.Errorf("the title should show as text")
	}
}

// TestAwkwardNames builds files whose names hold spaces, #, %, ?, and
// full-width punctuation, deep folders, and 10,000 files in one folder.
func TestAwkwardNames(t *testing.T) {
	files := map[string]string{}
	names := []string{"有 空格", "井号#1", "百分号%20", "问号？与?", "全角（括号）【】《》", "中文，标点。", "a&b", "单引号'双引号\""}
	for _, n := range names {
		files["content/regulations/"+n+".md"] = "# " + n + "\n\n第一条　内容。\n"
	}
	files["content/cases/链接.md"] = "# 链接\n\n[a](<../regulations/有 空格.md#第一条>) [b](../regulations/井号%231.md) [c](../regulations/百分号%2520.md)\n"
	deep := "content/regulations"
	for i := range 30 {
		deep += "/层" + string(rune('甲'+i))
	}
	files[deep+"/深处.md"] = "# 深处\n"
	n := 10000
	if testing.Short() {
		n = 200
	}
	for i := range n {
		files[fmt.Sprintf("content/regulations/大文件夹/文件%05d.md", i)] = fmt.Sprintf("第一条　内容%d。\n", i)
	}
	site := writeSite(t, files)
	out := filepath.Join(t.TempDir(), "public")
	res, err := run(t, site, out)
	if err != nil {
		t.Fatalf("%v %v", err, res.Diags)
	}
	if res.Pages < n+len(names)+2 {
		t.Errorf("built %d pages", res.Pages)
	}
	checkLinks(t, out, false)
}

// TestSymlinks refuses symbolic links that leave the site or loop, and
// reads those that stay inside it.
func TestSymlinks(t *testing.T) {
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.md"), []byte("# 机密\n"), 0o644)
	site := writeSite(t, map[string]string{"content/regulations/a.md": "# A\n"})
	c := filepath.Join(site, "content")
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(c, "regulations/secret.md")))
	must(os.Symlink(outside, filepath.Join(c, "regulations/外部文件夹")))
	must(os.Symlink("loop2", filepath.Join(c, "loop1")))
	must(os.Symlink("loop1", filepath.Join(c, "loop2")))
	must(os.Symlink("a.md", filepath.Join(c, "regulations/b.md")))
	res, err := run(t, site, filepath.Join(t.TempDir(), "public"))
	if err == nil {
		t.Fatal("links out of the site must fail the build")
	}
	want := map[string]string{
		"content/regulations/secret.md": "站点文件夹之外",
		"content/regulations/外部文件夹":     "站点文件夹之外",
		"content/loop1":                 "无法解析",
		"content/loop2":                 "无法解析",
	}
	for _, d := range res.Diags {
		if w, ok := want[d.Path]; ok && strings.Contains(d.Message, w) {
			delete(want, d.Path)
		}
		if d.Path == "content/regulations/b.md" {
			t.Errorf("a link inside the site should be read: %s", d)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing diagnostics for %v in %v", want, res.Diags)
	}
}

// TestHugeFile builds a 50 MB regulation.
func TestHugeFile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 50 MB page")
	}
	var b strings.Builder
	b.WriteString("# 超大文件\n\n")
	for i := 0; b.Len() < 50<<20; i++ {
		fmt.Fprintf(&b, "第%d条　本条规定了党支部工作的有关事项，各级党组织应当认真执行，不得打折扣、搞变通。\n\n", i)
	}
	site := writeSite(t, map[string]string{"content/regulations/超大.md": b.String()})
	out := filepath.Join(t.TempDir(), "public")
	res, err := Run(Options{SiteDir: site, OutDir: out, Defaults: djkb.Defaults})
	if err != nil {
		t.Fatalf("%v %v", err, res.Diags)
	}
	st, err := os.Stat(filepath.Join(out, "regulations/超大/index.html"))
	if err != nil || st.Size() < 50<<20 {
		t.Fatalf("huge page not written whole: %v", err)
	}
}
