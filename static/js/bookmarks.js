/* djkb bookmarks.js: the 我的收藏 page. Lists the pages and articles the
   reader bookmarked and the pages they read lately, which site.js keeps in
   localStorage, each marked when its page changed since the reader last
   read it, or when the site no longer has it, which the Sums of js/sums.js,
   loaded through site.js when there is something kept, tell.
   Plain ES5 like site.js, which must run first. */
(function () {
  "use strict";
  var keep = window.djkbKeep, box = document.getElementById("djkb-bookmarks");
  if (!box) {
    return;
  }
  if (!keep) {
    var note = document.createElement("p");
    note.className = "notice notice-pending";
    note.appendChild(document.createTextNode("这个浏览器不允许网页保存数据（可能处于隐私模式，或关闭了本地存储），无法使用收藏和最近浏览。"));
    box.insertBefore(note, box.querySelector(".bookmarks-columns"));
    return;
  }
  var check = null; // from keep.sums, once loaded
  var fileLinks = window.location.protocol === "file:";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (text) {
      e.appendChild(document.createTextNode(text));
    }
    return e;
  }

  function when(ms) {
    var d = new Date(ms);
    return d.getFullYear() + "年" + (d.getMonth() + 1) + "月" + d.getDate() + "日";
  }

  // item shows one kept entry: its link, and what became of its page.
  function item(entry, seen, list, name) {
    var li = el("li", "bookmarks-item");
    var hash = entry.k.indexOf("#"), page = hash < 0 ? entry.k : entry.k.slice(0, hash);
    var a = el("a", null, entry.t);
    var p = entry.p;
    if (fileLinks && /(^|\/)(#|$)/.test(p)) {
      p = p.replace(/(^|\/)(#|$)/, "$1index.html$2");
    }
    a.href = keep.root + p;
    li.appendChild(a);
    var facts = el("span", "bookmarks-facts");
    var state = check ? check(page, seen[page] || entry.s) : "";
    if (state === "gone") {
      facts.appendChild(el("span", "changed-mark", "本站已没有此页"));
    } else if (state === "changed") {
      facts.appendChild(el("span", "changed-mark", "有更新"));
    }
    facts.appendChild(el("span", null, (name === "bookmarks" ? "收藏于 " : "浏览于 ") + when(entry.at)));
    li.appendChild(facts);
    if (name === "bookmarks") {
      var remove = el("button", "bookmarks-remove", "取消收藏");
      remove.type = "button";
      remove.setAttribute("aria-label", "取消收藏：" + entry.t);
      remove.addEventListener("click", function () {
        var all = keep.get(name, []);
        for (var i = 0; i < all.length; i++) {
          if (all[i].k === entry.k) {
            all.splice(i, 1);
            break;
          }
        }
        keep.set(name, all);
        show();
        var first = box.querySelector(".bookmarks-remove");
        (first || box.querySelector("h2")).focus();
      });
      li.appendChild(remove);
    }
    list.appendChild(li);
  }

  function fill(name, list) {
    var entries = keep.get(name, []), seen = keep.get("seen", {});
    list.textContent = "";
    for (var i = 0; i < entries.length; i++) {
      item(entries[i], seen, list, name);
    }
    list.parentNode.querySelector(".bookmarks-empty").hidden = entries.length > 0;
    list.hidden = entries.length === 0;
    return entries.length;
  }

  function show() {
    fill("bookmarks", document.getElementById("bookmarks-saved"));
    var n = fill("recent", document.getElementById("bookmarks-recent"));
    box.querySelector(".bookmarks-clear-wrap").hidden = n === 0;
  }

  box.querySelector(".bookmarks-clear").addEventListener("click", function () {
    keep.set("recent", []);
    show();
    document.getElementById("recent-title").focus();
  });
  each(box.querySelectorAll("h2"), function (h) { h.setAttribute("tabindex", "-1"); });
  show();
  if (keep.get("bookmarks", []).length || keep.get("recent", []).length) {
    keep.sums(function (c) {
      check = c;
      show();
    });
  }

  function each(list, fn) {
    for (var i = 0; i < list.length; i++) {
      fn(list[i]);
    }
  }
})();
