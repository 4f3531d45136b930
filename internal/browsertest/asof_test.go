package browsertest

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"djkb/internal/chromium/chromiumtest"
)

// TestSearchAsOf, over HTTP and from file://: the search page's 当时有效
// filter, from ?asof= in its address and from its date input, keeps the
// version of 谈话提醒办法 in force on the date and no page that is not a
// regulation, says for which date, keeps the date in the address, and its
// results open their page as of that date.
func TestSearchAsOf(t *testing.T) {
	for _, mode := range []string{"http", "file"} {
		t.Run(mode, func(t *testing.T) {
			b, srv := linkMode(t, mode)
			tb := newTab(t, chromiumtest.New(t), b.base(srv))
			current := b.Site.Page("regulations/本单位制度/东江省统计局机关党内谈话提醒办法.md")
			if current == nil || current.Chain == nil || len(current.Chain.Versions) != 3 {
				t.Fatal("示例站点缺少谈话提醒办法的三个版本")
			}
			versions := current.Chain.Versions
			// found returns the result links' site URLs (no query or
			// anchor), once the status names the date.
			found := func(date string) []string {
				t.Helper()
				tb.wait(`document.querySelector(".search-status").textContent.indexOf("当时有效（` + date + `）") === 0`)
				return eval[[]string](tb, `Array.prototype.map.call(document.querySelectorAll("#search-results .result-title a"), function (a) { return decodeURI(a.href); })`)
			}
			// chainHits says which versions of the chain the results list.
			chainHits := func(urls []string) []int {
				var out []int
				for i, v := range versions {
					if slices.ContainsFunc(urls, func(u string) bool {
						return strings.Contains(u, "/"+v.URL+"?") || strings.Contains(u, "/"+v.URL+"index.html?")
					}) {
						out = append(out, i)
					}
				}
				return out
			}
			tb.open(b.pageURL(srv, "search/") + "?q=" + url.QueryEscape("谈话提醒办法") + "&asof=2019-01-01")
			urls := found("2019年1月1日")
			if got := chainHits(urls); !slices.Equal(got, []int{0}) {
				t.Errorf("2019年1月1日有效的谈话提醒办法应只有 2016 年试行版，结果中是第 %v 版：%v", got, urls)
			}
			if v := eval[string](tb, `document.getElementById("search-asof").value`); v != "2019-01-01" {
				t.Errorf("日期框是“%s”，应为 2019-01-01", v)
			}
			for _, u := range urls {
				if !strings.Contains(u, "/regulations/") || !strings.Contains(u, "asof=2019-01-01") {
					t.Errorf("当时有效的结果应只有法规制度，链接带上日期：%s", u)
				}
			}

			// Without a query, from the date input: the regulations in
			// force on the day the 2020 version took effect.
			tb.open(b.pageURL(srv, "search/") + "?asof=2016-01-01")
			found("2016年1月1日")
			eval[bool](tb, `(function () {
				var i = document.getElementById("search-asof");
				i.value = "2020-02-01";
				i.dispatchEvent(new Event("change", {bubbles: true}));
				return true;
			})()`)
			tb.wait(`document.querySelector(".search-status").textContent.indexOf("当时有效（2020年2月1日）") === 0`)
			if got := eval[string](tb, "location.search"); !strings.Contains(got, "asof=2020-02-01") {
				t.Errorf("选日期后地址是“%s”，应带 asof=2020-02-01", got)
			}
			// Every page of the browse, then the version among them.
			for range 30 {
				if eval[bool](tb, `document.querySelector(".search-more").hidden`) {
					break
				}
				n := eval[int](tb, `(document.querySelector(".search-more").click(), document.querySelectorAll("#search-results .search-result").length)`)
				tb.wait(`document.querySelectorAll("#search-results .search-result").length > ` + strconv.Itoa(n))
			}
			urls = found("2020年2月1日")
			if got := chainHits(urls); !slices.Equal(got, []int{1}) {
				t.Errorf("2020年2月1日有效的谈话提醒办法应只有 2020 年版，结果中是第 %v 版", got)
			}
			for _, u := range urls {
				if !strings.Contains(u, "/regulations/") {
					t.Errorf("当时有效的浏览结果中有非法规页面：%s", u)
				}
			}

			// A result opens its page as of the date.
			tb.open(b.pageURL(srv, "search/") + "?q=" + url.QueryEscape("谈话提醒办法") + "&asof=2024-07-01")
			found("2024年7月1日")
			eval[bool](tb, `(Array.prototype.filter.call(document.querySelectorAll("#search-results .result-title a"), function (a) { return a.textContent === "东江省统计局机关党内谈话提醒办法"; })[0].click(), true)`)
			tb.wait(`!!document.querySelector(".notice-asof")`)
			if s := eval[string](tb, `document.querySelector(".notice-asof").textContent`); !strings.Contains(s, "2024年7月1日") || !strings.Contains(s, "本页") {
				t.Errorf("从结果打开的页面说明是“%s”，应说 2024年7月1日有效的是本页", s)
			}
			tb.shots("search-asof", b.pageURL(srv, "search/")+"?q="+url.QueryEscape("谈话提醒")+"&asof=2019-01-01", "")
			if p := tb.takeProblems(); len(p) > 0 {
				t.Errorf("页面出错：%v", p)
			}
		})
	}
}
