package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"

	"djkb/internal/build"
	"djkb/internal/serve"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlagSet("serve", stderr, &sf)
	bind := fs.String("bind", "127.0.0.1", "监听地址（默认只允许本机访问）")
	port := fs.Int("port", 1313, "端口")
	drafts := fs.Bool("drafts", false, "包含 draft = true 的草稿页面")
	noSearch := fs.Bool("no-search", false, "不生成搜索索引")
	if _, ok := parseFlags(fs, args); !ok {
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err := serve.Run(ctx, serve.Options{
		Build: build.Options{SiteDir: sf.site, Drafts: *drafts, NoSearch: *noSearch, Defaults: defaults},
		Bind:  *bind,
		Port:  *port,
		Log:   stdout,
		Warn:  stderr,
	})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}
