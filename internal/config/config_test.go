package config

import (
	"strings"
	"testing"
	"time"
)

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

func TestCleanupBatch(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       BatchInfo
		err        string
	}{
		{"name only", "[cleanup]\nbatch = \"2026年度清理\"\n", BatchInfo{Name: "2026年度清理"}, ""},
		{"table", "[cleanup.batch]\nname = \"专项清理\"\nkind = \"专项\"\ntrigger = \"甲条例\"\npublished = true\ndecision = \"关于废止的决定\"\ndoc_number = \"机党〔2026〕5号\"\ndate = 2026-11-20\n",
			BatchInfo{Name: "专项清理", Kind: "专项", Trigger: "甲条例", Published: true, Decision: "关于废止的决定", DocNumber: "机党〔2026〕5号", Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)}, ""},
		{"unknown kind", "[cleanup.batch]\nname = \"甲\"\nkind = \"年度\"\n", BatchInfo{}, "kind"},
		{"special without trigger", "[cleanup.batch]\nname = \"甲\"\nkind = \"专项\"\n", BatchInfo{}, "trigger"},
		{"no name", "[cleanup.batch]\nkind = \"定期\"\n", BatchInfo{}, "name"},
	} {
		cfg, err := Parse([]byte(tc.text))
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: 错误 = %v，应提到 %s", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !cfg.Cleanup.Current.Date.Equal(tc.want.Date) {
			t.Errorf("%s: date = %v", tc.name, cfg.Cleanup.Current.Date)
		}
		got := cfg.Cleanup.Current
		got.Date, tc.want.Date = time.Time{}, time.Time{}
		if got != tc.want || cfg.Cleanup.Batch != tc.want.Name {
			t.Errorf("%s: batch = %+v (%q)，应为 %+v", tc.name, got, cfg.Cleanup.Batch, tc.want)
		}
	}
}

func TestFilingDaysDefault(t *testing.T) {
	cfg, err := Parse(nil)
	if err != nil || cfg.Cleanup.FilingDays != 30 || Default().Cleanup.FilingDays != 30 {
		t.Fatalf("filing_days 默认应为 30：%d, %v", cfg.Cleanup.FilingDays, err)
	}
}
