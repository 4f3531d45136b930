package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"djkb/internal/chromium"
	"djkb/internal/compilation"
	"djkb/internal/output"
	"djkb/internal/sitefs"
)

// runDigest writes the printable 汇编 (digest/index.html) and, with --pdf,
// prints it to PDF.
func runDigest(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlagSet("digest", stderr, &sf)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "用法：djkb digest [-s 站点] [-d 输出文件夹] [--status …] [--system …] [--tag …] [--as-of YYYY-MM-DD] [--list 清单] [--title 标题] [--pdf 文件]\n\n编印法规制度汇编（给出 --list 或 --tag 时为选编）：写出 输出文件夹/digest/index.html（不改动输出文件夹中的其他文件），给出 --pdf 时另打印为 PDF。\n\n选项：")
		fs.PrintDefaults()
	}
	status := fs.String("status", strings.Join(compilation.DefaultStatuses, ","), "收录的效力状态，用逗号分隔；“未标注”指没有标注效力状态、按现行有效收录的文件")
	system := fs.String("system", "", "只收录这些体系（或 regulations 下的第一级文件夹），用逗号分隔")
	tag := fs.String("tag", "", "只收录带有这些专题之一的文件，用逗号分隔")
	asOfFlag := fs.String("as-of", "", "截至日期（YYYY-MM-DD），效力状态按这一天计算，默认今天")
	pdf := fs.String("pdf", "", "另打印为 PDF 文件（需要 Chromium 和 fonts-noto-cjk）")
	list := fs.String("list", "", "编印选编：只收录清单文件中列出的法规（每行一个路径或网址，或搜索页导出的收藏清单），不论效力状态")
	noIndex := fs.Bool("no-index", false, "PDF 不附索引（索引要标出每个词的位置并多打印一次，篇幅大时多用约四分之一的时间）")
	title := fs.String("title", "", "封面标题，如“三会一课专题选编”；默认 site.toml [digest] 的 title")
	if _, ok := parseFlags(fs, args); !ok {
		return 2
	}
	asOf, ok := parseAsOf(*asOfFlag, stderr)
	if !ok {
		return 2
	}
	start := time.Now()
	s, ok := loadForReport(sf.site, true, stderr) // the digest converts what it prints
	if !ok {
		return 1
	}
	var paths []string
	if *list != "" {
		var err error
		if paths, err = readSelection(*list, s); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
	}
	d, err := compilation.New(s, compilation.Options{
		Statuses: splitList(*status), Systems: splitList(*system), Tags: splitList(*tag), AsOf: asOf,
		Paths: paths, Title: *title, NoIndex: *noIndex, SiteDir: sf.site, Defaults: defaults,
	})
	if err == nil && len(d.Items) == 0 {
		err = errors.New("没有符合条件的法规制度：请检查 --status、--system、--tag 和 --as-of")
	}
	if err != nil {
		fmt.Fprintf(stderr, "汇编失败：%v\n", err)
		return 1
	}
	out := filepath.Join(sf.out, "digest", "index.html")
	err = output.Claim(sf.out, "digest/index.html")
	if err == nil {
		err = writeFileAtomicWith(out, func(w io.Writer) error { return d.WriteHTML(w, nil) })
	}
	if err != nil {
		fmt.Fprintf(stderr, "汇编失败：%v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "汇编完成：%d 件法规制度，截至%s，写入 %s（用时 %.2f 秒）\n", len(d.Items), asOf.Format("2006年1月2日"), out, time.Since(start).Seconds())
	if *pdf == "" {
		return 0
	}
	start = time.Now()
	if isTerminal(stderr) {
		fmt.Fprintf(stderr, "正在用 Chromium 打印 PDF（%d 件，篇幅大时需要几分钟）……\n", len(d.Items))
	}
	if rel, inside := relativeTo(sf.out, *pdf); inside {
		if err := output.Claim(sf.out, rel); err != nil {
			fmt.Fprintf(stderr, "打印 PDF 失败：%v\n", err)
			return 1
		}
	}
	pages, err := printDigest(d, filepath.Dir(out), *pdf)
	switch {
	case errors.Is(err, chromium.ErrNotFound):
		fmt.Fprintln(stderr, chromium.InstallHint)
		return 1
	case err != nil:
		fmt.Fprintf(stderr, "打印 PDF 失败：%v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "PDF 完成：%d 页，写入 %s（用时 %.1f 秒）\n", pages, *pdf, time.Since(start).Seconds())
	return 0
}

// printDigest prints d through a fresh headless Chromium into the file
// named pdf, writing its temporary files in dir.
func printDigest(d *compilation.Digest, dir, pdf string) (int, error) {
	browser, cancel, err := chromium.New(context.Background(), chromium.Print)
	if err != nil {
		return 0, err
	}
	defer cancel()
	// Joining the printed parts holds every object of the PDF in memory,
	// more than the soft limit cmd/djkb sets for a build, near which the
	// collector would hardly stop. GOMEMLIMIT, when set, still rules.
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	}
	data, pages, err := d.PDF(browser, dir)
	if err == nil {
		err = writeFileAtomic(pdf, data)
	}
	return pages, err
}

// relativeTo returns file's slash-separated path inside dir, and whether
// it lies there.
func relativeTo(dir, file string) (string, bool) {
	absDir, err1 := filepath.Abs(dir)
	absFile, err2 := filepath.Abs(file)
	if err1 != nil || err2 != nil || !sitefs.Within(absDir, absFile) || absDir == absFile {
		return "", false
	}
	rel, _ := filepath.Rel(absDir, absFile)
	return filepath.ToSlash(rel), true
}

// splitList splits a comma-separated flag value (full-width commas and 、
// too), dropping empty parts.
func splitList(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}
