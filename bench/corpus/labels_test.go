package corpus

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"djkb/internal/numerals"
)

func TestLabels(t *testing.T) {
	if got := articleLabel(101); got != "第一百零一条" {
		t.Errorf("articleLabel(101) = %q", got)
	}
	if got := itemLabel(12); got != "（十二）" {
		t.Errorf("itemLabel(12) = %q", got)
	}
}

// TestNumeralsMatchRealLaws checks that every article number in the
// real law corpus is spelled the way numerals.Chinese spells it.
func TestNumeralsMatchRealLaws(t *testing.T) {
	dir := realLaws
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no real corpus at %s", dir)
	}
	re := regexp.MustCompile(`(?m)^\*\*第([零一二三四五六七八九十百千]+)条\*\*`)
	checked := 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(path, ".md") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range re.FindAllSubmatch(data, -1) {
			real := string(m[1])
			if got := numerals.Chinese(numerals.Parse(real)); got != real {
				t.Errorf("%s: real 第%s条, numerals.Chinese writes 第%s条", path, real, got)
			}
			checked++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 1000 {
		t.Fatalf("only %d article numbers found in %s", checked, dir)
	}
}
