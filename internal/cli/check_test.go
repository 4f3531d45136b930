package cli

import (
	"slices"
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

// TestCheckAndBuildAgree checks that one run reports every problem that
// can be known (a front-matter error does not hide the file's other keys
// nor its body, nor other files' warnings), and that djkb build and djkb
// check report the same set.
func TestCheckAndBuildAgree(t *testing.T) {
	dir := site(t, map[string]string{
		"content/regulations/a.md": "+++\ntitle = \"甲\"\nissued = 2026-02-30\neffective = 2026-03-01 status = \"现行有效\"\nstatus = \"有效\"\n+++\n第一条　见[乙](nope.md)和[本条](#第九条)。\n",
		// No link: the one-shot build converts it late, while rendering.
		"content/cases/b.md": "+++\ncase_type = \"工作案例\"\n+++\n## 基本情况\n",
	})
	code, _, checkOut := runCLI("check", "-s", dir)
	if code != 1 {
		t.Fatalf("check exit %d, want 1", code)
	}
	for _, want := range []string{
		"a.md:3: 错误：元数据（TOML）格式有误：日期“2026-02-30”不存在",
		"a.md:4: 错误：元数据（TOML）格式有误：值的后面还有多余的内容“status = \"现行有效\"”",
		"a.md:5: 错误：“status”的值“有效”不在允许范围内",
		"a.md:7: 错误：链接指向的页面“nope.md”不存在",
		"a.md:7: 错误：本页中没有锚点“#第九条”",
		"b.md:4: 警告：工作案例应包含小标题",
	} {
		if !strings.Contains(checkOut, want) {
			t.Errorf("check: missing %s\ngot:\n%s", want, checkOut)
		}
	}
	code, _, buildOut := runCLI("build", "-s", dir, "-d", t.TempDir()+"/public")
	if code != 1 {
		t.Fatalf("build exit %d, want 1", code)
	}
	if c, b := problems(checkOut), problems(buildOut); c != b {
		t.Errorf("check and build disagree:\ncheck:\n%s\nbuild:\n%s", c, b)
	}
}

// problems returns the lines of a command's output that name a file.
func problems(out string) string {
	var keep []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "content/") {
			keep = append(keep, l)
		}
	}
	slices.Sort(keep)
	return strings.Join(keep, "\n")
}
