package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"djkb/internal/chromium"
	"djkb/internal/compilation"
)

// runCleanupReport writes a clean-up batch's 清理情况报告 and the annexes of
// its 清理决定: HTML into the site's output, JSON with --json, and a PDF
// with --pdf, printed as the digest is.
func runCleanupReport(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlagSet("cleanup report", stderr, &sf)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "用法：djkb cleanup report [-s 站点] [-d 输出文件夹] [--batch 批次] [--json] [--pdf 文件] [--as-of YYYY-MM-DD]\n\n写出清理批次的清理情况报告（清理、继续有效、需适时修改、修改、废止、宣布失效的件数，按体系和制定机关统计）和清理决定的附件：\n附件1 决定废止的文件目录、附件2 决定宣布失效的文件目录、附件3 继续有效的文件目录。\n写入 输出文件夹/cleanup/report/index.html 和 report.json；--json 另把数字输出到屏幕，--pdf 另打印为 PDF。\n\n选项：")
		fs.PrintDefaults()
	}
	batch := fs.String("batch", "", "清理批次的名称，默认 site.toml 中 [cleanup] 的 batch")
	asJSON := fs.Bool("json", false, "把报告的数字和附件目录以 JSON 输出到屏幕，供内容仓库的 CI 使用")
	pdf := fs.String("pdf", "", "另打印为 PDF 文件（需要 Chromium 和 fonts-noto-cjk）")
	asOfFlag := fs.String("as-of", "", "报告日期（YYYY-MM-DD），默认今天")
	if _, ok := parseFlags(fs, args); !ok {
		return 2
	}
	asOf, ok := parseAsOf(*asOfFlag, stderr)
	if !ok {
		return 2
	}
	s, ok := loadForReport(sf.site, true, stderr)
	if !ok {
		return 1
	}
	rep, err := compilation.NewReport(s, *batch, compilation.Options{AsOf: asOf, SiteDir: sf.site, Defaults: defaults})
	if err != nil {
		fmt.Fprintln(stderr, "djkb：", err)
		return 1
	}
	var html, js bytes.Buffer
	if err := rep.WriteHTML(&html); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	rep.WriteJSON(&js)
	for name, data := range map[string][]byte{"cleanup/report/index.html": html.Bytes(), "cleanup/report/report.json": js.Bytes()} {
		if err := writeIntoOutput(sf.out, name, data); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
	}
	if *asJSON {
		stdout.Write(js.Bytes())
	} else {
		t := rep.Totals
		fmt.Fprintf(stdout, "清理情况报告：%s，清理 %d 件，继续有效 %d 件（其中需适时修改 %d 件），修改 %d 件，废止 %d 件，宣布失效 %d 件。写入 %s\n",
			rep.Batch.Name, t.Reviewed, t.Keep, t.Revise, t.Amend, t.Repeal, t.Void, filepath.Join(sf.out, "cleanup", "report", "index.html"))
	}
	if *pdf == "" {
		return 0
	}
	start := time.Now()
	browser, cancel, err := chromium.New(context.Background(), chromium.Print)
	if err != nil {
		fmt.Fprintf(stderr, "打印 PDF 失败：%v\n", err)
		return 1
	}
	defer cancel()
	data, pages, err := rep.PDF(browser, filepath.Join(sf.out, "cleanup", "report"))
	if err == nil {
		err = writeFileAtomic(*pdf, data)
	}
	if err != nil {
		fmt.Fprintf(stderr, "打印 PDF 失败：%v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "PDF 完成：%d 页，写入 %s（用时 %.1f 秒）\n", pages, *pdf, time.Since(start).Seconds())
	return 0
}
