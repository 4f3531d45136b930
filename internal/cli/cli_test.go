package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"djkb/internal/sitetest"
)

func site(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["site.toml"] = "title = \"测试\"\nunit = \"某单位\"\n"
	sitetest.Write(t, dir, files)
	return dir
}

func runCLI(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := Run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestCheckJSON(t *testing.T) {
	dir := site(t, map[string]string{
		"content/regulations/a.md": "+++\nstatus = \"有效\"\n+++\n",
		"content/cases/b.md":       "+++\ncase_type = \"工作案例\"\n+++\n## 基本情况\n",
	})
	code, out, _ := runCLI("check", "-s", dir, "--json")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	var got []struct {
		Path, Severity, Message string
		Line                    int
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(got) != 2 || got[0].Path != "content/cases/b.md" || got[0].Severity != "warning" || !strings.Contains(got[0].Message, "主要做法") ||
		got[1].Path != "content/regulations/a.md" || got[1].Line != 2 || got[1].Severity != "error" {
		t.Errorf("unexpected findings: %+v", got)
	}
}

func TestBuildNewAndCheck(t *testing.T) {
	dir := site(t, map[string]string{"content/_index.md": "欢迎。\n"})
	if code, out, errOut := runCLI("new", "regulation", "机关党支部工作细则（试行）", "-in", "本单位制度", "-s", dir); code != 0 || !strings.Contains(out, "content/regulations/本单位制度/机关党支部工作细则（试行）.md") {
		t.Fatalf("new: %d %s %s", code, out, errOut)
	}
	if code, _, _ := runCLI("new", "regulation", "机关党支部工作细则（试行）", "-in", "本单位制度", "-s", dir); code != 1 {
		t.Errorf("new must refuse to overwrite")
	}
	// The new page is a draft: check names each placeholder, build leaves
	// it out until the editor deletes the draft line.
	code, out, errOut := runCLI("check", "-s", dir)
	if code != 0 || !strings.Contains(out, "检查通过") || !strings.Contains(errOut, "文号还是空的") || !strings.Contains(errOut, "占位文字“……”") {
		t.Fatalf("check: %d %s %s", code, out, errOut)
	}
	outDir := filepath.Join(t.TempDir(), "public")
	built := filepath.Join(outDir, "regulations/本单位制度/机关党支部工作细则（试行）/index.html")
	if code, out, errOut := runCLI("build", "-s", dir, "-d", outDir); code != 0 || !strings.HasPrefix(out, "构建完成：") {
		t.Fatalf("build: %d %q %q", code, out, errOut)
	}
	if _, err := os.Stat(built); err == nil {
		t.Errorf("a new page is published before it is filled in")
	}
	file := filepath.Join(dir, "content/regulations/本单位制度/机关党支部工作细则（试行）.md")
	data, _ := os.ReadFile(file)
	os.WriteFile(file, regexp.MustCompile(`(?m)^draft = true.*\n`).ReplaceAll(data, nil), 0o644)
	code, out, errOut = runCLI("build", "-s", dir, "-d", outDir)
	if code != 0 || !strings.HasPrefix(out, "构建完成：") {
		t.Fatalf("build: %d %q %q", code, out, errOut)
	}
	if _, err := os.Stat(built); err != nil {
		t.Errorf("new page not built: %v", err)
	}
	if code, _, _ := runCLI("frobnicate"); code != 2 {
		t.Errorf("unknown command must exit 2")
	}
}

// TestNewHelp checks that djkb new -h lists only the flags new uses.
func TestNewHelp(t *testing.T) {
	_, _, errOut := runCLI("new", "-h")
	for _, want := range []string{"-in", "-type", "-s"} {
		if !strings.Contains(errOut, "  "+want+" ") {
			t.Errorf("missing %s in\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut, "  -d ") || strings.Contains(errOut, "输出文件夹") {
		t.Errorf("new lists the output folder it does not use:\n%s", errOut)
	}
}

// TestHeapProfiles: -heapprofile F writes F.1 before the first step, one
// more as each step ends, and the last after the build, each a heap
// profile pprof reads.
func TestHeapProfiles(t *testing.T) {
	dir := site(t, map[string]string{"content/cases/a.md": "+++\ntitle = \"甲\"\n+++\n正文。\n"})
	prof := filepath.Join(t.TempDir(), "heap")
	code, _, errOut := runCLI("build", "-s", dir, "-d", filepath.Join(t.TempDir(), "public"), "-heapprofile", prof, "-timings")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	steps := strings.Count(errOut, "毫秒  ")
	for n := 1; n <= steps+1; n++ {
		data, err := os.ReadFile(fmt.Sprintf("%s.%d", prof, n))
		if err != nil || len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b { // gzipped protocol buffers
			t.Fatalf("%s.%d: %v, %d bytes", prof, n, err, len(data))
		}
	}
	if _, err := os.Stat(fmt.Sprintf("%s.%d", prof, steps+2)); err == nil {
		t.Errorf("more than %d profiles for %d steps", steps+1, steps)
	}
}
