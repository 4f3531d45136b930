package render_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"djkb"
	"djkb/internal/build"
	"djkb/internal/sitetest"
)

// TestListCap checks the cap on a list's numbered pages (list_pages): a
// section and a year longer than the cap get that many pages of their
// newest entries, the last of them says how many are left out and where
// they are, the section's whole list (which its filter loads) still
// holds every entry, and the search page is opened on the list's filter.
// Without a cap every entry has its numbered page.
func TestListCap(t *testing.T) {
	for _, tc := range []struct {
		name      string
		listPages int
		pages     int // numbered pages of the section and of the year
	}{
		{"capped", 3, 3},
		{"no cap", 0, 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{
				"site.toml": fmt.Sprintf("title = \"测试站点\"\npage_size = 2\nlist_pages = %d\n", tc.listPages),
			}
			for i := 1; i <= 11; i++ {
				files[fmt.Sprintf("content/regulations/r%02d.md", i)] = fmt.Sprintf("+++\ntitle = \"第%02d号规定\"\ndate = 2020-01-%02d\n+++\n\n第一条　本规定自印发之日起施行。\n", i, i)
			}
			dir, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
			sitetest.Write(t, dir, files)
			if _, err := build.Run(build.Options{SiteDir: dir, OutDir: out, Defaults: djkb.Defaults}); err != nil {
				t.Fatal(err)
			}
			read := func(name string) string {
				data, err := os.ReadFile(filepath.Join(out, name))
				if err != nil {
					t.Fatal(err)
				}
				return string(data)
			}
			for _, list := range []string{"regulations/", "years/2020/"} {
				for n := 1; n <= tc.pages+1; n++ {
					name := list + "index.html"
					if n > 1 {
						name = fmt.Sprintf("%spage/%d/index.html", list, n)
					}
					_, err := os.Stat(filepath.Join(out, name))
					if n > tc.pages {
						if err == nil {
							t.Errorf("%s: a page beyond the cap", name)
						}
						continue
					}
					page := read(name)
					rest := strings.Contains(page, "list-rest")
					if want := tc.listPages > 0 && n == tc.pages; rest != want {
						t.Errorf("%s: note on the rest = %v, want %v", name, rest, want)
					}
					if !rest {
						continue
					}
					search := `href="` + strings.Repeat("../", strings.Count(name, "/")) + `search/index.html?`
					if list == "regulations/" {
						search += "section=%e6%b3%95%e8%a7%84%e5%88%b6%e5%ba%a6" // 法规制度, the section's title
					} else {
						search += "year=2020"
					}
					for _, want := range []string{"共 11 篇，这里按列表顺序列出前 6 篇，分 3 页，这是第 3 页", "其余 5 篇不再逐页列出", search, "第06号规定"} {
						if !strings.Contains(page, want) {
							t.Errorf("%s lacks %q", name, want)
						}
					}
					if strings.Contains(page, "第05号规定") {
						t.Errorf("%s lists an entry beyond the cap", name)
					}
					if filter := strings.Contains(page, "“筛选”"); filter != (list == "regulations/") {
						t.Errorf("%s: points to the filter = %v: only a section's list loads its whole list", name, filter)
					}
				}
			}
			// The filter's whole list of the section: every entry.
			if all := decodeEntries(t, read("regulations/page/list.js")); len(all) != 11 || all[10].Title != "第01号规定" {
				t.Errorf("the whole list of the section lacks entries: %d", len(all))
			}
			if first := read("regulations/index.html"); !strings.Contains(first, "page/list.js") {
				t.Error("the section's first page does not point its filter to the whole list")
			}
		})
	}
}
