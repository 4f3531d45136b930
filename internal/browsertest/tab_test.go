package browsertest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// tab is one browser tab that records what must never happen on a page:
// console errors, uncaught exceptions, failed requests and requests that
// leave the site.
type tab struct {
	t    testing.TB
	ctx  context.Context
	base string // every request must start with it

	mu       sync.Mutex
	problems []string
}

// newTab opens a tab in the browser of ctx. Requests outside base are
// problems.
func newTab(t testing.TB, browser context.Context, base string) *tab {
	t.Helper()
	tb := &tab{t: t, base: base}
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithListener(tb.observe))
	t.Cleanup(cancel)
	tb.ctx = ctx
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("无法打开标签页：%v", err)
	}
	return tb
}

func (tb *tab) observe(ev any) {
	var p string
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		p = fmt.Sprintf("未捕获的异常：%s %s:%d", d.Text, d.URL, d.LineNumber+1)
		if d.Exception != nil {
			p += " " + d.Exception.Description
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				args = append(args, string(a.Value)+a.Description)
			}
			p = "控制台错误：" + strings.Join(args, " ")
		}
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			p = fmt.Sprintf("浏览器报错（%s）：%s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		if !strings.HasPrefix(u, tb.base) && !strings.HasPrefix(u, "data:") {
			p = "请求离开了站点：" + u
		}
	case *network.EventLoadingFailed:
		if !ev.Canceled {
			p = fmt.Sprintf("请求失败：%s（%s）", ev.ErrorText, ev.RequestID)
		}
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			p = fmt.Sprintf("请求失败：%s 返回 %d", ev.Response.URL, ev.Response.Status)
		}
	}
	if p != "" {
		tb.mu.Lock()
		tb.problems = append(tb.problems, p)
		tb.mu.Unlock()
	}
}

// takeProblems returns the problems seen since the last call.
func (tb *tab) takeProblems() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	p := tb.problems
	tb.problems = nil
	return p
}

// open loads a page and waits for its load event.
func (tb *tab) open(u string) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(u)); err != nil {
		tb.t.Fatalf("打开 %s 失败：%v", u, err)
	}
}

// follow runs an action that should load a new page, such as a click on a
// link, and waits for that page's load event.
func (tb *tab) follow(what string, trigger chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.WaitEvent(page.LoadEventFired, nil, trigger)); err != nil {
		tb.t.Fatalf("%s：%v", what, err)
	}
}

// eval runs JavaScript in the page and decodes its result.
func eval[T any](tb *tab, js string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		tb.t.Fatalf("执行脚本失败：%v\n%s", err, js)
	}
	return v
}

// location is the address of the page in the tab, decoded for messages.
func (tb *tab) location() string {
	return eval[string](tb, "decodeURI(location.href)")
}
