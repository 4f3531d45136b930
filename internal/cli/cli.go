// Package cli parses djkb's command line and runs its commands; each command
// is a thin layer over a library package.
package cli

import (
	"flag"
	"fmt"
	"io"
	"os"

	"djkb"
)

// command is one sub-command of djkb.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", "把站点构建为静态网站（默认输出到 public/）", runBuild},
		{"serve", "在本机启动预览服务，修改文件后自动重新构建并刷新浏览器", runServe},
		{"new", "新建一篇法规（regulation）、案例（case）或品牌（brand）", runNew},
		{"import", "把 Word（.docx）、网页（.html）和纯文本（.txt）文件导入为法规等页面", runImport},
		{"check", "检查内容（元数据、日期、链接、编码等），不生成网站", runCheck},
		{"cleanup", "法规制度清理报告：试行期满、已被替代、引用失效文件等问题及处理建议", runCleanup},
		{"digest", "编印法规制度汇编（digest/index.html），可另打印为 PDF", runDigest},
	}
}

// Run runs djkb with its arguments and returns the exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "djkb：没有“%s”这个命令。\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "djkb：机关党建知识库静态网站生成器\n\n用法：djkb <命令> [选项]\n\n命令：")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\n运行“djkb <命令> -h”查看该命令的选项。")
}

// siteFlags are the flags every command that reads a site shares.
type siteFlags struct {
	site, out string
}

func newFlagSet(name string, stderr io.Writer, sf *siteFlags) *flag.FlagSet {
	fs := flag.NewFlagSet("djkb "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	if sf != nil {
		siteFlag(fs, &sf.site)
		fs.StringVar(&sf.out, "d", "public", "输出文件夹")
	}
	return fs
}

// siteFlag adds -s, the site folder, for a command that writes no output.
func siteFlag(fs *flag.FlagSet, site *string) {
	fs.StringVar(site, "s", ".", "站点文件夹（含 site.toml 和 content/）")
}

// parseFlags parses args, accepting "--flag" as well as "-flag"; flags may
// follow positional arguments.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, bool) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, false
		}
		if fs.NArg() == 0 {
			return positional, true
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// defaults is the embedded layouts/ and static/.
var defaults = djkb.Defaults

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
