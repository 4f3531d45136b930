package build

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputPathErrors builds sites whose output paths a file system cannot
// hold or that would overwrite one another: the build fails before writing,
// naming the file (and the line of the key) at fault.
func TestOutputPathErrors(t *testing.T) {
	long := strings.Repeat("长", 60_000) // 180 KB in one tag, within front matter's limit
	tests := []struct {
		name  string
		files map[string]string
		want  string // the start of a message
	}{
		{"tag too long for a file name", map[string]string{
			"content/cases/a.md": "+++\ntitle = \"A\"\ntags = [\"" + long + "\"]\n+++\n"},
			"content/cases/a.md:3: 错误：“tags”的值“长长长长长长长长长长长长长长长长长长长长…”太长"},
		{"slug too long for a file name", map[string]string{
			"content/cases/a.md": "+++\nslug = \"" + long + "\"\n+++\n"},
			"content/cases/a.md:2: 错误：“slug”的值“长长长长长长长长长长长长长长长长长长长长…”太长"},
		{"tags that make one URL", map[string]string{
			"content/cases/a.md": "+++\ntitle = \"A\"\ntags = [\"党建/品牌\"]\n+++\n",
			"content/cases/b.md": "+++\ntitle = \"B\"\ntags = [\"党建-品牌\"]\n+++\n"},
			"content/cases/a.md:3: 错误：专题“党建/品牌”的网址 tags/党建-品牌/ 与 content/cases/b.md 中专题“党建-品牌”的网址相同"},
		{"folders that differ in case", map[string]string{
			"content/Cases/a.md": "# A\n",
			"content/cases/b.md": "# B\n"},
			"content/cases: 错误：文件夹的网址 cases/ 与文件夹 content/Cases 的网址（Cases/）只有字母大小写不同"},
		{"content script where the built-in one goes", map[string]string{
			"content/js/site.js": "alert(1)\n"},
			"content/js/site.js: 错误：复制到网站中的 js/site.js 与内置文件（js/site.js）相同"},
		{"content file where the home page goes", map[string]string{
			"site.toml":          "title = \"测试站点\"\nunsafe_html = true\n",
			"content/index.html": "<p>旧首页</p>\n"},
			"content/index.html: 错误：复制到网站中的 index.html 与首页相同"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := writeSite(t, tt.files)
			out := filepath.Join(t.TempDir(), "public")
			res, err := run(t, site, out)
			if !errors.Is(err, ErrFailed) {
				t.Fatalf("want ErrFailed, got %v", err)
			}
			found := false
			for _, d := range res.Diags {
				s := d.String()
				found = found || strings.HasPrefix(s, tt.want)
				if len(s) > 1000 {
					t.Errorf("message of %d bytes: %.200s…", len(s), s)
				}
			}
			if !found {
				t.Errorf("missing diagnostic\n  want %s\n  got  %v", tt.want, res.Diags)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("the failed build wrote %s", out)
			}
		})
	}
}
