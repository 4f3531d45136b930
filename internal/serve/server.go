// Package serve is djkb's development server: it builds the site into
// memory, serves it on the loopback interface, rebuilds what an edit
// affects, and reloads the browser. A failed build keeps the last good site
// served and shows its errors on every page.
package serve

import (
	"bytes"
	_ "embed"
	"fmt"
	"html"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"djkb/internal/build"
	"djkb/internal/diag"
)

//go:embed livereload.js
var liveReloadJS []byte

// Server serves a Session's files over HTTP.
type Server struct {
	session *build.Session

	mu      sync.Mutex
	state   string            // changes after every build, good or bad
	errors  []diag.Diagnostic // of the last build, when it failed
	waiters map[chan string]bool
}

// NewServer serves the files of session.
func NewServer(session *build.Session) *Server {
	return &Server{session: session, waiters: map[chan string]bool{}, state: "0"}
}

// Built records the outcome of a build and tells the browsers to reload.
func (s *Server) Built(res *build.Result, err error) {
	s.mu.Lock()
	s.errors = nil
	if err != nil && res != nil {
		for _, d := range res.Diags {
			if d.Severity == diag.Error {
				s.errors = append(s.errors, d)
			}
		}
		if len(s.errors) == 0 {
			s.errors = []diag.Diagnostic{{Severity: diag.Error, Message: err.Error()}}
		}
	}
	s.state = strconv.Itoa(s.session.Version()) + "-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	s.broadcast(s.state)
	s.mu.Unlock()
}

// Indexed tells the browsers that a new search index is in place: only the
// search page reloads for it.
func (s *Server) Indexed() {
	s.mu.Lock()
	s.state = strconv.Itoa(s.session.Version()) + "-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	s.broadcast("index:" + s.state)
	s.mu.Unlock()
}

// broadcast sends an event to every open event stream; s.mu is held.
func (s *Server) broadcast(v string) {
	for w := range s.waiters {
		select {
		case w <- v:
		default:
		}
	}
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-cache")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "只支持 GET 请求", http.StatusMethodNotAllowed)
		return
	}
	name, ok := requestName(r)
	if !ok {
		s.write(w, "400.html", refusedPage, http.StatusBadRequest)
		return
	}
	switch name {
	case "_djkb/livereload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(liveReloadJS)
		return
	case "_djkb/events":
		s.events(w, r)
		return
	}
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	data, found := s.session.File(name)
	if !found {
		if _, dir := s.session.File(name + "/index.html"); dir {
			http.Redirect(w, r, path.Base(name)+"/", http.StatusMovedPermanently)
			return
		}
		s.notFound(w)
		return
	}
	s.write(w, name, data, http.StatusOK)
}

// refusedPage answers a request that requestName refuses. A site's links
// never hold such an address unless a file's name has a backslash in it,
// so it says what to rename.
var refusedPage = []byte("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>网址不合规</title></head><body>" +
	"<p>这个网址含有预览服务器不接受的内容：反斜杠（\\ 或 %5C）、编码的斜杠（%2F）、“..” 或空字符（%00）。</p>" +
	"<p>如果是点网站里的链接来到这里的，请检查链接指向的文件或文件夹：名字里不要用反斜杠，可以改用 - 或 _。</p>" +
	"<p><a href=\"/\">返回首页</a></p></body></html>")

// requestName turns a request's path into the name of a file of the site.
// It refuses what a file server must never follow: a backslash, a NUL
// byte, a ".." segment, and a slash or backslash sent encoded (%2F, %5C),
// which decoding would turn into a separator. It reads the request target
// as sent: URL.EscapedPath may rebuild it from the decoded path, without
// the %2F.
func requestName(r *http.Request) (string, bool) {
	raw := r.RequestURI
	if raw == "" { // a request made in process, not read from a client
		raw = r.URL.EscapedPath()
	}
	raw, _, _ = strings.Cut(raw, "?")
	if containsFold(raw, "%2f") || containsFold(raw, "%5c") {
		return "", false
	}
	return cleanPath(r.URL.Path)
}

// containsFold reports whether s holds sub in any case of its letters.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// cleanPath turns a decoded request path into the name of a file of the
// site. It refuses backslashes, NUL bytes and ".." that would climb above
// the root (the files live in memory, so nothing outside the output can be
// read in any case).
func cleanPath(p string) (string, bool) {
	if strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			return "", false
		}
	}
	dir := strings.HasSuffix(p, "/")
	p = strings.TrimPrefix(path.Clean("/"+p), "/")
	if dir && p != "" {
		p += "/"
	}
	return p, true
}

func (s *Server) notFound(w http.ResponseWriter) {
	if data, ok := s.session.File("404.html"); ok {
		// 404.html links relative to the site root; it is served at any
		// depth, so tell the browser where the root is.
		data = bytes.Replace(data, []byte("<head>"), []byte(`<head><base href="/">`), 1)
		s.write(w, "404.html", data, http.StatusNotFound)
		return
	}
	page := []byte("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>页面不存在</title></head><body><p>页面不存在。</p></body></html>")
	s.write(w, "404.html", page, http.StatusNotFound)
}

// contentTypes fixes the types the system's MIME table may lack or get
// wrong.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".json": "application/json",
	".xml":  "application/xml; charset=utf-8",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".gif":  "image/gif",
	".webp": "image/webp",
	".pdf":  "application/pdf",
	".txt":  "text/plain; charset=utf-8",
}

func (s *Server) write(w http.ResponseWriter, name string, data []byte, status int) {
	ext := strings.ToLower(path.Ext(name))
	ct, ok := contentTypes[ext]
	if !ok {
		if ct = mime.TypeByExtension(ext); ct == "" {
			ct = "application/octet-stream"
		}
	}
	w.Header().Set("Content-Type", ct)
	if ext == ".html" {
		data = s.withErrors(data)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	w.Write(data)
}

// withErrors puts the errors of a failed build at the top of a page, so
// that an editor sees what to fix on whatever page is open.
func (s *Server) withErrors(page []byte) []byte {
	s.mu.Lock()
	errs := s.errors
	s.mu.Unlock()
	if len(errs) == 0 {
		return page
	}
	var b strings.Builder
	// Fixed to the bottom of the window: in view wherever the reloaded page
	// is scrolled to, and moving nothing on the page, whose place is kept.
	b.WriteString(`<div id="djkb-build-errors" role="alert" style="position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:45vh;overflow:auto;margin:0;padding:12px 20px;background:#fff3f3;color:#7a0000;border-top:3px solid #b00;box-shadow:0 -2px 8px rgba(0,0,0,.2);font:15px/1.6 sans-serif">`)
	b.WriteString(`<button type="button" aria-expanded="true" style="float:right;margin-left:1em;font:inherit;color:inherit;background:#fff;border:1px solid #b00;border-radius:4px;padding:0 .6em">收起</button>`)
	fmt.Fprintf(&b, `<strong>构建失败，共 %d 个错误。页面显示的是上一次成功构建的网站；改正后会自动刷新。</strong><ul style="margin:6px 0 0;padding-left:1.2em">`, len(errs))
	for _, d := range errs {
		b.WriteString("<li>")
		b.WriteString(html.EscapeString(d.String()))
		b.WriteString("</li>")
	}
	b.WriteString("</ul></div>")
	i := strings.Index(string(page), "<body")
	if i >= 0 {
		if j := strings.IndexByte(string(page[i:]), '>'); j >= 0 {
			i += j + 1
			out := make([]byte, 0, len(page)+b.Len())
			out = append(out, page[:i]...)
			out = append(out, b.String()...)
			return append(out, page[i:]...)
		}
	}
	return append([]byte(b.String()), page...)
}

// events streams the build state to a page's reload script.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "不支持事件流", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	ch := make(chan string, 1)
	s.mu.Lock()
	s.waiters[ch] = true
	state := s.state
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.waiters, ch)
		s.mu.Unlock()
	}()
	send := func(v string) bool {
		event := "build"
		if rest, ok := strings.CutPrefix(v, "index:"); ok {
			event, v = "index", rest
		}
		_, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, v)
		flusher.Flush()
		return err == nil
	}
	if !send(state) {
		return
	}
	keepAlive := time.NewTicker(20 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case v := <-ch:
			if !send(v) {
				return
			}
		case <-keepAlive.C:
			if _, err := fmt.Fprint(w, ": keep-alive\n\n"); err != nil {
				return
			}
			flusher.Flush()
		}
	}
}
