package build

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"djkb"
)

// BenchmarkBuildSample times a whole build of the sample site, search
// index included. The large-corpus figures come from go run ./bench.
func BenchmarkBuildSample(b *testing.B) {
	root, _ := filepath.Abs("../..")
	out := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		if _, err := Run(Options{SiteDir: root, OutDir: out, Defaults: djkb.Defaults}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSessionEdit times what djkb serve does after one saved edit of
// a page of the sample site.
func BenchmarkSessionEdit(b *testing.B) {
	site := copySample(b, mustAbs("../.."), "")
	sess := NewSession(Options{SiteDir: site, Defaults: djkb.Defaults})
	if _, _, err := sess.Build(); err != nil {
		b.Fatal(err)
	}
	rel := "content/regulations/党内法规/中国共产党支部工作条例（试行）.md"
	orig, err := os.ReadFile(filepath.Join(site, rel))
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		os.WriteFile(filepath.Join(site, rel), append(orig, fmt.Sprintf("\n\n补充说明%d。\n", i)...), 0o644)
		sess.Changed([]string{rel})
		if _, _, err := sess.Build(); err != nil {
			b.Fatal(err)
		}
	}
}

func mustAbs(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		panic(err)
	}
	return abs
}
