package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"djkb/internal/config"
	"djkb/internal/scaffold"
)

// runNew creates a page of one kind with its front-matter skeleton.
func runNew(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlagSet("new", stderr, nil)
	siteFlag(fs, &sf.site)
	section := fs.String("in", "", "放在该类型下的哪个子栏目，如 本单位制度；案例默认放在其类型的栏目（工作案例、警示案例）")
	caseType := fs.String("type", "", "案例类型：工作案例（默认）或 警示案例")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "用法：djkb new regulation|case|brand <标题> [-in 子栏目] [-type 警示案例] [-s 站点文件夹]")
		fs.PrintDefaults()
	}
	pos, ok := parseFlags(fs, args)
	if !ok {
		return 2
	}
	if len(pos) < 2 {
		fs.Usage()
		return 2
	}
	cfg, err := config.Load(sf.site)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	rel, err := scaffold.Create(scaffold.Request{
		SiteDir:  sf.site,
		Kind:     pos[0],
		Title:    strings.Join(pos[1:], " "),
		Section:  *section,
		CaseType: *caseType,
		Unit:     cfg.Unit,
		Today:    time.Now(),
	}, defaults)
	if err != nil {
		fmt.Fprintln(stderr, "djkb new：", err)
		return 1
	}
	fmt.Fprintf(stdout, "已创建草稿 %s：请补全元数据和正文（替换所有“……”），用 djkb serve -drafts 预览；完成后删去 draft = true 这一行，页面才会发布。djkb check 会列出尚未补全的地方。\n", rel)
	return 0
}
