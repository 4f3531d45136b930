package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImport(t *testing.T) {
	dir := site(t, map[string]string{"content/_index.md": "欢迎。\n"})
	doc := filepath.Join(t.TempDir(), "细则.txt")
	text := "中共某单位机关委员会文件\n某机党〔2024〕2号\n某单位谈心谈话工作细则\n（2024年5月6日中共某单位机关委员会印发）\n第一条　为了加强谈心谈话，制定本细则。\n第二条　本细则自印发之日起施行。\n"
	if err := os.WriteFile(doc, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI("import", doc, "-in", "本单位制度", "-s", dir)
	if code != 0 || !strings.Contains(out, "→ content/regulations/本单位制度/某单位谈心谈话工作细则.md") || errOut != "" {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	if code, out, errOut := runCLI("check", "-s", dir); code != 0 {
		t.Fatalf("check after import: %d %s %s", code, out, errOut)
	}
	code, _, errOut = runCLI("import", doc, "-in", "本单位制度", "-s", dir)
	if code != 1 || !strings.Contains(errOut, "已经存在，没有覆盖") {
		t.Errorf("second import: %d %s", code, errOut)
	}
	if code, _, errOut := runCLI("import", doc, "-s", t.TempDir()); code != 1 || !strings.Contains(errOut, "找不到 site.toml") {
		t.Errorf("import outside a site: %d %s", code, errOut)
	}
	if code, _, _ := runCLI("import", "-s", dir); code != 2 {
		t.Errorf("import without files: exit %d, want 2", code)
	}
}
