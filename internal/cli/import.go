package cli

import (
	"fmt"
	"io"

	"djkb/internal/config"
	"djkb/internal/docimport"
)

// runImport turns Word, HTML and text files into pages of the site.
func runImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("import", stderr, nil) // no -d: import writes no output folder
	siteDir := fs.String("s", ".", "站点文件夹（含 site.toml 和 content/）")
	section := fs.String("in", "", "放在该类型下的哪个子栏目，如 党内法规、本单位制度")
	kind := fs.String("kind", "regulation", "导入为哪一类：regulation（法规制度）、case（典型案例）或 brand（党建品牌）")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "用法：djkb import <文件或文件夹>… [-in 子栏目] [-kind regulation|case|brand] [-s 站点文件夹]\n可导入 Word（.docx，WPS 另存的也可以）、网页（.html）和纯文本（.txt，UTF-8 或 GBK）。")
		fs.PrintDefaults()
	}
	pos, ok := parseFlags(fs, args)
	if !ok {
		return 2
	}
	if len(pos) == 0 {
		fs.Usage()
		return 2
	}
	if _, err := config.Load(*siteDir); err != nil { // not a site folder: write nothing there
		fmt.Fprintln(stderr, err)
		return 1
	}
	results, err := docimport.Import(docimport.Request{SiteDir: *siteDir, Kind: *kind, Section: *section, Paths: pos})
	code := 0
	imported := 0
	for _, r := range results {
		if r.Output != "" {
			imported++
			fmt.Fprintf(stdout, "已导入 %s → %s\n", r.Input, r.Output)
		} else {
			code = 1
		}
		for _, d := range r.Diags {
			fmt.Fprintf(stderr, "  %s\n", d)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "djkb import：", err)
		return 1
	}
	fmt.Fprintf(stdout, "共导入 %d 个文件。请逐一打开核对上面列出的各项，再运行 djkb check 和 djkb serve 查看。\n", imported)
	return code
}
