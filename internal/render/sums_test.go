package render

import (
	"bytes"
	"testing"

	"djkb/internal/site"
)

// TestSumKey: the keys are those keyOf in static/js/site.js computes (the
// wanted values come from it, run in node), code units beyond the BMP
// included.
func TestSumKey(t *testing.T) {
	for url, want := range map[string]string{
		"about/":        "4zr7b7",
		"brands/巾帼红/":   "0vapfh",
		"":              "ztntfp",
		"a\U0001F600b/": "28k222",
		"regulations/党内法规/作风建设/三会一课实施细则/": "3b6stj",
	} {
		if got := SumKey(url); got != want {
			t.Errorf("SumKey(%q) = %s, site.js: %s", url, got, want)
		}
	}
}

func TestShortSum(t *testing.T) {
	for sum, want := range map[string]string{"1dcksts": "ksts", "eyak22": "ak22", "z1": "00z1", "": "0000"} {
		if got := ShortSum(sum); got != want {
			t.Errorf("ShortSum(%q) = %s, want %s", sum, got, want)
		}
	}
}

// TestRenderSums: one fixed-width record a page, in a call of djkbSums.
func TestRenderSums(t *testing.T) {
	r := &Renderer{Site: &site.Site{Pages: []*site.Page{{URL: "about/", Sum: "eyak22"}, {URL: "brands/巾帼红/", Sum: "1dcksts"}}}}
	var buf bytes.Buffer
	if err := r.renderSums(&buf); err != nil {
		t.Fatal(err)
	}
	if want := `djkbSums("4zr7b7ak220vapfhksts");` + "\n"; buf.String() != want {
		t.Errorf("got %s want %s", buf.String(), want)
	}
}
