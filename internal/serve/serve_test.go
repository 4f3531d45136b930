package serve

import (
	"bufio"
	"context"
	"io"
	"net"
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

	for _, tt := range []struct {
		path   string
		status int
	}{
		{"/../../etc/passwd", 400}, {"/%2e%2e/%2e%2e/etc/passwd", 400}, {"/regulations/..%2f..%2fetc/passwd", 400},
		{"/..%5c..%5cetc%5cpasswd", 400}, {"/regulations\\..\\site.toml", 400}, {"/%00index.html", 400},
		{"/css/.%2e/site.toml", 400}, {"/css/%2E./site.toml", 400},
		// An encoded slash or backslash is refused even where the decoded
		// path names a file of the site.
		{"/css%2Fsite.css", 400}, {"/css%2fsite.css", 400}, {"/css%5Csite.css", 400}, {"/css%5csite.css", 400},
		{"/regulations%2F%E7%94%B2/", 400}, {"/regulations/%E7%94%B2%2F", 400},
		{"/regulations/甲%2F", 400}, // raw UTF-8: URL.EscapedPath re-encodes the decoded path and loses the %2F
		{"/regulations/甲%2F?q=1", 400},
		{"/site.toml", 404}, {"/content/cases/乙.md", 404}, {"/css/", 404}, {"//etc/passwd", 404}, {"/css%252Fsite.css", 404},
	} {
		req, _ := http.NewRequest("GET", ts.URL+"/", nil)
		req.URL.Opaque = tt.path // send the path as written, without Go cleaning it
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d", tt.path, resp.StatusCode, tt.status)
		}
		if tt.status == 400 && !strings.Contains(string(body), "反斜杠") {
			t.Errorf("%s: the refusal does not say why", tt.path)
		}
		if strings.Contains(string(body), "root:") || strings.Contains(string(body), "title = ") {
			t.Errorf("%s: leaked a file outside the output", tt.path)
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

// TestBackslashFileName serves a site with a page whose file name holds a
// backslash. Its address (cases/back%5Cslash/) is refused like any other
// with a backslash, with a page that says what to rename; the build, not
// the server, is where such a name is reported.
func TestBackslashFileName(t *testing.T) {
	site := fixture(t)
	sitetest.Write(t, site, map[string]string{`content/cases/back\slash.md`: "# 反斜杠\n"})
	session := build.NewSession(build.Options{SiteDir: site, Defaults: djkb.Defaults, NoSearch: true})
	srv := NewServer(session)
	res, _, err := session.Build()
	srv.Built(res, err) // the page may be in the site or the build may fail over it
	ts := httptest.NewServer(srv)
	defer ts.Close()
	for _, p := range []string{"/cases/back%5Cslash/", "/cases/back%5cslash/index.html", `/cases/back\slash/`} {
		req, _ := http.NewRequest("GET", ts.URL+"/", nil)
		req.URL.Opaque = p
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "名字里不要用反斜杠") || !strings.Contains(string(body), `<a href="/">返回首页</a>`) {
			t.Errorf("%s: status %d, want 400 with the reason", p, resp.StatusCode)
		}
	}
}

// FuzzRequestName checks requestName's promises on any request line: an
// accepted name holds no backslash, NUL or ".." segment, is clean, and has
// no more slashes than the request target sent as slashes.
func FuzzRequestName(f *testing.F) {
	for _, s := range []string{"/", "/css/site.css", "/css%2Fsite.css", "/a/%2e%2e/b", "/%E7%94%B2/", "/甲%2f", "/a\\b", "/a%5cb", "//x//y/", "/a/./b/../c", "/%252F"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, target string) {
		r, err := http.ReadRequest(bufio.NewReader(strings.NewReader("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n")))
		if err != nil {
			return
		}
		name, ok := requestName(r)
		if !ok {
			return
		}
		sent, _, _ := strings.Cut(r.RequestURI, "?")
		if strings.ContainsAny(name, "\\\x00") || strings.HasPrefix(name, "/") ||
			strings.Count(name, "/") > strings.Count(sent, "/") {
			t.Fatalf("%q: accepted as %q", target, name)
		}
		for _, seg := range strings.Split(name, "/") {
			if seg == "." || seg == ".." || (seg == "" && name != "" && !strings.HasSuffix(name, "/")) {
				t.Fatalf("%q: accepted as %q, not clean", target, name)
			}
		}
	})
}

// TestBindWarning starts serve on every interface and on loopback: only the
// first warns that other computers can reach it.
func TestBindWarning(t *testing.T) {
	for _, tt := range []struct {
		bind string
		warn bool
	}{{"0.0.0.0", true}, {"127.0.0.1", false}, {"localhost", false}, {"", false}} {
		var warn, log strings.Builder
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() {
			done <- Run(ctx, Options{
				Build: build.Options{SiteDir: fixture(t), Defaults: djkb.Defaults, NoSearch: true},
				Bind:  tt.bind, Port: 0, Log: &log, Warn: &warn,
				Ready: func(string) { cancel() },
			})
		}()
		if err := <-done; err != nil {
			t.Fatalf("--bind %q: %v", tt.bind, err)
		}
		got := warn.String()
		if tt.warn != strings.Contains(got, "警告：--bind "+tt.bind+" 让局域网内的其他电脑也能访问") {
			t.Errorf("--bind %q: warning %q", tt.bind, got)
		}
		if strings.Contains(log.String(), "警告") {
			t.Errorf("--bind %q: the warning went to the log, not to Warn", tt.bind)
		}
	}
}

func TestExposed(t *testing.T) {
	for ip, want := range map[string]bool{
		"127.0.0.1": false, "127.0.5.1": false, "::1": false, "::ffff:127.0.0.1": false,
		"0.0.0.0": true, "::": true, "192.168.1.20": true, "10.0.0.1": true, "fe80::1": true,
	} {
		if got := exposed(&net.TCPAddr{IP: net.ParseIP(ip), Port: 1313}); got != want {
			t.Errorf("exposed(%s) = %v, want %v", ip, got, want)
		}
	}
}
