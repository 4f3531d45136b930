package digest_test

import (
	"os"
	"testing"

	"djkb/internal/digest"
)

// BenchmarkDigestHTML compiles and renders the digest of a loaded site: the
// sample site, or the corpus named by DJKB_BENCH_CORPUS, such as one made by
//
//	go run ./bench gen -o /tmp/corpus1000 -files 1000 -mb 20
//	DJKB_BENCH_CORPUS=/tmp/corpus1000 go test ./internal/digest -run '^$' -bench DigestHTML -benchtime 5x
func BenchmarkDigestHTML(b *testing.B) {
	dir := os.Getenv("DJKB_BENCH_CORPUS")
	if dir == "" {
		dir = "../.."
	}
	s := load(b, dir)
	var size int64
	for _, p := range s.Pages {
		size += int64(len(p.Src.Body))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	var items, out int
	for b.Loop() {
		d, html := compile(b, s, dir, digest.Options{})
		items, out = len(d.Items), len(html)
	}
	b.ReportMetric(float64(items), "items")
	b.ReportMetric(float64(out)/1e6, "MB-html")
}
