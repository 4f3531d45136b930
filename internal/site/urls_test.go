package site

import (
	"testing"

	"djkb/internal/content"
)

func TestPageURL(t *testing.T) {
	tests := []struct {
		path, slug string
		section    bool
		want       string
	}{
		{"regulations/a/b.md", "", false, "regulations/a/b/"},
		{"regulations/党内法规/中国共产党支部工作条例（试行）.md", "", false, "regulations/党内法规/中国共产党支部工作条例（试行）/"},
		{"brands/数说初心.md", "shushuo", false, "brands/shushuo/"},
		{"regulations/_index.md", "", true, "regulations/"},
		{"_index.md", "", true, ""},
		{"about.md", "", false, "about/"},
	}
	for _, tt := range tests {
		src := &content.Source{Path: tt.path, IsSection: tt.section, Meta: content.Meta{Slug: tt.slug}}
		if got := pageURL(src); got != tt.want {
			t.Errorf("pageURL(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestRel(t *testing.T) {
	tests := []struct {
		from, to  string
		fileLinks bool
		want      string
	}{
		{"", "", false, "./"},
		{"", "", true, "index.html"},
		{"regulations/a/", "css/site.css", false, "../../css/site.css"},
		{"regulations/a/", "cases/b/", true, "../../cases/b/index.html"},
		{"regulations/a/", "", false, "../../"},
		{"regulations/a/", "", true, "../../index.html"},
		{"404.html", "css/site.css", false, "css/site.css"},
		{"search/", "regulations/名 有#1?/", false, "../regulations/%E5%90%8D%20%E6%9C%89%231%3F/"},
	}
	for _, tt := range tests {
		if got := Rel(tt.from, tt.to, tt.fileLinks); got != tt.want {
			t.Errorf("Rel(%q, %q, %v) = %q, want %q", tt.from, tt.to, tt.fileLinks, got, tt.want)
		}
	}
}

func TestEscapePath(t *testing.T) {
	for in, want := range map[string]string{
		"党内/（":        "%E5%85%9A%E5%86%85/%EF%BC%88",
		"a-b_c.d~e/f": "a-b_c.d~e/f",
		"a b%c":       "a%20b%25c",
		`q"<>\`:       "q%22%3C%3E%5C",
	} {
		if got := EscapePath(in); got != want {
			t.Errorf("EscapePath(%q) = %q, want %q", in, got, want)
		}
	}
}
