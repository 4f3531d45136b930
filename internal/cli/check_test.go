package cli

import (
	"strings"
	"testing"
)

// TestCheckOutputPaths checks that djkb check refuses what djkb build
// cannot write, with the file and line, and without the whole value.
func TestCheckOutputPaths(t *testing.T) {
	long := strings.Repeat("长", 60_000) // within front matter's limit
	dir := site(t, map[string]string{
		"content/cases/a.md": "+++\ntitle = \"A\"\ntags = [\"" + long + "\"]\n+++\n",
		"content/js/site.js": "alert(1)\n",
	})
	code, _, errOut := runCLI("check", "-s", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, errOut)
	}
	for _, want := range []string{
		"content/cases/a.md:3: 错误：“tags”的值“长长长长长长长长长长长长长长长长长长长长…”太长",
		"content/js/site.js: 错误：复制到网站中的 js/site.js 与内置文件（js/site.js）相同",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("missing %s\ngot %.2000s", want, errOut)
		}
	}
	if len(errOut) > 2000 {
		t.Errorf("check printed %d bytes", len(errOut))
	}
}
