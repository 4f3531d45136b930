package site_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"djkb"
	"djkb/internal/build"
	"djkb/internal/sitetest"
)

// TestChainTexts: a chain of three or more versions, however many, hands
// every version's articles to its comparison pages' selector (texts.js);
// a chain of two, whose one comparison has its page, and a chain whose
// articles would make the page fetch megabytes, do not.
func TestChainTexts(t *testing.T) {
	files := map[string]string{"site.toml": "title = \"测试\"\n"}
	chain := func(name string, n int, body string) {
		for i := range n {
			front := "title = \"" + name + "\"\nissued = " + strconv.Itoa(2001+i) + "-01-01\n"
			if i > 0 {
				front += "supersedes = \"regulations/" + name + strconv.Itoa(i-1) + ".md\"\n"
			}
			files["content/regulations/"+name+strconv.Itoa(i)+".md"] = "+++\n" + front + "+++\n\n第一条　" + body + strconv.Itoa(i) + "。\n\n第二条　本办法自印发之日起施行。\n"
		}
	}
	chain("两版办法", 2, "党支部每月开展一次主题党日。")
	chain("七版办法", 7, "党支部每月开展一次主题党日。")
	chain("长办法", 3, strings.Repeat("党支部每月开展一次主题党日活动", 12_000))
	dir := t.TempDir()
	sitetest.Write(t, dir, files)
	s, diags := build.Load(build.Options{SiteDir: dir, Defaults: djkb.Defaults})
	if diags.HasErrors() {
		t.Fatalf("测试站点有错误：%v", diags.Items())
	}
	for _, tc := range []struct {
		name     string
		versions int
		texts    bool
	}{{"两版办法", 2, false}, {"七版办法", 7, true}, {"长办法", 3, false}} {
		p := s.Page("regulations/" + tc.name + "0.md")
		if p == nil || p.Chain == nil || len(p.Chain.Versions) != tc.versions {
			t.Fatalf("%s 应有 %d 个版本", tc.name, tc.versions)
		}
		c := p.Chain
		if got := c.TextsURL() != ""; got != tc.texts {
			t.Errorf("%s：TextsURL = %q", tc.name, c.TextsURL())
			continue
		}
		if !tc.texts {
			continue
		}
		if want := c.Steps[len(c.Steps)-1].URL + "texts.js"; c.TextsURL() != want {
			t.Errorf("%s：TextsURL = %q，应为 %q", tc.name, c.TextsURL(), want)
		}
		var got [][][2]string
		if err := json.Unmarshal([]byte(c.Texts()), &got); err != nil {
			t.Fatalf("%s 的条文数据不是 JSON：%v", tc.name, err)
		}
		if len(got) != tc.versions {
			t.Fatalf("%s 的条文数据有 %d 个版本", tc.name, len(got))
		}
		for i, arts := range c.Articles {
			for k, a := range arts {
				if got[i][k] != [2]string{a.Label, a.Text} {
					t.Errorf("%s 第 %d 版的第 %d 条是 %q，应为 %q", tc.name, i+1, k+1, got[i][k], a)
				}
			}
		}
	}
}
