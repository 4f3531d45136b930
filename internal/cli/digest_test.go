package cli

import (
	"djkb/internal/output"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDigestWritesOnlyItsFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := output.Claim(out, "index.html", "digest/old.txt"); err != nil { // a site djkb built
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(out, "digest"), 0o755)
	os.WriteFile(filepath.Join(out, "index.html"), []byte("site"), 0o644)
	os.WriteFile(filepath.Join(out, "digest", "old.txt"), []byte("keep"), 0o644)
	code, stdout, errOut := runCLI("digest", "-s", "../..", "-d", out, "--as-of", "2026-11-20")
	if code != 0 || !strings.Contains(stdout, "汇编完成：33 件法规制度，截至2026年11月20日") {
		t.Fatalf("exit %d: %s %s", code, stdout, errOut)
	}
	html, err := os.ReadFile(filepath.Join(out, "digest", "index.html"))
	if err != nil || !strings.Contains(string(html), "东江省统计局机关党建法规制度汇编") {
		t.Fatalf("digest/index.html 没有写好：%v", err)
	}
	for name, want := range map[string]string{"index.html": "site", "digest/old.txt": "keep"} {
		if data, _ := os.ReadFile(filepath.Join(out, name)); string(data) != want {
			t.Errorf("%s 被改动了", name)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(out, "digest"))
	if len(entries) != 2 {
		t.Errorf("digest/ 中留下了临时文件：%v", entries)
	}
}

func TestDigestFilters(t *testing.T) {
	out := t.TempDir()
	code, stdout, _ := runCLI("digest", "-s", "../..", "-d", out, "--system", "本单位制度", "--tag", "党费管理，组织生活", "--as-of", "2026-11-20")
	if code != 0 || !strings.Contains(stdout, "汇编完成：6 件") {
		t.Errorf("按体系和专题筛选：%d %s", code, stdout)
	}
	code, _, errOut := runCLI("digest", "-s", "../..", "-d", out, "--status", "尚未施行", "--as-of", "2026-11-20")
	if code != 0 {
		t.Errorf("尚未施行的文件应能单独汇编：%s", errOut)
	}
	code, _, errOut = runCLI("digest", "-s", "../..", "-d", out, "--system", "没有这个体系")
	if code != 1 || !strings.Contains(errOut, "没有符合条件的法规制度") {
		t.Errorf("没有符合条件的文件时应报错：%d %s", code, errOut)
	}
}

func TestDigestWithoutChromium(t *testing.T) {
	t.Setenv("DJKB_CHROMIUM", filepath.Join(t.TempDir(), "no-such-browser"))
	code, _, errOut := runCLI("digest", "-s", "../..", "-d", t.TempDir(), "--pdf", filepath.Join(t.TempDir(), "x.pdf"))
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if code != 1 || len(lines) != 1 || !strings.Contains(errOut, "找不到 Chromium") || !strings.Contains(errOut, "apt-get install chromium-headless-shell fonts-noto-cjk") {
		t.Errorf("没有浏览器时应给出一行安装提示并退出 1：%d %q", code, errOut)
	}
}

// TestDigestSelection prints a 选编 from a list of paths and page URLs,
// and names the line of a list entry that is no regulation.
func TestDigestSelection(t *testing.T) {
	out := t.TempDir()
	list := filepath.Join(t.TempDir(), "选编.txt")
	os.WriteFile(list, []byte("# 三会一课\r\nregulations/党内法规/中国共产党支部工作条例（试行）.md\r\n/regulations/本单位制度/东江省统计局党支部三会一课实施办法（试行）/\r\ncontent/regulations/本单位制度/东江省统计局党员领导干部双重组织生活实施细则.md\r\n"), 0o644)
	code, stdout, errOut := runCLI("digest", "-s", "../..", "-d", out, "--list", list, "--title", "三会一课专题选编", "--as-of", "2026-11-20")
	if code != 0 || !strings.Contains(stdout, "汇编完成：3 件") {
		t.Fatalf("选编：%d %s %s", code, stdout, errOut)
	}
	html, _ := os.ReadFile(filepath.Join(out, "digest", "index.html"))
	for _, want := range []string{"三会一课专题选编", "本汇编为选编", "效力状态：已废止"} {
		if !strings.Contains(string(html), want) {
			t.Errorf("选编中没有“%s”", want)
		}
	}
	os.WriteFile(list, []byte("regulations/党内法规/中国共产党章程.md\ncases/不是法规.md\n"), 0o644)
	if code, _, errOut := runCLI("digest", "-s", "../..", "-d", out, "--list", list); code != 1 || !strings.Contains(errOut, list+":2: 错误：") {
		t.Errorf("清单中的错误应指出行号：%d %s", code, errOut)
	}
}
