package build

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"djkb"
	"djkb/internal/sitetest"
)

// writeSite makes a site folder from file contents keyed by path.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if _, ok := files["site.toml"]; !ok {
		files["site.toml"] = "title = \"测试站点\"\n"
	}
	sitetest.Write(t, dir, files)
	return dir
}

func run(t *testing.T, siteDir, out string) (*Result, error) {
	t.Helper()
	return Run(Options{SiteDir: siteDir, OutDir: out, Defaults: djkb.Defaults})
}

// snapshot hashes every file below dir, so two states can be compared.
func snapshot(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	snap := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		snap[p] = sha256.Sum256(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

var (
	refRe = regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	idRe  = regexp.MustCompile(`\sid="([^"]*)"`)
)

// checkLinks asserts that every href and src in the HTML files below out
// resolves to a file of the output, and every #fragment to an id in it. In
// file mode, links to folders must name index.html.
func checkLinks(t *testing.T, out string, fileMode bool) {
	t.Helper()
	ids := map[string]map[string]bool{}
	idsOf := func(file string) map[string]bool {
		if m, ok := ids[file]; ok {
			return m
		}
		m := map[string]bool{}
		data, _ := os.ReadFile(file)
		for _, id := range idRe.FindAllStringSubmatch(string(data), -1) {
			m[html.UnescapeString(id[1])] = true
		}
		ids[file] = m
		return m
	}
	checked := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range refRe.FindAllStringSubmatch(string(data), -1) {
			ref := html.UnescapeString(m[1])
			if ref == "" || strings.HasPrefix(ref, "http:") || strings.HasPrefix(ref, "https:") || strings.HasPrefix(ref, "mailto:") || strings.HasPrefix(ref, "data:") {
				continue
			}
			if strings.HasPrefix(ref, "/") || strings.Contains(ref, "://") {
				t.Errorf("%s: link %q is not relative", p, ref)
				continue
			}
			u, err := url.Parse(ref)
			if err != nil {
				t.Errorf("%s: bad link %q", p, ref)
				continue
			}
			target := p
			if u.Path != "" {
				target = filepath.Join(filepath.Dir(p), filepath.FromSlash(u.Path))
				if strings.HasSuffix(u.Path, "/") || u.Path == "." || u.Path == ".." {
					if fileMode {
						t.Errorf("%s: link %q names a folder, which does not open from file://", p, ref)
					}
					target = filepath.Join(target, "index.html")
				}
			}
			if _, err := os.Stat(target); err != nil {
				t.Errorf("%s: link %q points to a missing file", p, ref)
				continue
			}
			if u.Fragment != "" && strings.HasSuffix(target, ".html") && !idsOf(target)[u.Fragment] {
				t.Errorf("%s: link %q points to a missing anchor", p, ref)
			}
			checked++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 1000 {
		t.Errorf("only %d links checked; the sample site should have many more", checked)
	}
}

// TestSampleSiteLinksResolve builds the sample site in both link modes and
// checks that every href and src resolves to a file and anchor.
func TestSampleSiteLinksResolve(t *testing.T) {
	root, _ := filepath.Abs("../..")
	for _, fileMode := range []bool{false, true} {
		t.Run(fmt.Sprintf("file_links=%v", fileMode), func(t *testing.T) {
			site := copySample(t, root, fmt.Sprintf("file_links = %v\n", fileMode))
			out := filepath.Join(t.TempDir(), "public")
			res, err := run(t, site, out)
			if err != nil {
				t.Fatalf("sample site does not build: %v\n%v", err, res.Diags)
			}
			if res.Warnings != 0 {
				t.Errorf("sample site has warnings: %v", res.Diags)
			}
			checkLinks(t, out, fileMode)
		})
	}
}

// copySample copies the sample site's site.toml (with extra settings put
// first) and content/ into a new folder.
func copySample(t testing.TB, root, extra string) string {
	t.Helper()
	dir := t.TempDir()
	cfg, err := os.ReadFile(filepath.Join(root, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg = regexp.MustCompile(`(?m)^file_links\s*=.*$`).ReplaceAll(cfg, nil)
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), append([]byte(extra), cfg...), 0o644); err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(filepath.Join(root, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestFailedBuildKeepsOutput checks that a build with errors leaves the
// previous output byte for byte as it was.
func TestFailedBuildKeepsOutput(t *testing.T) {
	good := map[string]string{
		"content/regulations/甲条例.md": "+++\ntitle = \"甲条例\"\n+++\n第一条　内容。\n",
		"content/cases/乙案例.md":       "# 乙案例\n\n适用[甲条例](../regulations/甲条例.md#第一条)。\n",
	}
	site := writeSite(t, good)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := run(t, site, out); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	if len(before) < 5 {
		t.Fatalf("first build wrote only %d files", len(before))
	}
	breakages := map[string][2]string{
		"front matter":  {"content/regulations/甲条例.md", "+++\ntitle = \"甲条例\n+++\n"},
		"broken link":   {"content/cases/乙案例.md", "# 乙案例\n\n[没有](../regulations/丙.md)\n"},
		"bad template":  {"layouts/page.html", "{{define \"main\"}}{{.Nope}{{end}}"},
		"bad site.toml": {"site.toml", "title = \n"},
	}
	for name, b := range breakages {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(site, filepath.FromSlash(b[0]))
			old, _ := os.ReadFile(p)
			os.MkdirAll(filepath.Dir(p), 0o755)
			os.WriteFile(p, []byte(b[1]), 0o644)
			defer func() {
				if old == nil {
					os.Remove(p)
				} else {
					os.WriteFile(p, old, 0o644)
				}
			}()
			_, err := run(t, site, out)
			if !errors.Is(err, ErrFailed) {
				t.Fatalf("want ErrFailed, got %v", err)
			}
			after := snapshot(t, out)
			if len(after) != len(before) {
				t.Fatalf("output changed: %d files before, %d after", len(before), len(after))
			}
			for k, v := range before {
				if after[k] != v {
					t.Fatalf("output file %s changed", k)
				}
			}
			leftovers := leftBeside(out)
			if len(leftovers) > 0 {
				t.Errorf("temporary folders left behind: %v", leftovers)
			}
		})
	}
}

// TestBuildErrors checks each kind of bad input named in the generator
// issue: the build fails with a message that names file and line.
func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string // each "path:line: 错误：…substring"
	}{
		{"missing page", map[string]string{
			"content/cases/a.md": "# A\n\n第二行\n[链接](../regulations/无.md)\n"},
			[]string{"content/cases/a.md:4: 错误：链接指向的页面“../regulations/无.md”不存在"}},
		{"missing anchor", map[string]string{
			"content/regulations/r.md": "# R\n\n第一条　内容。\n",
			"content/cases/a.md":       "# A\n\n[第九条](../regulations/r.md#第九条)\n"},
			[]string{"content/cases/a.md:3: 错误：页面“regulations/r.md”中没有锚点“#第九条”"}},
		{"anchor written with spaces", map[string]string{
			"content/regulations/r.md": "# R\n\n## 第一章　总则\n",
			"content/cases/a.md":       "# A\n\n[总则](<../regulations/r.md#第一章　总则>)\n"},
			[]string{"content/cases/a.md:3: 错误：页面“regulations/r.md”中没有锚点“#第一章　总则”：标题的锚点应写作“#第一章-总则”"}},
		{"climbs out", map[string]string{
			"content/cases/a.md": "# A\n\n[密码](../../../etc/passwd)\n"},
			[]string{"content/cases/a.md:3: 错误：链接“../../../etc/passwd”指向了站点之外"}},
		{"missing image", map[string]string{
			"content/cases/a.md": "# A\n\n![图](无.png)\n"},
			[]string{"content/cases/a.md:3: 错误：图片指向的文件“无.png”不存在"}},
		{"same URL by slug", map[string]string{
			"content/cases/a.md": "+++\nslug = \"b\"\n+++\n",
			"content/cases/b.md": "# B\n"},
			[]string{"content/cases/b.md: 错误：生成的网址 cases/b/ 与 content/cases/a.md 的网址相同"}},
		{"URLs differ only in case", map[string]string{
			"content/cases/Abc.md": "# 1\n",
			"content/cases/abc.md": "# 2\n"},
			[]string{"content/cases/abc.md: 错误：生成的网址 cases/abc/ 与 content/cases/Abc.md 的网址（cases/Abc/）只有字母大小写不同"}},
		{"file and folder share a URL", map[string]string{
			"content/cases/x.md":   "# X\n",
			"content/cases/x/y.md": "# Y\n"},
			[]string{"content/cases/x.md: 错误：生成的网址 cases/x/ 与文件夹 content/cases/x 的网址相同"}},
		{"page where a list's second page goes", map[string]string{
			"site.toml":               "page_size = 1\n",
			"content/cases/a.md":      "# A\n",
			"content/cases/page/2.md": "# 2\n"},
			[]string{"content/cases/page/2.md: 错误：生成的网址 cases/page/2/ 与栏目“典型案例”列表的第 2 页相同"}},
		{"page where the search page goes", map[string]string{
			"content/search.md": "+++\ntitle = \"搜索说明\"\n+++\n"},
			[]string{"content/search.md: 错误：生成的网址 search/ 与搜索页相同"}},
		{"case applies missing regulation", map[string]string{
			"content/cases/a.md": "+++\ntitle = \"A\"\nregulations = [\"regulations/无.md\"]\n+++\n"},
			[]string{"content/cases/a.md:3: 错误：“regulations”指向的页面“regulations/无.md”不存在"}},
		{"brand logo missing", map[string]string{
			"content/brands/a.md": "+++\ntitle = \"A\"\n\nlogo = \"a.svg\"\n+++\n"},
			[]string{"content/brands/a.md:4: 错误：logo 指向的图片“a.svg”不存在"}},
		{"several errors at once", map[string]string{
			"content/regulations/a.md": "+++\nstatus = \"有效\"\n+++\n",
			"content/regulations/b.md": "+++\ntrial = \"是\"\n+++\n"},
			[]string{"content/regulations/a.md:2: 错误：“status”的值“有效”不在允许范围内", "content/regulations/b.md:2: 错误：“trial”的值“是”不在允许范围内"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := writeSite(t, tt.files)
			res, err := run(t, site, filepath.Join(t.TempDir(), "public"))
			if !errors.Is(err, ErrFailed) {
				t.Fatalf("want ErrFailed, got %v", err)
			}
			var got []string
			for _, d := range res.Diags {
				got = append(got, d.String())
			}
			sort.Strings(got)
			for _, w := range tt.want {
				found := false
				for _, g := range got {
					found = found || strings.HasPrefix(g, w)
				}
				if !found {
					t.Errorf("missing diagnostic\n  want %s\n  got  %s", w, strings.Join(got, "\n       "))
				}
			}
		})
	}
}

// TestPlainMarkdownFolder builds a folder of plain Markdown files, as an
// office would copy them in: no front matter, dates in names, Chinese names.
func TestPlainMarkdownFolder(t *testing.T) {
	site := writeSite(t, map[string]string{
		"content/regulations/国家法律/中华人民共和国某法（2019年修订）(2019-07-25).md": "# 中华人民共和国某法\n\n第一条　为了……\n",
		"content/regulations/国家法律/无标题 文件.md":                         "第一条　只有条文。\n",
		"content/regulations/国家法律/图/README.md":                       "---\nsidebar: auto\n---\n\n# 某条例\n\n![图](./img.png)\n",
		"content/regulations/国家法律/图/img.png":                         "\x89PNG",
	})
	out := filepath.Join(t.TempDir(), "public")
	res, err := run(t, site, out)
	if err != nil {
		t.Fatalf("%v %v", err, res.Diags)
	}
	for _, want := range []string{
		"regulations/国家法律/中华人民共和国某法（2019年修订）(2019-07-25)/index.html",
		"regulations/国家法律/无标题 文件/index.html",
		"regulations/国家法律/图/index.html", // the folder's README is its one document
		"regulations/国家法律/图/img.png",
	} {
		if _, err := os.Stat(filepath.Join(out, want)); err != nil {
			t.Errorf("missing %s", want)
		}
	}
	page, _ := os.ReadFile(filepath.Join(out, "regulations/国家法律/图/index.html"))
	m := regexp.MustCompile(`<img src="([^"]+)"`).FindStringSubmatch(string(page))
	if m == nil {
		t.Fatal("image missing from the page")
	}
	src, _ := url.PathUnescape(m[1])
	if _, err := os.Stat(filepath.Join(out, "regulations/国家法律/图", src)); err != nil {
		t.Errorf("image link %q does not resolve from the page", m[1])
	}
	if strings.Count(string(page), "某条例</h1>") != 1 {
		t.Errorf("title heading should appear once")
	}
	s := res.Site
	if p := s.Page("regulations/国家法律/中华人民共和国某法（2019年修订）(2019-07-25).md"); p == nil || p.Date.Format("2006-01-02") != "2019-07-25" {
		t.Errorf("date from file name not used")
	}
	if p := s.Page("regulations/国家法律/无标题 文件.md"); p == nil || p.Title != "无标题 文件" {
		t.Errorf("title from file name not used")
	}
}

// TestStaticFiles checks what a build copies from static/: the built-in
// style sheets and scripts minified, their tests left out, and a site's own
// files, which override the built-in ones, byte for byte, unless they are
// copies of built-in ones (as this repository's static/ is for the sample
// site).
func TestStaticFiles(t *testing.T) {
	builtin := func(name string) string {
		b, err := fs.ReadFile(djkb.Defaults, "static/"+name)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	own := "/* 本单位样式 */\nbody {\n  color: #333;\n}\n"
	dir := writeSite(t, map[string]string{
		"content/regulations/a.md":      "# 甲\n\n正文。\n",
		"static/css/print.css":          own,
		"static/js/extra.js":            "// 本单位脚本\nvar  x = 1 ;\n",
		"static/js/site.js":             builtin("js/site.js"),
		"static/js/test/engine.test.js": builtin("js/test/engine.test.js"),
	})
	out := filepath.Join(t.TempDir(), "public")
	if _, err := run(t, dir, out); err != nil {
		t.Fatal(err)
	}
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, name := range []string{"css/site.css", "js/site.js", "js/search.bundle.js"} {
		want := builtin(name)
		if got := read(name); len(got) >= len(want) || len(got) < len(want)/3 {
			t.Errorf("%s: %d bytes in the site, %d built in: not minified", name, len(got), len(want))
		}
	}
	if got := string(read("css/print.css")); got != own {
		t.Errorf("the site's own print.css became %q", got)
	}
	if got := string(read("js/extra.js")); got != "// 本单位脚本\nvar  x = 1 ;\n" {
		t.Errorf("the site's own extra.js became %q", got)
	}
	if _, err := os.Stat(filepath.Join(out, "js/test")); !os.IsNotExist(err) {
		t.Errorf("the scripts' tests were copied into the site (%v)", err)
	}
}
