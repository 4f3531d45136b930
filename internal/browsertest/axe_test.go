package browsertest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"djkb/internal/chromium/chromiumtest"
)

// axeViolation is the part of an axe-core result the test reports.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

// axeSource reads axe-core from node_modules (npm ci at the repository
// root). Without it the test is skipped, except under CI.
func axeSource(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("找不到 axe-core：CI 须先在仓库根目录运行 npm ci（%v）", err)
		}
		t.Skipf("找不到 axe-core，跳过无障碍检查：请先在仓库根目录运行 npm ci（%v）", err)
	}
	return string(src)
}

// Rule sets for runAxe: everything of WCAG 2.x A and AA and the best
// practices, or colour contrast alone (for the same page in other colours).
const (
	axeAll      = `{type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}`
	axeContrast = `{type: "rule", values: ["color-contrast"]}`
)

// runAxe checks the page in the tab with a rule set and returns the
// violations.
func runAxe(tb *tab, axe, rules string) []axeViolation {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Evaluate[chromedp.Void](axe)); err != nil {
		tb.t.Fatalf("无法载入 axe-core：%v", err)
	}
	run := `axe.run(document, {runOnly: ` + rules + `, resultTypes: ["violations"]}).then(function (r) {
		return JSON.stringify(r.violations.map(function (v) {
			return {id: v.id, impact: v.impact, help: v.help,
				targets: v.nodes.slice(0, 5).map(function (n) { return n.target.join(" ") + "  " + n.html.slice(0, 120); })};
		}));
	})`
	out, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](run, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("axe-core 运行失败：%v", err)
	}
	var vs []axeViolation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		tb.t.Fatal(err)
	}
	return vs
}

// TestAxe runs axe-core in every kind of page on a wide and a phone screen,
// and checks colour contrast in dark mode and on each status notice: no
// serious or critical violation is allowed; the others are logged.
func TestAxe(t *testing.T) {
	axe := axeSource(t)
	b, base := server(t)
	browser := chromiumtest.New(t)
	tb := newTab(t, browser, base)
	type check struct {
		screen screen
		rules  string
	}
	all := []check{
		{desktop, axeAll},
		{screen{Name: "390", Width: 390, Height: 844, Phone: true}, axeAll},
		{screen{Name: "1280-dark", Width: 1280, Height: 900, Dark: true}, axeContrast},
	}
	contrast := []check{{desktop, axeContrast}, all[2]}
	kinds := pagesOfEachKind(t, b)
	for i, k := range append(kinds, statusVariants(b)...) {
		checks := all
		if i >= len(kinds) {
			checks = contrast // the status notices differ in colour, not in layout
		}
		for _, c := range checks {
			s := c.screen
			tb.show(b.pageURL(base, k.URL), s)
			for _, v := range runAxe(tb, axe, c.rules) {
				msg := v.ID + "（" + v.Impact + "）：" + v.Help + "\n    " + strings.Join(v.Targets, "\n    ")
				if v.Impact == "serious" || v.Impact == "critical" {
					t.Errorf("%s 页（%s）：%s", k.Kind, s.Name, msg)
				} else {
					t.Logf("%s 页（%s）：%s", k.Kind, s.Name, msg)
				}
			}
		}
	}
}
