package build

import "testing"

func TestClassify(t *testing.T) {
	for p, want := range map[string]Change{
		"site.toml":                     ChangeEverything,
		"layouts/base.html":             ChangeEverything,
		"layouts/partials/lists.html":   ChangeEverything,
		"layouts":                       ChangeEverything,
		"content/regulations/a.md":      ChangeContent,
		`content\cases\b.md`:            ChangeContent,
		"content/brands/logo.svg":       ChangeContent,
		"content/regulations":           ChangeContent,
		"static/css/site.css":           ChangeStatic,
		"content/regulations/.a.md.swp": ChangeIgnored,
		"content/regulations/a.md~":     ChangeIgnored,
		"content/regulations/~$报告.docx": ChangeIgnored,
		"content/4913":                  ChangeIgnored,
		"public/index.html":             ChangeIgnored,
		"README.md":                     ChangeIgnored,
		".git/index":                    ChangeIgnored,
	} {
		if got := Classify(p); got != want {
			t.Errorf("Classify(%q) = %v, want %v", p, got, want)
		}
	}
}
