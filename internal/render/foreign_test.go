package render_test

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"djkb"
	"djkb/internal/build"
	"djkb/internal/content"
	"djkb/internal/search/searchtest"
	"djkb/internal/site"
)

// built is a site folder built into a temporary output.
type built struct {
	t    *testing.T
	out  string
	site *site.Site
	html map[string]string // output file → its text, for every HTML file
}

func buildSite(t *testing.T, dir string) *built {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	res, err := build.Run(build.Options{SiteDir: dir, OutDir: out, Defaults: djkb.Defaults})
	if err != nil || res.Warnings > 0 {
		t.Fatalf("%s 构建失败或有警告：%v\n%v", dir, err, res.Diags)
	}
	b := &built{t: t, out: out, site: res.Site, html: map[string]string{}}
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(out, p)
		b.html[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var (
	emptyList  = regexp.MustCompile(`<(ul|ol|dl)\b[^>]*>\s*</(ul|ol|dl)>`)
	emptyPanel = regexp.MustCompile(`<section class="(meta-panel|home-box)[^"]*"[^>]*>\s*<h2[^>]*>[^<]*</h2>\s*</section>`)
	crumbsRe   = regexp.MustCompile(`(?s)<nav class="breadcrumbs.*?</nav>`)
	titleRe    = regexp.MustCompile(`<title>([^<]*)</title>`)
)

// checkShape asserts what a site built from other tools' folders must not
// show: a page called README, an index file as a page, a folder's slug
// where its index gives a title, a panel, box or list with nothing in it.
func (b *built) checkShape() {
	t := b.t
	for _, p := range b.site.Pages {
		base := path.Base(p.Src.Path)
		if strings.EqualFold(p.Title, "README") || strings.EqualFold(p.Title, "index") {
			t.Errorf("%s：页面标题是“%s”", p.Src.File, p.Title)
		}
		if content.IsIndexName(base) && p.URL != strings.TrimSuffix(p.Src.Path, base) {
			t.Errorf("%s 成了单独的页面 %s，应是其文件夹的页面", p.Src.File, p.URL)
		}
	}
	var slugs []string
	untitled := map[string]bool{} // names of folders without an index: no title exists
	for _, sec := range b.site.Sections {
		if sec.Index == nil {
			untitled[">"+path.Base(sec.Path)+"<"] = true
		}
	}
	for _, sec := range b.site.Sections {
		if sec.Index != nil && sec.Title != sec.Index.Title {
			t.Errorf("栏目 %s 的标题是“%s”，应是其说明文件的标题“%s”", sec.Path, sec.Title, sec.Index.Title)
		}
		if sec.Index != nil && sec.Title != path.Base(sec.Path) {
			slugs = append(slugs, ">"+path.Base(sec.Path)+"<")
		}
	}
	for _, p := range b.site.Pages {
		if p.Document != nil || len(p.Chapters) > 0 {
			folder := path.Base(path.Dir(p.Whole().Src.Path))
			slugs = append(slugs, ">"+folder+"<", "> / "+folder)
		}
	}
	slugs = slices.DeleteFunc(slugs, func(s string) bool { return untitled[s] || untitled[strings.TrimPrefix(s, "> / ")+"<"] })
	for name, page := range b.html {
		// The search results and the bookmarks page's lists are filled by
		// their scripts.
		if m := emptyList.FindString(page); m != "" && !strings.Contains(m, `id="search-results"`) && !strings.HasPrefix(name, "bookmarks/") {
			t.Errorf("%s 有空列表：%s", name, m)
		}
		if m := emptyPanel.FindString(page); m != "" {
			t.Errorf("%s 有空面板：%s", name, m)
		}
		for _, s := range slugs {
			if strings.Contains(page, s) {
				t.Errorf("%s 显示了文件夹名 %q，而该文件夹有标题", name, s)
			}
		}
	}
}

// checkChapter asserts that a chapter of a multi-file document is named by
// its document in its title, its heading and its breadcrumbs.
func (b *built) checkChapter(p *site.Page) {
	t := b.t
	doc := p.Document
	want := doc.Title + " · " + p.Src.Meta.Title
	if p.Title != want {
		t.Errorf("%s 的标题是“%s”，应为“%s”", p.Src.File, p.Title, want)
	}
	page := b.html[site.OutputFile(p.URL)]
	if m := titleRe.FindStringSubmatch(page); m == nil || !strings.HasPrefix(m[1], want) {
		t.Errorf("%s 的 <title> 是 %q，应以“%s”开头", p.URL, m, want)
	}
	if c := crumbsRe.FindString(page); !strings.Contains(c, ">"+doc.Title+"</a>") {
		t.Errorf("%s 的面包屑中没有文件“%s”：%s", p.URL, doc.Title, c)
	}
}

// TestForeignConventions builds testdata/foreign: Markdown copied from a
// docsify, VuePress and MkDocs site, most of it without front matter, with
// two laws kept one file per 编.
func TestForeignConventions(t *testing.T) {
	b := buildSite(t, "testdata/foreign")
	b.checkShape()

	s := b.site
	if got := s.SectionAt("regulations/laws"); got == nil || got.Title != "国家法律" {
		t.Errorf("MkDocs 的 index.md 没有成为栏目标题：%+v", got)
	}
	if s.SectionAt("学习资料") == nil || s.SectionAt("学习资料").Title != "学习资料" {
		t.Error("docsify 文件夹“学习资料”不是栏目")
	}
	if p := s.Page("学习资料/组织生活会.md"); p == nil || p.Title != "组织生活会" {
		t.Errorf("没有标题的文件应以文件名为标题：%+v", p)
	}
	if _, ok := b.html["_sidebar/index.html"]; ok {
		t.Error("docsify 的 _sidebar.md 成了页面")
	}

	law := s.Page("regulations/laws/criminal-law/README.md")
	if law == nil || len(law.Chapters) != 3 {
		t.Fatalf("刑法应是有三个部分的文件：%+v", law)
	}
	// A citation of an article of a document kept in several files links to
	// the part that holds the article.
	if page, want := b.html["学习资料/三会一课/index.html"], `regulations/laws/criminal-law/01-general-provisions/index.html#%E7%AC%AC%E4%BA%8C%E5%8D%81%E6%9D%A1"`; !strings.Contains(page, want) {
		t.Errorf("引用《中华人民共和国刑法》第二十条没有链接到总则一编的第二十条（%s）", want)
	}
	var walk []string
	for p := law.Next; p != nil && p.Document == law; p = p.Next {
		b.checkChapter(p)
		walk = append(walk, p.Src.Meta.Title)
	}
	if want := []string{"第一编　总则", "第二编　分则", "附则"}; !slices.Equal(walk, want) {
		t.Errorf("刑法各部分的顺序是 %q，应为 %q", walk, want)
	}

	// A search for 正当防卫 finds both 第一编　总则, each named by its law.
	docs, err := searchtest.ReadIndex(filepath.Join(b.out, "search"))
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, d := range docs {
		for _, part := range d.Parts {
			if strings.Contains(part.Text, "正当防卫") {
				found = append(found, d.Title)
				break
			}
		}
	}
	slices.Sort(found)
	if want := []string{"中华人民共和国刑法 · 第一编　总则", "中华人民共和国民法典 · 第一编　总则"}; !slices.Equal(found, want) {
		t.Errorf("搜索索引中含“正当防卫”的标题是 %q，应为 %q", found, want)
	}

	// The home page shows what the site has: sections, the newest files,
	// the search box, and no box for what it lacks.
	home := b.html["index.html"]
	for _, want := range []string{`class="section-cards"`, `id="recent-title"`, `class="hero-search"`, ">法规制度汇编</a>"} {
		if !strings.Contains(home, want) {
			t.Errorf("首页中没有 %s", want)
		}
	}
	for _, unwanted := range []string{`id="home-status"`} {
		if strings.Contains(home, unwanted) {
			t.Errorf("首页显示了没有内容的 %s", unwanted)
		}
	}
	if page := b.html["regulations/laws/criminal-law/01-general-provisions/index.html"]; strings.Contains(page, "meta-panel") {
		t.Error("没有元数据的法规显示了“文件信息”面板")
	}
}

// corpusDir finds the laws of ../shared/corpus: DJKB_CORPUS, else
// shared/corpus/just-laws/docs beside the repository or one of the folders
// above it (a worktree lives deeper than the repository). A fresh clone on
// a machine without the corpus skips the test: the foreign collection in
// testdata covers the same rules there.
func corpusDir(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("DJKB_CORPUS"); d != "" {
		return d
	}
	dir, _ := filepath.Abs("../..")
	for ; dir != filepath.Dir(dir); dir = filepath.Dir(dir) {
		d := filepath.Join(dir, "shared", "corpus", "just-laws", "docs")
		if _, err := os.Stat(d); err == nil {
			return d
		}
	}
	t.Skip("no shared/corpus/just-laws/docs beside the repository; set DJKB_CORPUS to run this test")
	return ""
}

// corpusFolders are the folders of the corpus the test copies: laws kept
// one file per 编 or 章 (with the oddities of their file names), laws kept
// as folder/README.md, and a category folder without an index.
var corpusFolders = []string{
	"constitution",
	"criminal-law",
	"civil-and-commercial/civil-code",
	"procedural/criminal-procedure",
	"economic/asset-appraisal-law",
	"economic/tariff-law",
}

// TestCorpus builds a part of the laws of ../shared/corpus, copied
// unchanged into a site's content/regulations/.
func TestCorpus(t *testing.T) {
	src := corpusDir(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte("title = \"法律语料\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range corpusFolders {
		to := filepath.Join(dir, "content", "regulations", filepath.FromSlash(f))
		if err := os.CopyFS(to, os.DirFS(filepath.Join(src, filepath.FromSlash(f)))); err != nil {
			t.Fatal(err)
		}
	}
	b := buildSite(t, dir)
	b.checkShape()

	var docs int
	for _, p := range b.site.Pages {
		if p.Document != nil {
			b.checkChapter(p)
			continue
		}
		if len(p.Chapters) > 0 {
			docs++
		}
		if content.IsIndexName(path.Base(p.Src.Path)) && strings.HasPrefix(p.Title, "中华人民共和国") != true {
			t.Errorf("%s 的标题是“%s”，应是法律的名称", p.Src.File, p.Title)
		}
	}
	if docs < 4 {
		t.Errorf("只有 %d 部法律被当作多文件文件，应至少有 4 部（宪法、刑法、民法典、刑事诉讼法）", docs)
	}
	constitution := b.site.Page("regulations/constitution/README.md")
	if constitution == nil || len(constitution.Chapters) == 0 || constitution.Chapters[0].Src.Meta.Title != "序言" {
		t.Errorf("宪法的第一部分应是序言：%+v", constitution)
	}
	code := b.site.Page("regulations/civil-and-commercial/civil-code/README.md")
	if code == nil || code.Chapters[len(code.Chapters)-1].Src.Meta.Title != "附则" {
		t.Errorf("民法典的最后一部分应是附则：%+v", code)
	}
}
