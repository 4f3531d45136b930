package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"

	"djkb/internal/chromium"
	"djkb/internal/compilation"
	"djkb/internal/review"
)

// runCleanupChecklist writes the 备案审查 checklists of the named
// regulations, or of every document the organ files.
func runCleanupChecklist(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlagSet("cleanup checklist", stderr, &sf)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "用法：djkb cleanup checklist [-s 站点] [-d 输出文件夹] [文件…] [--pdf 文件] [--as-of YYYY-MM-DD]\n\n为每份文件写出可打印的备案审查表（政治性、合法合规性、合理性、规范性，附自动检查发现的问题），写入 输出文件夹/cleanup/checklist/index.html。\n不写文件时，列出本单位需要报备的全部文件。\n\n选项：")
		fs.PrintDefaults()
	}
	pdf := fs.String("pdf", "", "另打印为 PDF 文件（需要 Chromium 和 fonts-noto-cjk）")
	asOfFlag := fs.String("as-of", "", "以这一天为准检查（YYYY-MM-DD），默认今天")
	files, ok := parseFlags(fs, args)
	if !ok {
		return 2
	}
	asOf, ok := parseAsOf(*asOfFlag, stderr)
	if !ok {
		return 2
	}
	var paths []string
	for _, f := range files {
		rel, ok := contentPath(sf.site, f)
		if !ok {
			fmt.Fprintf(stderr, "%s: 错误：不在站点的 content/regulations/ 文件夹中\n", f)
			return 1
		}
		paths = append(paths, rel)
	}
	s, ok := loadForReport(sf.site, false, stderr)
	if !ok {
		return 1
	}
	lists := review.Checklists(s, paths, review.OptionsFor(s.Config, asOf))
	if len(lists) == 0 {
		fmt.Fprintln(stderr, "djkb：没有需要审查的文件：请写明文件，或在 site.toml 的 [cleanup] 中核对 filing_issuers 和 filing_since")
		return 1
	}
	opts := compilation.Options{SiteDir: sf.site, Defaults: defaults}
	var html bytes.Buffer
	if err := compilation.WriteChecklists(&html, lists, opts); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if err := writeIntoOutput(sf.out, "cleanup/checklist/index.html", html.Bytes()); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "备案审查表：%d 份，写入 %s\n", len(lists), filepath.Join(sf.out, "cleanup", "checklist", "index.html"))
	if *pdf == "" {
		return 0
	}
	browser, cancel, err := chromium.New(context.Background(), chromium.Print)
	if err != nil {
		fmt.Fprintf(stderr, "打印 PDF 失败：%v\n", err)
		return 1
	}
	defer cancel()
	data, pages, err := compilation.ChecklistsPDF(browser, filepath.Join(sf.out, "cleanup", "checklist"), lists, opts)
	if err == nil {
		err = writeFileAtomic(*pdf, data)
	}
	if err != nil {
		fmt.Fprintf(stderr, "打印 PDF 失败：%v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "PDF 完成：%d 页，写入 %s\n", pages, *pdf)
	return 0
}
