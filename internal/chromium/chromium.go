// Package chromium starts the system's headless Chromium through chromedp,
// with the flags that keep it quiet on a closed network. The digest's PDF
// printing and the browser tests share it.
package chromium

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"slices"

	"github.com/chromedp/chromedp"
)

// InstallHint tells an editor how to get Chromium on Debian or Ubuntu.
const InstallHint = "找不到 Chromium 浏览器：请先安装（Debian：sudo apt-get install chromium-headless-shell fonts-noto-cjk，或安装 chromium），或用环境变量 DJKB_CHROMIUM 指定浏览器程序的路径"

// ErrNotFound means no Chromium binary was found.
var ErrNotFound = errors.New(InstallHint)

// Use says what a browser is started for, which decides the binary.
type Use int

const (
	// Browse is for tests of what a person sees: the full browser first,
	// as staff run it.
	Browse Use = iota
	// Print is for the digest's PDF: the headless shell first. It is the
	// same engine without the browser's windows and their services, so it
	// prints a long document several times faster than the full browser,
	// and a short one without the browser's start-up cost.
	Print
)

// The names Chromium goes by on PATH, best first for each use.
var (
	browsers = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}
	shells   = []string{"chromium-headless-shell", "chrome-headless-shell", "headless-shell"}
)

// Paths returns every Chromium binary found for use, best first:
// $DJKB_CHROMIUM alone when it is set, else the usual names on PATH.
func Paths(use Use) []string {
	if p := os.Getenv("DJKB_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return nil
		}
		return []string{p}
	}
	names := slices.Concat(browsers, shells)
	if use == Print {
		names = slices.Concat(shells, browsers)
	}
	var out []string
	seen := map[string]bool{}
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// Path returns the best Chromium binary for use.
func Path(use Use) (string, error) {
	if paths := Paths(use); len(paths) > 0 {
		return paths[0], nil
	}
	return "", ErrNotFound
}

// New starts the best headless Chromium for use; see Start.
func New(parent context.Context, use Use) (context.Context, context.CancelFunc, error) {
	bin, err := Path(use)
	if err != nil {
		return nil, nil, err
	}
	return Start(parent, bin)
}

// Start starts the Chromium binary bin headless with a fresh profile and
// returns a browser context; cancel stops the browser and removes the
// profile.
func Start(parent context.Context, bin string) (context.Context, context.CancelFunc, error) {
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
