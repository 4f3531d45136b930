package render_test

import (
	"os"
	"testing"
	"time"

	djkb "djkb"
	"djkb/internal/build"
	"djkb/internal/render"
)

func TestZZKinds(t *testing.T) {
	dir := os.Getenv("ZZ_SITE")
	if dir == "" {
		t.Skip()
	}
	s, _ := build.Load(build.Options{SiteDir: dir, Defaults: djkb.Defaults})
	for _, ld := range []string{dir, os.Getenv("ZZ_LAYOUTS")} {
		tp, err := render.LoadTemplates(render.NewLayouts(ld, djkb.Defaults), render.Funcs())
		if err != nil {
			t.Fatal(err)
		}
		r := &render.Renderer{Site: s, Templates: tp}
		views := r.Views()
		dur := map[string]time.Duration{}
		n := map[string]int{}
		for _, v := range views {
			if v.Kind != "regulation" && v.Kind != "section" {
				continue
			}
			st := time.Now()
			r.Render(v)
			dur[v.Kind] += time.Since(st)
			n[v.Kind]++
		}
		for k := range dur {
			t.Logf("%s %-12s %5d views %6v each", ld, k, n[k], (dur[k] / time.Duration(n[k])).Round(time.Microsecond))
		}
	}
}
