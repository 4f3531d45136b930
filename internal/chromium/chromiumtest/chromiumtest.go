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

// New returns a browser context for t, closed when the test ends.
func New(t testing.TB) context.Context {
	t.Helper()
	if _, err := chromium.Path(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI 环境必须能运行浏览器测试：%v", err)
		}
		t.Skip(err)
	}
	parent, cancelTimeout := context.WithTimeout(context.Background(), 3*time.Minute)
	ctx, cancel, err := chromium.New(parent)
	if err != nil {
		cancelTimeout()
		t.Fatalf("无法启动 Chromium：%v", err)
	}
	t.Cleanup(func() { cancel(); cancelTimeout() })
	return ctx
}
