package browsertest

import (
	"strings"
	"testing"

	"djkb/internal/chromium/chromiumtest"
)

// TestNarrowScreens opens every kind of page on a 360 px phone: nothing may
// stick out sideways, so that no page needs scrolling left and right.
func TestNarrowScreens(t *testing.T) {
	b, base := server(t)
	tb := newTab(t, chromiumtest.New(t), base)
	narrow := screen{Name: "360", Width: 360, Height: 740, Phone: true}
	for _, k := range pagesOfEachKind(t, b) {
		tb.show(b.pageURL(base, k.URL), narrow)
		wide := eval[[]string](tb, `(function () {
			var out = [], w = document.documentElement.clientWidth;
			var all = document.querySelectorAll("body *");
			for (var i = 0; i < all.length && out.length < 5; i++) {
				var r = all[i].getBoundingClientRect();
				if (r.width > 0 && (r.right > w + 1 || r.left < -1) && !all[i].closest(".visually-hidden, .skip-link, table, pre")) {
					out.push(all[i].tagName.toLowerCase() + "." + all[i].className + " " + Math.round(r.left) + "–" + Math.round(r.right));
				}
			}
			if (document.documentElement.scrollWidth > w) { out.push("页面宽 " + document.documentElement.scrollWidth + " 像素"); }
			return out;
		})()`)
		if len(wide) > 0 {
			t.Errorf("%s 页在 360 像素宽的屏幕上超出了屏幕：\n  %s", k.Kind, strings.Join(wide, "\n  "))
		}
	}
}

// TestStatusBadgesWithoutColour checks that the five 效力状态 badges differ
// in more than colour (border style and width, struck text), so that they
// read in greyscale print.
func TestStatusBadgesWithoutColour(t *testing.T) {
	b, base := server(t)
	tb := newTab(t, chromiumtest.New(t), base)
	tb.open(b.pageURL(base, ""))
	looks := eval[map[string]string](tb, `(function () {
		var out = {};
		["valid", "amended", "repealed", "void", "pending"].forEach(function (s) {
			var e = document.createElement("span");
			e.className = "status status-" + s;
			e.textContent = "状态";
			document.querySelector("main").appendChild(e);
			var cs = getComputedStyle(e);
			out[s] = [cs.borderTopStyle, cs.borderTopWidth, cs.borderLeftWidth, cs.textDecorationLine].join(" ");
			e.remove();
		});
		return out;
	})()`)
	seen := map[string]string{}
	for status, look := range looks {
		if other, dup := seen[look]; dup {
			t.Errorf("状态 %s 与 %s 的徽标去掉颜色后一样（%s）", status, other, look)
		}
		seen[look] = status
	}
	if len(looks) != 5 {
		t.Errorf("只量到 %d 种状态徽标", len(looks))
	}
}
