// Package chromium starts the system's headless Chromium through chromedp,
// with the flags that keep it quiet on a closed network. The digest's PDF
// printing and the browser tests share it.
package chromium

import (
	"context"
	"errors"
	"os"
	"os/exec"

	"github.com/chromedp/chromedp"
)

// InstallHint tells an editor how to get Chromium on Debian or Ubuntu.
const InstallHint = "找不到 Chromium 浏览器：请先安装（Debian/Ubuntu：sudo apt-get install chromium fonts-noto-cjk），或用环境变量 DJKB_CHROMIUM 指定浏览器程序的路径"

// ErrNotFound means no Chromium binary was found.
var ErrNotFound = errors.New(InstallHint)

// candidates are the names Chromium goes by, tried in order.
var candidates = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"}

// Path returns the Chromium binary: $DJKB_CHROMIUM, else the first of the
// usual names found on PATH.
func Path() (string, error) {
	if p := os.Getenv("DJKB_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", ErrNotFound
		}
		return p, nil
	}
	for _, name := range candidates {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNotFound
}

// New starts a headless Chromium with a fresh profile and returns a browser
// context; cancel stops the browser and removes the profile.
func New(parent context.Context) (context.Context, context.CancelFunc, error) {
	bin, err := Path()
	if err != nil {
		return nil, nil, err
	}
	profile, err := os.MkdirTemp("", "djkb-chromium-")
	if err != nil {
		return nil, nil, err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.UserDataDir(profile),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		// file:// pages load their search shards with <script> tags; no
		// other file access is needed.
		chromedp.WindowSize(1280, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(parent, opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(profile)
		return nil, nil, err
	}
	return ctx, func() {
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(profile)
	}, nil
}
