package cli

import (
	"djkb/internal/output"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// trialSite holds one trial regulation that expires on 2026-06-01.
func trialSite(t *testing.T) string {
	return site(t, map[string]string{
		"content/regulations/a.md": "+++\ntitle = \"甲办法（试行）\"\ndoc_number = \"甲〔2021〕1号\"\nissuer = [\"中共某局机关委员会\"]\n" +
			"status = \"现行有效\"\ntrial = \"试行\"\nissued = 2021-05-20\neffective = 2021-06-01\n" +
			"cleanup = [{batch = \"2024年度清理\", result = \"继续有效\", date = 2024-12-20}]\n+++\n\n第一条　正文。\n",
	})
}

func TestCleanupJSONAndStrict(t *testing.T) {
	dir := trialSite(t)
	code, out, errOut := runCLI("cleanup", "-s", dir, "--json", "--as-of", "2026-07-01", "--strict")
	if code != 1 || !strings.Contains(errOut, "仍有 1 个错误") {
		t.Fatalf("--strict 时有错误应退出 1：%d %s", code, errOut)
	}
	var got []struct {
		Path, Rule, Severity, Message, Action string
		Line                                  int
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("不是 JSON：%v\n%s", err, out)
	}
	if len(got) != 1 || got[0].Path != "regulations/a.md" || got[0].Rule != "trial-expired" || got[0].Severity != "error" ||
		got[0].Line != 6 || !strings.Contains(got[0].Message, "2026年6月1日届满") || got[0].Action == "" {
		t.Errorf("结果不对：%+v", got)
	}
	if code, out, _ := runCLI("cleanup", "-s", dir, "--json", "--as-of", "2026-05-01", "--strict"); code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("期满之前应没有结果、退出 0：%d %s", code, out)
	}
	if code, _, _ := runCLI("cleanup", "-s", dir, "--as-of", "2026-07-01"); code != 0 {
		t.Errorf("不带 --strict 时报告做出即退出 0，得到 %d", code)
	}
}

func TestCleanupTextReport(t *testing.T) {
	code, out, errOut := runCLI("cleanup", "-s", "../..", "--as-of", "2026-11-20")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"法规制度清理报告（截至2026年11月20日；试行期限 5 年，清理间隔 5 年）",
		"■ 1. 试行期满未清理（trial-expired）：2 处",
		"content/regulations/本单位制度/东江省统计局机关党组织换届选举工作办法.md:9  [错误]",
		"问题：施行日期（2024年3月1日）早于印发日期（2024年3月15日）",
		"处理：",
		"■ 8. 超期未清理（review-overdue）",
		"共检查 49 份法规制度，发现 8 个错误",
		"本次清理“2026年度集中清理”：已作出结论 20 件，共 38 件，尚待作出结论 18 件。",
		"建议：废止，理由：已被新规定替代",
		"备案审查待办",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("报告中没有“%s”：\n%s", want, out)
		}
	}
	if i, j := strings.Index(out, "■ 3."), strings.Index(out, "■ 5."); i < 0 || j < i {
		t.Errorf("报告应按规则顺序分组")
	}
}

func TestCleanupWritesReportFilesOnly(t *testing.T) {
	dir := trialSite(t)
	out := filepath.Join(t.TempDir(), "public")
	keep := filepath.Join(out, "index.html")
	if err := output.Claim(out, "index.html"); err != nil { // a site djkb built
		t.Fatal(err)
	}
	os.WriteFile(keep, []byte("site"), 0o644)
	if code, _, errOut := runCLI("cleanup", "-s", dir, "-d", out, "--as-of", "2026-07-01"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, name := range []string{"cleanup/report.txt", "cleanup/findings.json"} {
		if data, err := os.ReadFile(filepath.Join(out, name)); err != nil || !strings.Contains(string(data), "trial-expired") {
			t.Errorf("%s 没有写好：%v", name, err)
		}
	}
	if data, _ := os.ReadFile(keep); string(data) != "site" {
		t.Errorf("输出文件夹中的其他文件被改动了")
	}
	entries, _ := os.ReadDir(filepath.Join(out, "cleanup"))
	if len(entries) != 2 {
		t.Errorf("cleanup/ 中应只有两个文件（不留临时文件），实有 %d 个", len(entries))
	}
}

func TestCleanupBadDate(t *testing.T) {
	if code, _, errOut := runCLI("cleanup", "-s", "../..", "--as-of", "2026-02-30"); code != 2 || !strings.Contains(errOut, "无法识别") {
		t.Errorf("不存在的日期应报错：%d %s", code, errOut)
	}
}

// TestCleanupDecideCommand records a decision through the command and
// refuses an unknown outcome with the file and line.
func TestCleanupDecideCommand(t *testing.T) {
	dir := trialSite(t)
	os.WriteFile(filepath.Join(dir, "site.toml"), []byte("title = \"测试\"\n[cleanup]\nbatch = \"2026年度清理\"\n"), 0o644)
	file := filepath.Join(dir, "content", "regulations", "a.md")
	code, out, errOut := runCLI("cleanup", "decide", "-s", dir, file, "废止", "--ground", "已被新规定替代", "--note", "由乙办法替代", "--date", "2026-11-18")
	if code != 0 || !strings.Contains(out, "已记入") {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	data, _ := os.ReadFile(file)
	if !strings.Contains(string(data), `cleanup = [{batch = "2024年度清理", result = "继续有效", date = 2024-12-20}, {batch = "2026年度清理", result = "废止", date = 2026-11-18, ground = "已被新规定替代", note = "由乙办法替代"}]`) {
		t.Errorf("结论没有记入：\n%s", data)
	}
	code, _, errOut = runCLI("cleanup", "decide", "-s", dir, file, "作废")
	if code != 1 || !strings.Contains(errOut, "content/regulations/a.md:9: 错误：清理结论“作废”无法识别") {
		t.Errorf("未知结论应报错并指出文件和行：%d %s", code, errOut)
	}
	code, out, errOut = runCLI("cleanup", "report", "-s", dir, "-d", filepath.Join(dir, "public"), "--json")
	if code != 0 || !strings.Contains(out, `"repeal": 1`) {
		t.Errorf("report --json：%d %s %s", code, out, errOut)
	}
}
