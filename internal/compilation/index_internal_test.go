package compilation

import "testing"

func TestMatcher(t *testing.T) {
	m := newMatcher([]string{"党支部", "党支部标准化", "三会一课"})
	mark := func(s string) string { return "[" + s + "]" }
	for in, want := range map[string]string{
		"":             "",
		"没有术语":         "没有术语",
		"党支部标准化建设和党支部": "[党支部标准化]建设和[党支部]",
		"落实“三会一课”制度":   "落实“[三会一课]”制度",
		"党支部党支部":       "[党支部][党支部]",
		"党支\xff部":      "党支\xff部",
	} {
		if got := m.replace(in, mark); got != want {
			t.Errorf("replace(%q) = %q，应为 %q", in, got, want)
		}
	}
	if got := mapText(`<a href="#党支部">党支部</a>`, func(s string) string { return m.replace(s, mark) }); got != `<a href="#党支部">[党支部]</a>` {
		t.Errorf("标签中的文字不应替换：%q", got)
	}
}
