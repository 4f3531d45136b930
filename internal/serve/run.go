package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"

	"djkb/internal/build"
)

// Options configures djkb serve.
type Options struct {
	Build build.Options // SiteDir, Drafts, NoSearch, Defaults
	Bind  string        // address to listen on; 127.0.0.1 by default
	Port  int
	Log   io.Writer
	// Warn receives warnings (djkb serve: stderr); Log when nil.
	Warn io.Writer
	// Ready is called with the site's address once it is served.
	Ready func(url string)
}

// Run builds the site, serves it and rebuilds on every change until ctx
// ends.
func Run(ctx context.Context, opts Options) error {
	if opts.Bind == "" {
		opts.Bind = "127.0.0.1"
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Warn == nil {
		opts.Warn = opts.Log
	}
	opts.Build.LiveReload = true
	session := build.NewSession(opts.Build)
	srv := NewServer(session)
	session.OnIndexed = func(err error) {
		if err != nil {
			fmt.Fprintf(opts.Log, "搜索索引生成失败：%v\n", err)
			return
		}
		srv.Indexed()
	}

	w, err := newWatcher(opts.Build.SiteDir)
	if err != nil {
		return fmt.Errorf("无法监视站点文件夹的变化：%w", err)
	}
	defer w.Close()

	res, _, err := session.Build()
	srv.Built(res, err)
	report(opts.Log, res, nil, err, true)

	ln, err := net.Listen("tcp", net.JoinHostPort(opts.Bind, strconv.Itoa(opts.Port)))
	if err != nil {
		return fmt.Errorf("无法在 %s:%d 上启动服务（端口被占用？可用 --port 换一个端口）：%w", opts.Bind, opts.Port, err)
	}
	httpSrv := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go httpSrv.Serve(ln)
	defer httpSrv.Close()
	if exposed(ln.Addr()) {
		fmt.Fprintf(opts.Warn, "警告：--bind %s 让局域网内的其他电脑也能访问这个预览服务器，看到网站的全部内容（用 --drafts 时还有草稿）。只在确实需要时使用；平时请去掉 --bind，只允许本机访问。\n", opts.Bind)
	}
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(opts.Log, "网站已启动：%s（按 Ctrl+C 停止）\n", url)
	if opts.Ready != nil {
		opts.Ready(url)
	}

	batches := make(chan []string)
	go func() {
		defer close(batches)
		for {
			batch, err := w.next()
			if err != nil {
				// Changes may have been lost (the event queue overflowed):
				// rebuild from scratch.
				fmt.Fprintf(opts.Log, "监视文件时出错，将完整重新构建：%v\n", err)
				session.Reset()
				batch = append(batch, "site.toml")
			}
			if batch == nil && err == nil {
				return
			}
			if len(batch) > 0 {
				batches <- batch
			}
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return nil
		case batch, ok := <-batches:
			if !ok {
				return nil
			}
			session.Changed(batch)
			res, changed, err := session.Build()
			srv.Built(res, err)
			report(opts.Log, res, changed, err, false)
		}
	}
}

// exposed reports whether other computers can reach a listener: it is
// decided on the address bound, so that a host name, "0.0.0.0", "::" and
// a LAN address are judged alike.
func exposed(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return !ok || !tcp.IP.IsLoopback()
}

// report prints one line per build, and the errors of a failed one.
func report(w io.Writer, res *build.Result, changed []string, err error, first bool) {
	if res != nil {
		for _, d := range res.Diags {
			fmt.Fprintln(w, d.String())
		}
	}
	ms := float64(res.Duration.Microseconds()) / 1000
	switch {
	case errors.Is(err, build.ErrFailed):
		fmt.Fprintf(w, "构建失败：%d 个错误（用时 %.0f 毫秒），仍显示上一次成功构建的网站。\n", res.Errors, ms)
	case err != nil:
		fmt.Fprintf(w, "构建失败：%v\n", err)
	case first:
		fmt.Fprintf(w, "构建完成：%d 个页面，用时 %.0f 毫秒\n", res.Pages, ms)
	default:
		fmt.Fprintf(w, "已更新：%d 个文件变化，重新生成 %d 个网页，用时 %.0f 毫秒\n", len(changed), res.Rendered, ms)
	}
}
