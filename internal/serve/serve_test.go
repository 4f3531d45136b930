package serve

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"djkb"
	"djkb/internal/build"
	"djkb/internal/sitetest"
)

func fixture(t *testing.T) string {
	dir := t.TempDir()
	sitetest.Write(t, dir, map[string]string{
		"site.toml":                "title = \"测试站点\"\n",
		"content/regulations/甲.md": "+++\ntitle = \"甲条例\"\ntags = [\"三会一课\"]\n+++\n第一条　原来的内容。\n",
		"content/cases/乙.md":       "# 乙案例\n\n适用[甲条例](../regulations/甲.md#第一条)。\n",
		"content/brands/logo.svg":  "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
	})
	return dir
}

func get(t *testing.T, url string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(body)
}

func TestHandlerRefusesTraversal(t *testing.T) {
	session := build.NewSession(build.Options{SiteDir: fixture(t), Defaults: djkb.Defaults, NoSearch: true})
	srv := NewServer(session)
	res, _, err := session.Build()
	srv.Built(res, err)
	ts := httptest.NewServer(srv)
	defer ts.Close()

	for _, p := range []string{
		"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/regulations/..%2f..%2fetc/passwd",
		"/..%5c..%5cetc%5cpasswd", "/regulations\\..\\site.toml", "/site.toml", "/content/cases/乙.md",
		"/css/", "/%00index.html", "//etc/passwd",
	} {
		req, _ := http.NewRequest("GET", ts.URL+"/", nil)
		req.URL.Opaque = p // send the path as written, without Go cleaning it
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound && resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 404", p, resp.StatusCode)
		}
		if strings.Contains(string(body), "root:") || strings.Contains(string(body), "title = ") {
			t.Errorf("%s: leaked a file outside the output", p)
		}
	}

	for path, ct := range map[string]string{
		"/": "text/html; charset=utf-8", "/css/site.css": "text/css; charset=utf-8",
		"/sitemap.xml": "application/xml; charset=utf-8", "/brands/logo.svg": "image/svg+xml",
		"/regulations/甲/": "text/html; charset=utf-8",
	} {
		status, h, _ := get(t, ts.URL+path)
		if status != 200 || h.Get("Content-Type") != ct || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: status %d, type %q, nosniff %q", path, status, h.Get("Content-Type"), h.Get("X-Content-Type-Options"))
		}
	}
	if status, _, body := get(t, ts.URL+"/regulations/甲"); status != 200 || !strings.Contains(body, "甲条例") {
		t.Errorf("a folder without its slash should redirect to the page, got %d", status)
	}
}

// TestServeLive drives djkb serve for real: it edits, breaks and fixes a
// file and reads the pages and the reload events over HTTP.
func TestServeLive(t *testing.T) {
	site := fixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{
			Build: build.Options{SiteDir: site, Defaults: djkb.Defaults, NoSearch: true},
			Port:  0,
			Ready: func(url string) { ready <- url },
		})
	}()
	var base string
	select {
	case base = <-ready:
	case err := <-done:
		t.Fatal(err)
	case <-time.After(20 * time.Second):
		t.Fatal("server did not start")
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("serve must bind loopback by default, got %s", base)
	}

	events := openEvents(t, base)
	first := events.next(t)

	_, _, page := get(t, base+"regulations/%E7%94%B2/")
	if !strings.Contains(page, "原来的内容") || !strings.Contains(page, "_djkb/livereload.js") {
		t.Fatalf("first build not served with the reload script")
	}

	edit := func(text string) string {
		sitetest.Write(t, site, map[string]string{"content/regulations/甲.md": text})
		return events.next(t)
	}
	if v := edit("+++\ntitle = \"甲条例\"\ntags = [\"三会一课\"]\n+++\n第一条　修改后的内容。\n"); v == first {
		t.Fatal("no reload event after an edit")
	}
	if _, _, page = get(t, base+"regulations/%E7%94%B2/"); !strings.Contains(page, "修改后的内容") {
		t.Fatalf("edit not served")
	}

	edit("+++\ntitle = \"甲条例\n+++\n第一条　坏掉的内容。\n")
	_, _, page = get(t, base+"regulations/%E7%94%B2/")
	if !strings.Contains(page, "djkb-build-errors") || !strings.Contains(page, "content/regulations/甲.md:2") {
		t.Fatalf("a failed build must show its error with file and line on the page")
	}
	if !strings.Contains(page, "修改后的内容") {
		t.Fatalf("the last good page must stay served while the build fails")
	}
	_, _, other := get(t, base+"cases/%E4%B9%99/")
	if !strings.Contains(other, "djkb-build-errors") {
		t.Fatalf("errors must show on every page")
	}

	edit("+++\ntitle = \"甲条例\"\n+++\n第一条　改好了。\n")
	if _, _, page = get(t, base+"regulations/%E7%94%B2/"); strings.Contains(page, "djkb-build-errors") || !strings.Contains(page, "改好了") {
		t.Fatalf("fixing the file must clear the errors and serve the fix")
	}

	// A new folder with a new page, created after the server started.
	sitetest.Write(t, site, map[string]string{"content/cases/新栏目/丙.md": "# 丙案例\n"})
	events.next(t)
	if status, _, page := get(t, base+"cases/%E6%96%B0%E6%A0%8F%E7%9B%AE/%E4%B8%99/"); status != 200 || !strings.Contains(page, "丙案例") {
		t.Fatalf("page in a new folder not served: %d", status)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

type eventStream struct {
	lines *bufio.Scanner
	body  io.Closer
}

func openEvents(t *testing.T, base string) *eventStream {
	t.Helper()
	resp, err := http.Get(base + "_djkb/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return &eventStream{lines: bufio.NewScanner(resp.Body), body: resp.Body}
}

// next returns the data of the next build event.
func (e *eventStream) next(t *testing.T) string {
	t.Helper()
	got := make(chan string, 1)
	go func() {
		for e.lines.Scan() {
			if v, ok := strings.CutPrefix(e.lines.Text(), "data: "); ok {
				got <- v
				return
			}
		}
		close(got)
	}()
	select {
	case v, ok := <-got:
		if !ok {
			t.Fatal("event stream closed")
		}
		return v
	case <-time.After(20 * time.Second):
		t.Fatal("no build event within 20 s")
	}
	return ""
}

// TestNotFoundWorksAtAnyDepth checks that the 404 page served for a deep
// address still finds its stylesheet.
func TestNotFoundWorksAtAnyDepth(t *testing.T) {
	session := build.NewSession(build.Options{SiteDir: fixture(t), Defaults: djkb.Defaults, NoSearch: true})
	srv := NewServer(session)
	res, _, err := session.Build()
	srv.Built(res, err)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	status, _, body := get(t, ts.URL+"/a/b/c/missing/")
	if status != 404 || !strings.Contains(body, `<base href="/">`) || !strings.Contains(body, `href="css/site.css"`) {
		t.Fatalf("404 page at depth: status %d", status)
	}
}
