package browsertest

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"djkb/internal/chromium/chromiumtest"
	"djkb/internal/content"
	"djkb/internal/diag"
	"djkb/internal/revision"
	"djkb/internal/site"
)

var versionShots = flag.String("version-shots", "", "TestVersionsAndCitations 把修订对照、引用浮窗和条文沿革的截图（1280 和 390 像素）写到这个文件夹")

// TestVersionsAndCitations, over HTTP and from file://: the comparison page
// and its selector of any two versions, as-of reading by ?asof=, an
// article's 沿革, and the popover of a cited article.
func TestVersionsAndCitations(t *testing.T) {
	for _, mode := range []string{"http", "file"} {
		t.Run(mode, func(t *testing.T) {
			b, srv := linkMode(t, mode)
			ctx := chromiumtest.New(t)
			tb := newTab(t, ctx, b.base(srv))
			current := reminderRule(t, b)
			trial := current.Chain.Versions[0]

			// 修订对照, then another pair from the selector.
			tb.open(b.pageURL(srv, current.Chain.StepTo(current).URL))
			if n := eval[int](tb, `document.querySelectorAll(".cmp-row").length`); n < 10 {
				t.Errorf("对照页只有 %d 行", n)
			}
			if s := eval[string](tb, `document.querySelector(".compare-summary").textContent`); !strings.Contains(s, "3 条修改") {
				t.Errorf("修改说明是“%s”，应有“3 条修改”", s)
			}
			tb.wait(`!document.querySelector("form.compare-pick").hidden`)
			shown := eval[int](tb, `(function () {
				var c = document.querySelector("input[name=changed]");
				c.click();
				var n = 0, rows = document.querySelectorAll(".cmp-row");
				for (var i = 0; i < rows.length; i++) { if (rows[i].offsetParent) { n++; } }
				return n;
			})()`)
			if all := eval[int](tb, `document.querySelectorAll(".cmp-row").length`); shown == 0 || shown >= all {
				t.Errorf("“只看有变化的条文”显示 %d 行（共 %d 行）", shown, all)
			}
			eval[bool](tb, `(document.querySelector("input[name=changed]").click(), true)`)
			// Two versions that are not consecutive: the chain's texts.js
			// and compare.js load on the first pick, and the rows are
			// those the build would make of the two versions.
			pickFirst := `var a = document.querySelector("select[name=a]");
				a.value = "0";
				a.dispatchEvent(new Event("change", {bubbles: true}));`
			eval[bool](tb, "(function () { "+pickFirst+" return true; })()")
			tb.wait(`document.querySelector(".compare-versions a").textContent.indexOf("2016年3月18日") >= 0`)
			if n := eval[int](tb, `document.querySelectorAll("script[src$='texts.js']").length`); n != 1 {
				t.Errorf("选择版本后加载了 %d 份 texts.js，应为 1 份", n)
			}
			want := revision.Compare(articlesOf(t, current.Chain.Versions[0]), articlesOf(t, current.Chain.Versions[2]))
			if !strings.Contains(want.Summary(), "6 条修改") {
				t.Errorf("2016 年版与 2024 年版的修改说明是“%s”，应有“6 条修改”", want.Summary())
			}
			if s := eval[string](tb, `document.querySelector(".compare-summary").textContent`); !strings.Contains(s, want.Summary()) {
				t.Errorf("选 2016 年版与 2024 年版对照后，修改说明是“%s”，应为“%s”", s, want.Summary())
			}
			var heads []string
			dels, inss := 0, 0
			for _, ch := range want.Changes {
				head := string(ch.Kind)
				switch {
				case ch.Renumbered():
					head += ch.Old.Label + " → " + ch.New.Label
				case ch.New != nil:
					head += ch.New.Label
				default:
					head += ch.Old.Label
				}
				heads = append(heads, head)
				for _, seg := range append(ch.OldSide(), ch.NewSide()...) {
					switch {
					case ch.Kind == revision.Unchanged || ch.Kind == revision.Moved:
					case seg.Op == '-':
						dels++
					case seg.Op == '+':
						inss++
					}
				}
			}
			if got := eval[string](tb, `Array.prototype.map.call(document.querySelectorAll(".cmp-head"), function (h) { return h.textContent; }).join("|")`); got != strings.Join(heads, "|") {
				t.Errorf("选 2016 年版与 2024 年版对照后的各行是\n%s\n应为\n%s", got, strings.Join(heads, "|"))
			}
			if got := eval[[]int](tb, `[document.querySelectorAll(".compare-rows del").length, document.querySelectorAll(".compare-rows ins").length]`); got[0] != dels || got[1] != inss {
				t.Errorf("选 2016 年版与 2024 年版对照后标出 %d 处删除、%d 处增加，应为 %d、%d", got[0], got[1], dels, inss)
			}
			tb.shots("compare-picked", b.pageURL(srv, current.Chain.StepTo(current).URL), pickFirst)
			tb.shots("compare", b.pageURL(srv, current.Chain.StepTo(current).URL), "")

			// As-of reading: the current version's address with a date opens
			// the version in force then, with a note.
			tb.open(b.pageURL(srv, current.URL) + "?asof=2019-01-01")
			tb.wait(`!!document.querySelector(".notice-asof")`)
			if got := eval[string](tb, "decodeURI(location.pathname)"); !strings.Contains(got, strings.TrimSuffix(trial.URL, "/")) {
				t.Errorf("?asof=2019-01-01 打开了 %s，应为 2016 年试行版本", got)
			}
			if s := eval[string](tb, `document.querySelector(".notice-asof").textContent`); !strings.Contains(s, "2019年1月1日") || !strings.Contains(s, "本页") {
				t.Errorf("按日期查看的说明是“%s”", s)
			}
			checkAsOfRule(t, tb, b, srv)
			tb.open(b.pageURL(srv, trial.URL) + "?v=" + current.Date.Format("2006-01-02") + "#第五条")
			tb.wait(`location.hash !== "" && !!document.querySelector(".chain-data") && JSON.parse(document.querySelector(".chain-data").textContent) && document.querySelector("form.asof").getAttribute("data-this") === "2"`)

			// 沿革 of an article of the current version.
			tb.open(b.pageURL(srv, current.URL))
			// It is an entry of the article's menu, which the number opens.
			tb.wait(`!!document.querySelector("#第五条 button.article-no")`)
			eval[bool](tb, `(document.querySelector("#第五条 button.article-no").click(), true)`)
			tb.wait(`!!document.querySelector("#第五条 .article-menu-extra")`)
			if s := eval[string](tb, `document.querySelector("#第五条 .article-menu").textContent`); !strings.Contains(s, "复制引用") || !strings.Contains(s, "沿革") {
				t.Errorf("第五条的菜单是“%s”，应有“复制引用”和“沿革”", s)
			}
			eval[bool](tb, `(Array.prototype.filter.call(document.querySelectorAll("#第五条 .article-menu-extra"), function (b) { return b.textContent === "沿革"; })[0].click(), true)`)
			if s := eval[string](tb, `document.getElementById("history-第五条").textContent`); !strings.Contains(s, "2016年3月18日") || !strings.Contains(s, "拆分") {
				t.Errorf("第五条的沿革是“%s”，应从 2016 年版说起，并说明由第四条拆分而来", s)
			}
			tb.shots("history", b.pageURL(srv, current.URL), `document.querySelector("#第五条 button.article-no").click(); Array.prototype.filter.call(document.querySelectorAll("#第五条 .article-menu-extra"), function (b) { return b.textContent === "沿革"; })[0].click(); document.getElementById("第五条").scrollIntoView()`)

			// The popover of a cited article, with the status of an old version.
			c := b.Site.Page("cases/警示案例/某处党员统计数据报送差错未及时谈话提醒.md")
			tb.open(b.pageURL(srv, c.URL))
			eval[bool](tb, `(document.querySelector("a.cite").focus(), true)`)
			tb.wait(`!!document.querySelector(".cite-pop")`)
			pop := eval[string](tb, `document.querySelector(".cite-pop").textContent`)
			if !strings.Contains(pop, "谈话提醒应当制作谈话记录") || !strings.Contains(pop, "已修改") {
				t.Errorf("引用浮窗是“%s”，应有第六条的文字和“已修改”", pop)
			}
			tb.shots("popover", b.pageURL(srv, c.URL), `var a = document.querySelector("a.cite"); a.scrollIntoView({block: "center"}); a.focus()`)
			if p := tb.takeProblems(); len(p) > 0 {
				t.Errorf("页面出错：%v", p)
			}
		})
	}
}

// wait polls a JavaScript condition for up to five seconds.
func (tb *tab) wait(cond string) {
	tb.t.Helper()
	for range 50 {
		if ok, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](cond)); err == nil && ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	tb.t.Fatalf("等待“%s”超时（%s）", cond, tb.location())
}

// shots writes screenshots of a page at 1280 and 390 pixels, after running
// js, when -version-shots names a folder.
func (tb *tab) shots(name, u, js string) {
	tb.t.Helper()
	if *versionShots == "" {
		return
	}
	if err := os.MkdirAll(*versionShots, 0o755); err != nil {
		tb.t.Fatal(err)
	}
	mode := "http"
	if strings.HasPrefix(u, "file:") {
		mode = "file"
	}
	for _, s := range []screen{desktop, phone} {
		tb.show(u, s)
		if js != "" {
			eval[any](tb, "(function () { "+js+" })()")
		}
		time.Sleep(200 * time.Millisecond)
		img, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			tb.t.Fatal(err)
		}
		checkPNG(tb.t.(*testing.T), name, img, s.Width)
		writeShot(tb.t.(*testing.T), *versionShots, name+"-"+s.Name+"-"+mode+".png", img)
	}
}

// checkAsOfRule asks each chain's page which version was in force on days
// around every version's start and end, and wants the version whose
// Validity (the search page's 当时有效 rule) holds that day: -1 before the
// first started, -2 once every started version had ended.
func checkAsOfRule(t *testing.T, tb *tab, b *builtSite, srv string) {
	t.Helper()
	for _, c := range b.Site.Chains {
		var days []time.Time
		for _, p := range c.Versions {
			v, _ := p.Validity()
			for _, d := range []time.Time{v.From, v.Until} {
				if !d.IsZero() {
					days = append(days, d.AddDate(0, 0, -1), d)
				}
			}
		}
		tb.open(b.pageURL(srv, c.Current().URL))
		tb.wait(`typeof window.djkbVersionInForce === "function"`)
		for _, day := range days {
			want, started := -1, false
			for i, p := range c.Versions {
				v, _ := p.Validity()
				if v.From.IsZero() || v.From.After(day) {
					continue
				}
				started = true
				if v.Until.IsZero() || day.Before(v.Until) {
					want = i
				}
			}
			if want < 0 && started {
				want = -2
			}
			iso := day.Format("2006-01-02")
			got := eval[int](tb, `window.djkbVersionInForce(JSON.parse(document.querySelector(".chain-data").textContent).versions, "`+iso+`")`)
			if got != want {
				t.Errorf("《%s》按 %s 查看选了第 %d 个版本，按效力期间应为第 %d 个", c.Current().Title, iso, got, want)
			}
		}
	}
}

// TestComparePickerMissingTexts: when the chain's texts.js does not load
// (a file missing from a copied site), picking two versions says so and
// keeps the comparison shown; the next pick tries again and compares.
func TestComparePickerMissingTexts(t *testing.T) {
	for _, mode := range []string{"http", "file"} {
		t.Run(mode, func(t *testing.T) {
			b, srv := linkMode(t, mode)
			ctx := chromiumtest.New(t)
			tb := newTab(t, ctx, b.base(srv))
			current := reminderRule(t, b)
			tb.open(b.pageURL(srv, current.Chain.StepTo(current).URL))
			tb.wait(`!document.querySelector("form.compare-pick").hidden`)
			rows := eval[int](tb, `document.querySelectorAll(".cmp-row").length`)
			// The page asks for a texts.js that is not there.
			pickMissing := `var add = document.body.appendChild;
				window.restoreAppend = function () { document.body.appendChild = add; };
				document.body.appendChild = function (n) {
					if (n.tagName === "SCRIPT" && /texts\.js$/.test(n.src)) {
						n.src = n.src.replace(/texts\.js$/, "missing-texts.js");
					}
					return add.call(document.body, n);
				};
				var a = document.querySelector("select[name=a]");
				a.value = "0";
				a.dispatchEvent(new Event("change", {bubbles: true}));`
			eval[bool](tb, "(function () { "+pickMissing+" return true; })()")
			tb.wait(`!!document.querySelector(".compare-error") && !document.querySelector(".compare-error").hidden`)
			if s := eval[string](tb, `document.querySelector(".compare-error").textContent`); !strings.Contains(s, "无法载入对照所需的文件") || !strings.Contains(s, "texts.js") {
				t.Errorf("texts.js 载入失败时的提示是“%s”", s)
			}
			if n := eval[int](tb, `document.querySelectorAll(".cmp-row").length`); n != rows {
				t.Errorf("texts.js 载入失败后对照变成 %d 行，应仍为原来的 %d 行", n, rows)
			}
			// Picking again loads the real file and compares.
			eval[bool](tb, `(function () {
				window.restoreAppend();
				var a = document.querySelector("select[name=a]");
				a.dispatchEvent(new Event("change", {bubbles: true}));
				return true;
			})()`)
			tb.wait(`document.querySelector(".compare-versions a").textContent.indexOf("2016年3月18日") >= 0`)
			if eval[bool](tb, `!document.querySelector(".compare-error").hidden`) {
				t.Error("再次选择并对照成功后，载入失败的提示仍在")
			}
			tb.shots("compare-missing-texts", b.pageURL(srv, current.Chain.StepTo(current).URL), pickMissing)
		})
	}
}

// reminderRule is the sample's 谈话提醒办法 in force, whose chain of
// versions the comparison tests open.
// articlesOf splits a version's file into its articles, as the build
// does: a one-shot build lets a chain's articles go once its comparison
// pages are written (site.Chain.Release).
func articlesOf(t *testing.T, p *site.Page) []revision.Article {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), content.Dir, filepath.FromSlash(p.Src.Path)))
	if err != nil {
		t.Fatal(err)
	}
	return revision.Split(content.Parse(p.Src.Path, data, &diag.List{}).Body())
}

func reminderRule(t *testing.T, b *builtSite) *site.Page {
	t.Helper()
	current := b.Site.Page("regulations/本单位制度/东江省统计局机关党内谈话提醒办法.md")
	if current == nil || current.Chain == nil {
		t.Fatal("示例站点缺少谈话提醒办法的版本链")
	}
	return current
}
