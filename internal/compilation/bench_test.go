package compilation_test

import (
	"os"
	"path/filepath"
	"testing"

	"djkb"
	"djkb/internal/build"
	"djkb/internal/compilation"
)

// BenchmarkDigestHTML does what djkb digest does without --pdf: load the
// site without converting its Markdown, compile the digest and write it to
// a file. It works on the sample site, or on the corpus named by
// DJKB_BENCH_CORPUS, such as the one `go run ./bench digest` makes:
//
//	go run ./bench gen -o bench/out/corpus1000 -files 1075 -mb 21.5
//	DJKB_BENCH_CORPUS=$PWD/bench/out/corpus1000 go test ./internal/compilation -run '^$' -bench DigestHTML -benchtime 5x
func BenchmarkDigestHTML(b *testing.B) {
	dir := os.Getenv("DJKB_BENCH_CORPUS")
	if dir == "" {
		dir = "../.."
	}
	var size int64
	for _, p := range load(b, dir).Pages {
		size += int64(len(p.Src.Body()))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	file := filepath.Join(b.TempDir(), "index.html")
	var items int
	var out int64
	for b.Loop() {
		s, diags := build.Load(build.Options{SiteDir: dir, Defaults: djkb.Defaults, NoMarkdown: true})
		if s == nil || diags.HasErrors() {
			b.Fatalf("站点无法加载：%v", diags.Items())
		}
		d, err := compilation.New(s, compilation.Options{AsOf: sampleAsOf, SiteDir: dir, Defaults: djkb.Defaults})
		if err != nil {
			b.Fatal(err)
		}
		f, err := os.Create(file)
		if err != nil {
			b.Fatal(err)
		}
		if err := d.WriteHTML(f, nil); err != nil {
			b.Fatal(err)
		}
		st, err := f.Stat()
		if err != nil || f.Close() != nil {
			b.Fatal(err)
		}
		items, out = len(d.Items), st.Size()
	}
	b.ReportMetric(float64(items), "items")
	b.ReportMetric(float64(out)/1e6, "MB-html")
}
