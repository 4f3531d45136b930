package site

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"djkb/internal/config"
	"djkb/internal/content"
	"djkb/internal/diag"
)

// modelDiags builds the model of a site from Markdown files (content path
// → text), asset paths and static files, and returns its messages as
// "file:line: 严重程度：message".
func modelDiags(t *testing.T, files map[string]string, assets []string, static []StaticFile) []string {
	t.Helper()
	var diags diag.List
	set := &content.Set{}
	for _, p := range slices.Sorted(func(yield func(string) bool) {
		for p := range files {
			if !yield(p) {
				return
			}
		}
	}) {
		set.Sources = append(set.Sources, content.Parse(p, []byte(files[p]), &diags))
	}
	for _, a := range assets {
		set.Assets = append(set.Assets, content.Asset{Path: a})
	}
	if diags.HasErrors() {
		t.Fatalf("test files do not parse: %v", diags.Items())
	}
	New(config.Default(), set, static, &diags)
	var out []string
	for _, d := range diags.Items() {
		out = append(out, d.String())
	}
	return out
}

var builtin = []StaticFile{{Path: "js/site.js", Builtin: true}, {Path: "css/site.css", Builtin: true}}

func TestOutputCollisions(t *testing.T) {
	nfc, nfd := norm.NFC.String("café"), norm.NFD.String("café")
	tests := []struct {
		name   string
		files  map[string]string
		assets []string
		static []StaticFile
		want   []string // each the start of a message, and after a "|" what else it must say
	}{
		{name: "tags whose URLs are the same",
			files: map[string]string{
				"cases/a.md": "+++\ntitle = \"A\"\ntags = [\"党建/品牌\"]\n+++\n",
				"cases/b.md": "+++\ntitle = \"B\"\n\ntags = [\"党建-品牌\"]\n+++\n",
			},
			want: []string{"content/cases/a.md:3: 错误：专题“党建/品牌”的网址 tags/党建-品牌/ 与 content/cases/b.md 中专题“党建-品牌”的网址相同，两者会互相覆盖：请修改“tags”中的这个值"}},
		{name: "tags that differ in case",
			files: map[string]string{
				"cases/a.md": "+++\ntags = [\"Go\"]\n+++\n",
				"cases/b.md": "+++\ntags = [\"go\"]\n+++\n",
			},
			want: []string{"content/cases/b.md:2: 错误：专题“go”的网址 tags/go/ 与 content/cases/a.md 中专题“Go”的网址（tags/Go/）只有字母大小写不同"}},
		{name: "tags in two Unicode forms",
			files: map[string]string{
				"cases/a.md": "+++\ntags = [\"" + nfc + "\"]\n+++\n",
				"cases/b.md": "+++\ntags = [\"" + nfd + "\"]\n+++\n",
			},
			want: []string{"content/cases/|看起来一样，但字符的 Unicode 编码不同"}},
		{name: "pages in two Unicode forms",
			files: map[string]string{"cases/" + nfc + ".md": "# 1\n", "cases/" + nfd + ".md": "# 2\n"},
			want:  []string{"content/cases/" + nfc + ".md: 错误：生成的网址 cases/" + nfc + "/ 与 content/cases/" + nfd + ".md 的网址|看起来一样"}},
		{name: "folders that differ in case",
			files: map[string]string{"Cases/a.md": "# A\n", "cases/b.md": "# B\n"},
			want:  []string{"content/cases: 错误：文件夹的网址 cases/ 与文件夹 content/Cases 的网址（Cases/）只有字母大小写不同"}},
		{name: "folder in case and its _index.md",
			files: map[string]string{"Cases/_index.md": "# 案例\n", "cases/b.md": "# B\n"},
			want:  []string{"content/Cases/_index.md: 错误：生成的网址 Cases/ 与文件夹 content/cases 的网址（cases/）只有字母大小写不同"}},
		{name: "assets that differ in case",
			files:  map[string]string{"a.md": "# A\n"},
			assets: []string{"img/A.png", "img/a.png"},
			want:   []string{"content/img/a.png: 错误：复制到网站中的 img/a.png 与文件 content/img/A.png（img/A.png）只有字母大小写不同"}},
		{name: "content script replaces the built-in one",
			files:  map[string]string{"a.md": "# A\n"},
			assets: []string{"js/site.js"},
			static: builtin,
			want:   []string{"content/js/site.js: 错误：复制到网站中的 js/site.js 与内置文件（js/site.js）相同，两者会互相覆盖：请给文件改名或移到其他文件夹"}},
		{name: "content file replaces a static one",
			files:  map[string]string{"a.md": "# A\n"},
			assets: []string{"css/Site.css"},
			static: []StaticFile{{Path: "css/site.css"}},
			want:   []string{"content/css/Site.css: 错误：复制到网站中的 css/Site.css 与文件 static/css/site.css（css/site.css）只有字母大小写不同"}},
		{name: "content index.html",
			files:  map[string]string{"a.md": "# A\n"},
			assets: []string{"index.html"},
			want:   []string{"content/index.html: 错误：复制到网站中的 index.html 与首页相同"}},
		{name: "content index.html beside _index.md",
			files:  map[string]string{"_index.md": "# 首页\n"},
			assets: []string{"index.html"},
			want:   []string{"content/index.html: 错误：复制到网站中的 index.html 与 content/_index.md 的网址相同"}},
		{name: "static index.html",
			files:  map[string]string{"a.md": "# A\n"},
			static: []StaticFile{{Path: "index.html"}},
			want:   []string{"static/index.html: 错误：复制到网站中的 index.html 与首页相同"}},
		{name: "sitemap and feed",
			files:  map[string]string{"a.md": "# A\n"},
			assets: []string{"sitemap.xml", "feed.xml", "404.html"},
			want: []string{
				"content/404.html: 错误：复制到网站中的 404.html 与“页面不存在”页（404.html）相同",
				"content/feed.xml: 错误：复制到网站中的 feed.xml 与订阅源（feed.xml）相同",
				"content/sitemap.xml: 错误：复制到网站中的 sitemap.xml 与站点地图（sitemap.xml）相同"}},
		{name: "the sums file",
			files:  map[string]string{"a.md": "# A\n"},
			static: []StaticFile{{Path: "js/sums.js"}},
			want:   []string{"static/js/sums.js: 错误：复制到网站中的 js/sums.js 与各页的更新标记（js/sums.js）相同"}},
		{name: "content in the search index's folder",
			files:  map[string]string{"a.md": "# A\n"},
			assets: []string{"Search/c.js"},
			want:   []string{"content/Search/c.js: 错误：复制到网站中的 Search/c.js 位于搜索索引的文件夹（search/）中"}},
		{name: "a file where a folder goes",
			files:  map[string]string{"cases/x/y.md": "# Y\n"},
			assets: []string{"cases/x"},
			want:   []string{"content/cases/x: 错误：复制到网站中的 cases/x 与文件夹 content/cases/x 的网址冲突：输出中同一个名称既要作文件又要作文件夹"}},
		{name: "a page where a built-in file goes",
			files:  map[string]string{"css/site.css.md": "# Y\n"},
			static: builtin,
			want:   []string{"content/css/site.css.md: 错误：生成的网址 css/site.css/ 与内置文件（css/site.css）冲突"}},
		{name: "a page where a term goes",
			files: map[string]string{"tags/甲.md": "# 甲\n", "cases/b.md": "+++\ntags = [\"甲\"]\n+++\n"},
			want: []string{
				"content/cases/b.md:2: 错误：专题“甲”的网址 tags/甲/ 与 content/tags/甲.md 的网址相同",
				"site.toml: 错误：分类“专题”的页面（tags/）与文件夹 content/tags 的网址相同"}},
		{name: "a page with its file name and a slug",
			files: map[string]string{"cases/a.md": "+++\ntitle = \"A\"\nslug = \"b\"\n+++\n", "cases/b.md": "# B\n"},
			want:  []string{"content/cases/b.md: 错误：生成的网址 cases/b/ 与 content/cases/a.md 的网址相同"}},
		{name: "a taxonomy where a folder goes",
			files: map[string]string{"tags/a.md": "# A\n"},
			want:  []string{"site.toml: 错误：分类“专题”的页面（tags/）与文件夹 content/tags 的网址相同，两者会互相覆盖：请修改 site.toml 中该分类的 path"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := modelDiags(t, tt.files, tt.assets, tt.static)
			for _, w := range tt.want {
				start, also, _ := strings.Cut(w, "|")
				if !slices.ContainsFunc(got, func(g string) bool {
					return strings.HasPrefix(g, start) && strings.Contains(g, also)
				}) {
					t.Errorf("missing\n  %s\ngot\n  %s", w, strings.Join(got, "\n  "))
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("want %d messages, got %d:\n  %s", len(tt.want), len(got), strings.Join(got, "\n  "))
			}
		})
	}
}

// TestOutputsFine checks that a site with the usual kinds of files and a
// static folder that replaces built-in files has no collisions.
func TestOutputsFine(t *testing.T) {
	got := modelDiags(t, map[string]string{
		"_index.md":               "# 首页\n",
		"regulations/_index.md":   "# 法规\n",
		"regulations/甲/a.md":      "+++\ntitle = \"A\"\ntags = [\"党建\", \"Go\"]\nissuer = [\"中共中央\"]\n+++\n",
		"regulations/甲/b.md":      "+++\ntitle = \"B\"\ntags = [\"党建\"]\n+++\n",
		"cases/c.md":              "+++\ntitle = \"C\"\ntags = [\"go2\"]\n+++\n",
		"brands/d.md":             "+++\ntitle = \"D\"\nslug = \"dd\"\n+++\n",
		"search-help.md":          "# 搜索帮助\n",
		"regulations/甲/_index.md": "# 甲\n",
	}, []string{"regulations/甲/img.png", "brands/logo.svg", "files/a.pdf"},
		append([]StaticFile{{Path: "js/site.js"}, {Path: "img/logo.png"}}, builtin[1:]...))
	if len(got) > 0 {
		t.Errorf("unexpected messages:\n  %s", strings.Join(got, "\n  "))
	}
}

func TestOutputLengths(t *testing.T) {
	long := strings.Repeat("长", 100) // 300 bytes
	deep := strings.Repeat("很长的文件夹名称/", 25)
	tests := []struct {
		name   string
		files  map[string]string
		assets []string
		want   string
	}{
		{"tag", map[string]string{"cases/a.md": "+++\ntitle = \"A\"\ntags = [\"" + long + "\"]\n+++\n"}, nil,
			"content/cases/a.md:3: 错误：“tags”的值“长长长长长长长长长长长长长长长长长长长长…”太长：作为文件或文件夹的名称有 300 字节，超过了文件系统允许的 255 字节"},
		{"issuer", map[string]string{"regulations/a.md": "+++\ntitle = \"A\"\nissuer = [\"" + long + "\"]\n+++\n"}, nil,
			"content/regulations/a.md:3: 错误：“issuer”的值“长长"},
		{"slug", map[string]string{"cases/a.md": "+++\ntitle = \"A\"\nslug = \"" + long + "\"\n+++\n"}, nil,
			"content/cases/a.md:3: 错误：“slug”的值“长长"},
		{"slug of ASCII", map[string]string{"cases/a.md": "+++\nslug = \"" + strings.Repeat("x", 256) + "\"\n+++\n"}, nil,
			"content/cases/a.md:2: 错误：“slug”的值“xxxxxxxxxxxxxxxxxxxx…”太长：作为文件或文件夹的名称有 256 字节"},
		{"asset", map[string]string{"a.md": "# A\n"}, []string{"files/" + long + ".pdf"}, "content/files/" + long + ".pdf: 错误：文件名“长长"},
		{"backslash in a file name", map[string]string{"cases/back\\slash.md": "# A\n"}, nil,
			"content/cases/back\\slash.md: 错误：文件名“back\\slash”含有反斜杠"},
		{"deep folders", map[string]string{deep + "十个字的文件名称啊啊.md": "# A\n"}, nil,
			"content/" + deep + "十个字的文件名称啊啊.md: 警告：生成的网址 很长的文件夹名称/很长的文件夹名称/很长的文件夹名称/很长的文件夹名称/很长的文件夹名称/很长的文件夹名称/… 在输出文件夹中的路径有 246 个字符，加上共享文件夹本身的路径会超过 Windows 的 260 个字符限制，复制到 Windows 共享文件夹后可能无法打开：请缩短文件夹名或文件名"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := modelDiags(t, tt.files, tt.assets, nil)
			if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, tt.want) }) {
				t.Errorf("missing\n  %s\ngot\n  %s", tt.want, strings.Join(got, "\n  "))
			}
			for _, g := range got {
				if _, msg, _ := strings.Cut(g, "："); strings.Contains(msg, long) {
					t.Errorf("a message shows the whole long value: %s", g)
				}
			}
		})
	}
	// Of a tree too deep, only the outermost folder too long is named.
	deeper := strings.TrimSuffix(strings.Repeat("很长的文件夹名称/", 26), "/")
	got := modelDiags(t, map[string]string{deeper + "/更深/更深/更深/a.md": "# A\n"}, nil, nil)
	if want := "content/" + deeper + ": 警告：文件夹的网址 "; len(got) != 1 || !strings.HasPrefix(got[0], want) {
		t.Errorf("want one message that starts\n  %s\ngot\n  %s", want, strings.Join(got, "\n  "))
	}
	// A name of 255 bytes is allowed: 85 Chinese characters.
	if got := modelDiags(t, map[string]string{"cases/a.md": "+++\ntags = [\"" + strings.Repeat("长", 85) + "\"]\n+++\n"}, nil, nil); len(got) > 0 {
		t.Errorf("a name of 255 bytes was refused: %v", got)
	}
}
