package build

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"djkb"
)

// TestSessionEditRendersOnlyWhatShowsIt: an edit of a page's text below
// its summary re-renders that page, js/sums.js and what shows the text
// (the comparisons a version is in), not the lists, taxonomy pages and
// bookmarks page that show the page: they carry no Sum of it.
func TestSessionEditRendersOnlyWhatShowsIt(t *testing.T) {
	root, _ := filepath.Abs("../..")
	const (
		caseMd = "cases/警示案例/某处党员统计数据报送差错未及时谈话提醒/"
		funds  = "regulations/本单位制度/东江省统计局机关党建工作经费管理办法"
	)
	for _, tc := range []struct {
		file, text string
		want       []string // the output files that change
		rendered   int      // the views rendered again
	}{
		{"content/brands/巾帼红.md", "\n\n测试追加的一段文字。\n", []string{"brands/巾帼红/index.html", "js/sums.js"}, 2},
		{"content/cases/警示案例/某处党员统计数据报送差错未及时谈话提醒.md", "\n\n测试追加的一段文字。\n", []string{caseMd + "index.html", "js/sums.js"}, 2},
		// The newest version: its page, its comparison with the one before
		// and the chain's texts change. The older versions and their
		// comparison are rendered again (the chain changed) and stay as
		// they were, as the chain's data they carry leaves out the
		// articles' history; so does the case that cites it (its popover
		// data holds the cited text).
		{"content/regulations/本单位制度/东江省统计局机关党建工作经费管理办法.md", "\n\n第九百九十九条　测试追加的条文。\n", []string{
			"js/sums.js", funds + "/index.html", funds + "/修订对照/index.html", funds + "/修订对照/texts.js",
		}, 8},
	} {
		t.Run(tc.file, func(t *testing.T) {
			dir := copySample(t, root, "")
			sess := NewSession(Options{SiteDir: dir, Defaults: djkb.Defaults, NoSearch: true})
			if _, _, err := sess.Build(); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(dir, filepath.FromSlash(tc.file))
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, append(data, tc.text...), 0o644); err != nil {
				t.Fatal(err)
			}
			sess.Changed([]string{tc.file})
			res, changed, err := sess.Build()
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(changed, tc.want) || res.Rendered != tc.rendered {
				t.Errorf("改动 %s 的正文后重新生成了 %d 个文件，改变了 %q；应当重新生成 %d 个，只改变 %q", tc.file, res.Rendered, changed, tc.rendered, tc.want)
			}
		})
	}
}
