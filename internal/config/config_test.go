package config

import "testing"

// TestFileLinksDefault: a build must open from a file share unless the site
// asks for the addresses that only a web server resolves.
func TestFileLinksDefault(t *testing.T) {
	for _, tc := range []struct {
		toml string
		want bool
	}{
		{"", true},
		{"title = \"x\"\n", true},
		{"file_links = true\n", true},
		{"file_links = false\n", false},
	} {
		cfg, err := Parse([]byte(tc.toml))
		if err != nil {
			t.Fatalf("%q: %v", tc.toml, err)
		}
		if cfg.FileLinks != tc.want {
			t.Errorf("%q: FileLinks = %v, want %v", tc.toml, cfg.FileLinks, tc.want)
		}
	}
	if !Default().FileLinks {
		t.Error("Default().FileLinks = false, want true")
	}
}
