package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"djkb/internal/config"
	"djkb/internal/content"
	"djkb/internal/review"
)

// runCleanupDecide records a clean-up decision in a regulation's front
// matter: djkb cleanup decide FILE 结论 [--ground 理由] [--note 说明].
func runCleanupDecide(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("cleanup decide", stderr, nil)
	siteDir := fs.String("s", ".", "站点文件夹（含 site.toml 和 content/）")
	ground := fs.String("ground", "", "理由：废止为 与上位法规抵触、已被新规定替代、不适应新形势；宣布失效为 调整对象已消失、适用期已过；修改（或继续有效但需适时修改）为 不适应、不协调、不衔接、不一致")
	note := fs.String("note", "", "说明，如“由《……》替代”")
	batch := fs.String("batch", "", "清理批次，默认 site.toml 中 [cleanup] 的 batch")
	when := fs.String("date", "", "结论日期（YYYY-MM-DD），默认今天")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "用法：djkb cleanup decide 文件 结论 [--ground 理由] [--note 说明] [--batch 批次] [--date YYYY-MM-DD]\n\n把本次清理对一份法规制度的结论记入它的 cleanup 元数据，只改动这一条，文件中的注释和排版不变。\n结论：%s\n\n选项：\n", strings.Join(content.Results, "、"))
		fs.PrintDefaults()
	}
	pos, ok := parseFlags(fs, args)
	if !ok {
		return 2
	}
	if len(pos) != 2 {
		fs.Usage()
		return 2
	}
	file, result := pos[0], pos[1]
	day, ok := parseAsOf(*when, stderr)
	if !ok {
		return 2
	}
	cfg, err := config.Load(*siteDir)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if *batch == "" {
		*batch = cfg.Cleanup.Batch
	}
	if *batch == "" {
		fmt.Fprintln(stderr, "site.toml: 错误：没有本次清理批次：请在 [cleanup] 中写 batch = \"2026年度集中清理\"，或用 --batch 指定")
		return 1
	}
	rel, ok := contentPath(*siteDir, file)
	if !ok {
		fmt.Fprintf(stderr, "%s: 错误：不在站点的 content/regulations/ 文件夹中，只有法规制度才有清理结论\n", file)
		return 1
	}
	name := filepath.Join(*siteDir, "content", filepath.FromSlash(rel))
	data, err := os.ReadFile(name)
	if err != nil {
		fmt.Fprintf(stderr, "%s: 错误：无法读取：%v\n", file, err)
		return 1
	}
	d := content.Decision{Batch: *batch, Result: result, Date: day, Ground: *ground, Note: *note}
	out, err := review.Decide(rel, data, d)
	if err != nil {
		fmt.Fprintf(stderr, "content/%s:%d: 错误：%v\n", rel, decisionLine(data), err)
		return 1
	}
	if err := writeFileAtomic(name, out); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "已记入 content/%s：%s %s%s\n", rel, *batch, result, map[bool]string{true: "（" + *ground + "）", false: ""}[*ground != ""])
	return 0
}

// contentPath returns the path of file relative to the site's content/
// folder, and whether it is a regulation there.
func contentPath(siteDir, file string) (string, bool) {
	rel, inside := relativeTo(filepath.Join(siteDir, "content"), file)
	if !inside {
		// A path written relative to content/ itself.
		if r := filepath.ToSlash(filepath.Clean(file)); !strings.HasPrefix(r, "../") && !filepath.IsAbs(file) {
			if _, err := os.Stat(filepath.Join(siteDir, "content", file)); err == nil {
				rel, inside = r, true
			}
		}
	}
	return rel, inside && content.KindOfPath(rel) == content.KindRegulation && strings.HasSuffix(rel, ".md")
}

// decisionLine is the line of the cleanup key in a file, else 1.
func decisionLine(data []byte) int {
	for i, l := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "cleanup") || strings.HasPrefix(t, "[[cleanup") {
			return i + 1
		}
	}
	return 1
}
