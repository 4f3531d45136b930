package serve

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"djkb"
	"djkb/internal/build"
	"djkb/internal/sitetest"
)

// TestServerSurvivesFaults breaks the site in the ways an editor's machine
// does — a broken template, a file deleted between the event and the build,
// a folder renamed — and checks that the last good site stays served with
// the errors shown, and that fixing things recovers.
func TestServerSurvivesFaults(t *testing.T) {
	site := fixture(t)
	session := build.NewSession(build.Options{SiteDir: site, Defaults: djkb.Defaults, NoSearch: true})
	srv := NewServer(session)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	rebuild := func(changed ...string) error {
		session.Changed(changed)
		res, _, err := session.Build()
		srv.Built(res, err)
		return err
	}
	if err := rebuild(); err != nil {
		t.Fatal(err)
	}
	page := func(p string) string {
		t.Helper()
		_, _, body := get(t, ts.URL+p)
		return body
	}

	// A template with an error.
	sitetest.Write(t, site, map[string]string{"layouts/regulation.html": "{{define \"main\"}}{{.Page.Nope}{{end}}"})
	if err := rebuild("layouts/regulation.html"); err == nil {
		t.Fatal("a broken template must fail the build")
	}
	if body := page("/regulations/%E7%94%B2/"); !strings.Contains(body, "原来的内容") || !strings.Contains(body, "layouts/regulation.html") {
		t.Fatalf("the last good page with the template error should be served")
	}
	os.Remove(filepath.Join(site, "layouts/regulation.html"))
	if err := rebuild("layouts/regulation.html"); err != nil {
		t.Fatalf("removing the broken template should recover: %v", err)
	}

	// A file reported changed that is gone by the time the build reads it.
	os.Remove(filepath.Join(site, "content/cases/乙.md"))
	if err := rebuild("content/cases/乙.md"); err != nil {
		t.Fatalf("a deleted file must just disappear from the site: %v", err)
	}
	if status, _, _ := get(t, ts.URL+"/cases/%E4%B9%99/"); status != 404 {
		t.Errorf("deleted page still served (%d)", status)
	}

	// A folder renamed while the site is served.
	if err := os.Rename(filepath.Join(site, "content/regulations"), filepath.Join(site, "content/法规")); err != nil {
		t.Fatal(err)
	}
	if err := rebuild("content/regulations", "content/法规"); err != nil {
		t.Fatalf("renamed folder: %v", err)
	}
	if body := page("/%E6%B3%95%E8%A7%84/%E7%94%B2/"); !strings.Contains(body, "原来的内容") {
		t.Errorf("page not served under the renamed folder")
	}
	if status, _, _ := get(t, ts.URL+"/regulations/%E7%94%B2/"); status != 404 {
		t.Errorf("page still served under the old folder (%d)", status)
	}
}
