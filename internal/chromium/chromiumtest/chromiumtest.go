// Package chromiumtest gives tests a headless Chromium. Under CI (the CI
// environment variable set) a missing browser fails the test; elsewhere the
// test is skipped.
package chromiumtest

import (
	"context"
	"os"
	"testing"
	"time"

	"djkb/internal/chromium"
)

// New returns a browser context for t, the full browser when there is one,
// closed when the test ends.
func New(t testing.TB) context.Context {
	t.Helper()
	return Start(t, Binaries(t, chromium.Browse)[0])
}

// Binaries returns every Chromium binary found for use, best first; with
// none, it fails t under CI and skips it elsewhere.
func Binaries(t testing.TB, use chromium.Use) []string {
	t.Helper()
	paths := chromium.Paths(use)
	if len(paths) == 0 {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI 环境必须能运行浏览器测试：%v", chromium.ErrNotFound)
		}
		t.Skip(chromium.ErrNotFound)
	}
	return paths
}

// Start starts the Chromium binary bin for t, closed when the test ends.
func Start(t testing.TB, bin string) context.Context {
	t.Helper()
	parent, cancelTimeout := context.WithTimeout(context.Background(), 3*time.Minute)
	ctx, cancel, err := chromium.Start(parent, bin)
	if err != nil {
		cancelTimeout()
		t.Fatalf("无法启动 Chromium（%s）：%v", bin, err)
	}
	t.Cleanup(func() { cancel(); cancelTimeout() })
	return ctx
}
