package compilation_test

import (
	"strings"
	"testing"

	"djkb/internal/compilation"
)

// TestCaption: the 题注 under each title, from a caption key, the 修订沿革,
// or the issue date and issuer.
func TestCaption(t *testing.T) {
	s, dir := siteOf(t, map[string]string{
		"content/regulations/a.md": "+++\ntitle = \"甲条例\"\nsystem = \"党内法规\"\nform = \"条例\"\nstatus = \"现行有效\"\nissued = 2019-08-19\nissuer = [\"中共中央\"]\n" +
			"caption = \"2019年7月25日中共中央政治局会议审议批准　2019年8月19日中共中央发布\"\n+++\n\n正文\n",
		"content/regulations/b.md": "+++\ntitle = \"乙条例\"\nsystem = \"党内法规\"\nform = \"条例\"\nstatus = \"现行有效\"\nissued = 2019-01-10\nissuer = [\"中共中央\"]\n+++\n\n正文\n",
		"content/regulations/c.md": "+++\ntitle = \"丙办法\"\nsystem = \"本单位制度\"\nform = \"办法\"\nstatus = \"现行有效\"\nissued = 2020-03-01\nissuer = [\"某局党组\"]\n" +
			"history = [{date = 2016-05-01, event = \"局党组印发\"}, {date = 2020-03-01, event = \"局党组修订\"}]\n+++\n\n正文\n",
		"content/regulations/d.md": "# 丁规定\n\n正文\n",
	})
	d, html := compile(t, s, dir, compilation.Options{})
	want := map[string]string{
		"甲条例": "（2019年7月25日中共中央政治局会议审议批准　2019年8月19日中共中央发布）",
		"乙条例": "（2019年1月10日中共中央发布）",
		"丙办法": "（2016年5月1日局党组印发　2020年3月1日局党组修订）",
		"丁规定": "",
	}
	for _, it := range d.Items {
		if it.Caption != want[it.Title] {
			t.Errorf("《%s》的题注为 %q，应为 %q", it.Title, it.Caption, want[it.Title])
		}
		if it.Caption != "" && !strings.Contains(html, `<h3 class="item-title">`+it.Title+"</h3>\n"+`<p class="item-caption">`+it.Caption+"</p>") {
			t.Errorf("《%s》的题注没有紧接在标题下", it.Title)
		}
	}
	notes := strings.Join(d.Notes, "\n")
	for _, w := range []string{"截至2026年11月20日", "党内法规 2 件", "本单位制度 1 件", "按位阶", "录自“测试库”收录的文件"} {
		if !strings.Contains(notes, w) {
			t.Errorf("编辑说明中没有“%s”：%s", w, notes)
		}
	}
}
