package config

import "testing"

// TestListPages checks list_pages: 50 unless set, 0 turns the cap off, and
// a negative number, which means nothing, is the default.
func TestListPages(t *testing.T) {
	for _, tc := range []struct {
		toml string
		want int
	}{
		{"", DefaultListPages},
		{"list_pages = 10", 10},
		{"list_pages = 0", 0},
		{"list_pages = -3", DefaultListPages},
	} {
		cfg, err := Parse([]byte(tc.toml))
		if err != nil {
			t.Fatal(err)
		}
		if cfg.ListPages != tc.want {
			t.Errorf("%q: ListPages = %d, want %d", tc.toml, cfg.ListPages, tc.want)
		}
	}
}
