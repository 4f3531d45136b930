package docimport

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"djkb"
	"djkb/internal/build"
	"djkb/internal/site"
)

var update = flag.Bool("update", false, "rewrite the golden files of imported pages")

// needPandoc fails the test, rather than skipping it, when pandoc is
// missing: CI installs it.
func needPandoc(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Fatal("djkb import 的测试需要 pandoc：请先安装（sudo apt-get install pandoc）")
	}
}

// sampleSite copies the sample site (site.toml and content/) into a
// temporary folder.
func sampleSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile("../../site.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// The test documents (made by testdata/gen.sh) and what their pages must show.
var documents = []struct {
	file      string
	docNumber string
	dates     []string // datetime attributes: issue, effective, 题注 steps
	articles  []string
}{
	{"红头规则.docx", "东委办发〔2024〕3号", []string{"2024-03-01", "2024-02-20"}, []string{"第一条", "第六条"}},
	{"编章节.docx", "", []string{"2023-06-01", "2023-07-01", "2023-05-10"}, []string{"第一条", "第六条"}},
	{"印发通知.docx", "东直工发〔2024〕9号", []string{"2024-05-06", "2024-04-28"}, []string{"第一条", "第三条"}},
	{"通知.docx", "东委组发〔2024〕15号", []string{"2024-12-16", "2025-01-01"}, nil},
	{"党员积分办法.html", "东统机党〔2022〕8号", []string{"2022-03-20", "2022-03-15"}, []string{"第一条", "第四条"}},
	{"GBK规定.txt", "东统党组〔2021〕6号", []string{"2021-04-12", "2021-04-08"}, []string{"第一条", "第四条"}},
	{"UTF8细则.txt", "", []string{"2020-09-01"}, []string{"第一条", "第四条"}},
}

// TestImportAndBuild imports each test document into a copy of the sample
// site, compares the pages with their golden files, builds the site and
// checks that each page shows its 文号, dates and article anchors.
func TestImportAndBuild(t *testing.T) {
	needPandoc(t)
	dir := sampleSite(t)
	var paths []string
	for _, d := range documents {
		paths = append(paths, filepath.Join("testdata", d.file))
	}
	results, err := Import(Request{SiteDir: dir, Section: "党内法规", Paths: paths})
	if err != nil {
		t.Fatal(err)
	}
	var problems strings.Builder
	pages := map[string]string{} // input file → page, relative to content/
	for _, r := range results {
		for _, d := range r.Diags {
			problems.WriteString(filepath.Base(r.Input) + ": " + d.String() + "\n")
		}
		if r.Output == "" {
			t.Errorf("%s: not imported: %v", r.Input, r.Diags)
			continue
		}
		pages[filepath.Base(r.Input)] = strings.TrimPrefix(r.Output, "content/")
		text, err := os.ReadFile(filepath.Join(dir, r.Output))
		if err != nil {
			t.Fatal(err)
		}
		golden(t, filepath.Join("testdata", "golden", filepath.Base(r.Input)+".md"), string(text))
	}
	golden(t, filepath.Join("testdata", "golden", "problems.txt"), problems.String())

	out := filepath.Join(t.TempDir(), "public")
	res, err := build.Run(build.Options{SiteDir: dir, OutDir: out, Defaults: djkb.Defaults})
	if err != nil {
		t.Fatalf("build: %v %v", err, res.Diags)
	}
	for _, d := range res.Diags {
		if strings.Contains(d.Path, "党内法规") {
			t.Errorf("build reports on an imported page: %s", d)
		}
	}
	byPath := map[string]*site.Page{}
	for _, p := range res.Site.Pages {
		byPath[p.Src.Path] = p
	}
	for _, doc := range documents {
		p := byPath[pages[doc.file]]
		if p == nil {
			t.Errorf("%s: no page %q in the built site", doc.file, pages[doc.file])
			continue
		}
		html, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(site.OutputFile(strings.TrimPrefix(p.URL, "/")))))
		if err != nil {
			t.Fatal(err)
		}
		want := []string{p.Title}
		if doc.docNumber != "" {
			want = append(want, doc.docNumber)
		}
		for _, d := range doc.dates {
			want = append(want, `datetime="`+d+`"`)
		}
		for _, a := range doc.articles {
			want = append(want, `id="`+a+`"`)
		}
		for _, w := range want {
			if !strings.Contains(string(html), w) {
				t.Errorf("%s: the page %s does not show %s", doc.file, p.URL, w)
			}
		}
	}
}

// TestNeverOverwrites imports a document twice: the second time is refused
// and the page and its image are left as they were.
func TestNeverOverwrites(t *testing.T) {
	needPandoc(t)
	dir := t.TempDir()
	req := Request{SiteDir: dir, Paths: []string{"testdata/红头规则.docx"}}
	first, err := Import(req)
	if err != nil || len(first) != 1 || first[0].Output == "" || len(first[0].Images) != 1 {
		t.Fatalf("first import: %+v, %v", first, err)
	}
	page := filepath.Join(dir, first[0].Output)
	if err := os.WriteFile(page, []byte("编辑改过的内容"), 0o644); err != nil {
		t.Fatal(err)
	}
	second, err := Import(req)
	if err != nil || len(second) != 1 || second[0].Output != "" || len(second[0].Diags) != 1 ||
		!strings.Contains(second[0].Diags[0].Message, "已经存在，没有覆盖") {
		t.Fatalf("second import: %+v, %v", second, err)
	}
	if data, _ := os.ReadFile(page); string(data) != "编辑改过的内容" {
		t.Errorf("the page was overwritten: %q", data)
	}
	// An image left behind by a page since deleted is not overwritten either.
	os.Remove(page)
	third, _ := Import(req)
	if len(third) != 1 || len(third[0].Images) != 1 || third[0].Images[0] == first[0].Images[0] {
		t.Errorf("third import's images: %+v (first: %v)", third, first[0].Images)
	}
}

// TestRefusals lists the files that cannot be imported, each with what to do.
func TestRefusals(t *testing.T) {
	dir := t.TempDir()
	in := t.TempDir()
	for _, name := range []string{"旧文件.doc", "扫描件.pdf", "表格.xlsx", "~$临时.docx", ".隐藏.txt", "说明.md"} {
		if err := os.WriteFile(filepath.Join(in, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	results, err := Import(Request{SiteDir: dir, Paths: []string{in, filepath.Join(in, "说明.md"), filepath.Join(in, "没有.docx")}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"旧文件.doc": "另存为”Word 文档（.docx）",
		"扫描件.pdf": "PDF 文件无法导入",
		"表格.xlsx": "表格文件无法导入",
		"说明.md":   "不支持“.md”格式",
		"没有.docx": "找不到这个文件",
	}
	if len(results) != len(want) {
		t.Errorf("results: %+v", results)
	}
	for _, r := range results {
		w, ok := want[filepath.Base(r.Input)]
		if !ok || r.Output != "" || len(r.Diags) != 1 || !strings.Contains(r.Diags[0].Message, w) {
			t.Errorf("%s: %+v, want an error saying %q", r.Input, r, w)
		}
	}
	if _, err := Import(Request{SiteDir: dir, Section: "../外面", Paths: []string{in}}); err == nil {
		t.Error("a section outside the kind's folder must be refused")
	}
	if _, err := Import(Request{SiteDir: dir, Kind: "memo", Paths: []string{in}}); err == nil {
		t.Error("an unknown kind must be refused")
	}
}

// TestNoPandoc: without pandoc, Word files give one clear line and text
// files are imported all the same.
func TestNoPandoc(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	dir := t.TempDir()
	results, err := Import(Request{SiteDir: dir, Paths: []string{"testdata/红头规则.docx", "testdata/党员积分办法.html", "testdata/UTF8细则.txt"}})
	if !errors.Is(err, ErrNoPandoc) || !strings.Contains(err.Error(), "apt-get install pandoc") {
		t.Errorf("error %v, want ErrNoPandoc", err)
	}
	if len(results) != 1 || results[0].Output == "" {
		t.Errorf("the text file must be imported without pandoc: %+v", results)
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}
