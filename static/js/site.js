/* djkb site.js: small enhancements of the server-rendered pages. Everything
   works without it; with it:
   - an article's number opens a small menu: 复制链接, 收藏本条, and what
     other scripts add (window.djkbArticleActions);
   - single pages get 收藏本页 and 打印, a mark when they changed since the
     reader's last visit, and a place among the recent pages (localStorage);
   - the table of contents marks the part being read, and on narrow screens
     stays at hand behind a 目录 button;
   - "/" goes to the search box and Esc leaves it;
   - section, term and taxonomy lists can be filtered and sorted in place.
   - arriving from a search result (?hl=…), highlight.js marks the query.
   Plain ES5-compatible script for old office browsers: no modules, no
   dependencies, nothing loaded from elsewhere. */
(function () {
  "use strict";
  if (!document.querySelector || !document.addEventListener) {
    return;
  }

  function each(list, fn) {
    for (var i = 0; i < list.length; i++) {
      fn(list[i], i);
    }
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) {
      if (Object.prototype.hasOwnProperty.call(attrs, k)) {
        e.setAttribute(k, attrs[k]);
      }
    }
    if (text) {
      e.appendChild(document.createTextNode(text));
    }
    return e;
  }

  var uid = 0;
  function newID(prefix) {
    uid += 1;
    return "djkb-" + prefix + "-" + uid;
  }

  // One polite live region inside main announces what the scripts did.
  var statusRegion;
  function announce(text) {
    if (!statusRegion) {
      statusRegion = el("p", { "class": "visually-hidden", role: "status", "aria-live": "polite" });
      (document.getElementById("main") || document.body).appendChild(statusRegion);
    }
    statusRegion.textContent = "";
    window.setTimeout(function () { statusRegion.textContent = text; }, 50);
  }

  /* What a reader keeps: bookmarks, recent pages, the last visit ------ */

  // keep reads and writes the reader's bookmarks, recent pages and the Sum
  // each page had at their last visit, in localStorage under the site's
  // root path: every file:// page may share one origin, and two sites may
  // share a server. Null when the browser keeps nothing.
  // loadSums returns sums(done), which loads the short Sum of every page
  // from js/sums.js (render/sums.go) the first time it is called, with a
  // script tag, which works from file:// where fetch does not, and calls
  // done with check(key, sum): "gone" when the site has no page at the
  // site URL key, "changed" when its Sum is no longer sum, else "". done
  // gets null when the file cannot be loaded.
  function loadSums(root) {
    var waiting = null, loaded;
    function pad(s, n) {
      while (s.length < n) {
        s = "0" + s;
      }
      return s;
    }
    // keyOf and shortSum are SumKey and ShortSum of render/sums.go.
    function keyOf(url) {
      var h = 0x811c9dc5;
      for (var i = 0; i < url.length; i++) {
        h ^= url.charCodeAt(i);
        h = (h + (h << 1) + (h << 4) + (h << 7) + (h << 8) + (h << 24)) >>> 0; // h *= 16777619
      }
      return pad((h % 2176782336).toString(36), 6);
    }
    function shortSum(sum) {
      return pad(String(sum), 4).slice(-4);
    }
    function finish(check) {
      loaded = check;
      var w = waiting;
      waiting = null;
      for (var i = 0; i < w.length; i++) {
        w[i](check);
      }
    }
    return function (done) {
      if (loaded !== undefined) {
        done(loaded);
        return;
      }
      if (waiting) {
        waiting.push(done);
        return;
      }
      waiting = [done];
      window.djkbSums = function (data) {
        var sums = {};
        for (var i = 0; i + 10 <= data.length; i += 10) {
          sums[data.slice(i, i + 6)] = data.slice(i + 6, i + 10);
        }
        finish(function (key, sum) {
          var k = keyOf(key);
          if (!Object.prototype.hasOwnProperty.call(sums, k)) {
            return "gone";
          }
          return sums[k] !== shortSum(sum) ? "changed" : "";
        });
      };
      var script = document.createElement("script");
      script.onerror = function () { finish(null); };
      script.src = root + "js/sums.js";
      document.head.appendChild(script);
    };
  }

  var keep = window.djkbKeep = (function () {
    var root = document.body.getAttribute("data-root"), storage = null;
    try {
      storage = window.localStorage;
      storage.getItem("djkb");
    } catch (e) {
      storage = null;
    }
    if (root === null || !storage || !window.JSON) {
      return null;
    }
    var a = document.createElement("a");
    a.href = root || "./";
    var rootPath = a.pathname, prefix = "djkb:" + rootPath + ":";
    return {
      root: root,
      get: function (name, empty) {
        try {
          return JSON.parse(storage.getItem(prefix + name)) || empty;
        } catch (e) {
          return empty;
        }
      },
      set: function (name, value) {
        try {
          storage.setItem(prefix + name, JSON.stringify(value));
        } catch (e) {
          /* full or refused: the reader keeps what was kept */
        }
      },
      // path is the address of href below the site's root as the browser
      // writes it ("a/index.html" from file://), or null outside the site.
      path: function (href) {
        a.href = href;
        return a.pathname.indexOf(rootPath) === 0 ? a.pathname.slice(rootPath.length) : null;
      },
      // key is the site URL of a path, as the build writes it.
      key: function (path) {
        path = path.replace(/index\.html$/, "");
        try {
          return decodeURI(path);
        } catch (e) {
          return path;
        }
      },
      sums: loadSums(root)
    };
  })();

  var pageSum = document.body.getAttribute("data-sum");

  function pageTitle() {
    var h = document.querySelector("main h1");
    return h ? h.textContent.replace(/^\s+|\s+$/g, "") : document.title;
  }

  // pageEntry is this page, or a part of it when hash is "#id", as the
  // bookmarks and the recent pages list it.
  function pageEntry(hash, title) {
    var path = keep.path(window.location.href) || "";
    hash = hash || "";
    var id = hash.slice(1);
    return { p: path + (id ? "#" + encodeURIComponent(id) : ""), k: keep.key(path) + hash, t: title || pageTitle(), s: pageSum, at: new Date().getTime() };
  }

  function indexOfKey(list, k) {
    for (var i = 0; i < list.length; i++) {
      if (list[i].k === k) {
        return i;
      }
    }
    return -1;
  }

  function isBookmarked(k) {
    return indexOfKey(keep.get("bookmarks", []), k) >= 0;
  }

  // toggleBookmark adds the entry to the bookmarks, or takes it away when
  // it is there; it reports whether the entry is now kept.
  function toggleBookmark(entry) {
    var list = keep.get("bookmarks", []), i = indexOfKey(list, entry.k);
    if (i >= 0) {
      list.splice(i, 1);
    } else {
      list.unshift(entry);
    }
    keep.set("bookmarks", list);
    return i < 0;
  }

  // changedMark tells that a page changed since the reader's last visit.
  function changedMark(tag, text) {
    return el(tag, { "class": "changed-mark" }, text);
  }

  // recordVisit marks this page when it changed since the last visit, then
  // remembers its Sum and puts it first among the recent pages.
  function recordVisit() {
    var entry = pageEntry(), k = entry.k, seen = keep.get("seen", {});
    var h1 = document.querySelector("main h1");
    if (seen[k] && seen[k] !== pageSum && h1) {
      h1.parentNode.insertBefore(changedMark("p", "自您上次浏览以来，本页内容有更新。"), h1.nextSibling);
    }
    delete seen[k];
    seen[k] = pageSum;
    var keys = Object.keys ? Object.keys(seen) : [];
    for (var i = 0; i < keys.length - 2000; i++) {
      delete seen[keys[i]]; // the oldest visits first
    }
    keep.set("seen", seen);
    var recent = keep.get("recent", []), j = indexOfKey(recent, k);
    if (j >= 0) {
      recent.splice(j, 1);
    }
    recent.unshift(entry);
    keep.set("recent", recent.slice(0, 30));
  }

  // markChangedItems marks the list entries whose page changed since the
  // reader last read it. The Sums are loaded only when the list has a page
  // the reader read.
  function markChangedItems(items) {
    var seen = keep.get("seen", {}), read = [];
    each(items, function (li) {
      var a = li.querySelector("a[href]"), path = a && keep.path(a.href);
      var k = path !== null && path !== undefined ? keep.key(path) : null;
      if (k !== null && Object.prototype.hasOwnProperty.call(seen, k) && seen[k]) {
        read.push({ li: li, k: k });
      }
    });
    if (read.length === 0) {
      return;
    }
    keep.sums(function (check) {
      each(read, function (r) {
        var meta = r.li.querySelector(".page-item-meta");
        if (check && meta && check(r.k, seen[r.k]) === "changed") {
          meta.insertBefore(changedMark("span", "有更新"), meta.firstChild);
        }
      });
    });
  }

  // pageTools puts 收藏本页 and 打印 above the table of contents.
  function pageTools() {
    var aside = document.querySelector(".single-aside");
    if (!aside) {
      return;
    }
    var tools = el("div", { "class": "page-tools", role: "group", "aria-label": "本页操作" });
    if (keep) {
      var save = el("button", { type: "button", "aria-pressed": "false" });
      var k = pageEntry().k;
      setPressed(save, isBookmarked(k), "收藏本页", "已收藏本页");
      save.addEventListener("click", function () {
        var on = toggleBookmark(pageEntry());
        setPressed(save, on, "收藏本页", "已收藏本页");
        announce(on ? "已收藏本页，可在“我的收藏”中查看" : "已取消收藏本页");
      });
      tools.appendChild(save);
    }
    if (window.print) {
      var print = el("button", { type: "button" }, "打印");
      print.addEventListener("click", function () { window.print(); });
      tools.appendChild(print);
    }
    aside.insertBefore(tools, aside.firstChild);
  }

  if (keep) {
    if (pageSum) {
      recordVisit();
    }
    markChangedItems(document.querySelectorAll("li.page-item"));
  }
  if (pageSum) {
    pageTools();
  }

  /* Article links ------------------------------------------------------ */

  function pageAddress() {
    var href = window.location.href.split("#")[0];
    try {
      return decodeURI(href);
    } catch (e) {
      return href;
    }
  }

  // copyByCommand copies through a hidden text area and gives the focus
  // back to where it was.
  function copyByCommand(text) {
    var before = document.activeElement;
    var area = el("textarea", { readonly: "", "aria-hidden": "true", tabindex: "-1" });
    area.value = text;
    area.style.position = "fixed";
    area.style.top = "-1000px";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    if (before && before.focus) {
      before.focus();
    }
    return ok;
  }

  // copyText copies with the copy command, which works at once in every
  // browser while the click is fresh, and else with the clipboard API, which
  // may wait for a permission that never comes: after a while it gives up.
  function copyText(text, done) {
    if (copyByCommand(text)) {
      done(true);
      return;
    }
    if (!navigator.clipboard || !navigator.clipboard.writeText) {
      done(false);
      return;
    }
    var settled = false;
    function finish(ok) {
      if (!settled) {
        settled = true;
        done(ok);
      }
    }
    window.setTimeout(function () { finish(false); }, 1500);
    navigator.clipboard.writeText(text).then(function () { finish(true); }, function () { finish(false); });
  }

  // Other scripts copy through the same code (cite.js: 复制引用).
  window.djkbCopyText = copyText;

  function showInAddressBar(id) {
    if (window.history && window.history.replaceState) {
      try {
        window.history.replaceState(null, "", "#" + encodeURIComponent(id));
      } catch (e) {
        /* file:// pages in some browsers refuse; the link still works */
      }
    }
  }

  function articleLabel(p) {
    return p.id.replace(/-\d+$/, "");
  }

  // articleNumber makes the article number that starts the paragraph the
  // button that opens the article's menu, in the same place and type: it
  // takes no more room than the number did, so the lines and their
  // justification stay as they are. It returns null when the paragraph
  // does not start with its number.
  function articleNumber(p, label) {
    var first = p.firstChild, rest;
    if (first && first.nodeType === 3 && first.nodeValue.indexOf(label) === 0) {
      rest = first.nodeValue.slice(label.length);
    } else if (first && first.nodeType === 1 && first.tagName === "STRONG" && first.textContent === label) {
      rest = null;
    } else {
      return null;
    }
    var button = el("button", { type: "button", "class": "article-no", "aria-expanded": "false", title: "复制本条链接或收藏本条" }, label);
    p.insertBefore(button, first);
    if (rest === null) {
      p.removeChild(first);
    } else {
      first.nodeValue = rest;
    }
    return button;
  }

  // One small menu serves every article: it moves to the article whose
  // number was pressed, positioned out of the text's flow.
  var menu, menuCopy, menuSave, menuOwner;

  // Other scripts add entries to the article menu (cite.js: 复制引用;
  // versions.js: 沿革) by pushing {text: function (p) → label or "",
  // run: function (p, button)} here, before or after this script runs.
  var menuActions = window.djkbArticleActions = window.djkbArticleActions || [];

  function addActions(p) {
    each(menu.querySelectorAll(".article-menu-extra"), function (b) {
      menu.removeChild(b);
    });
    each(menuActions, function (action) {
      var text = action.text(p);
      if (text) {
        var b = el("button", { type: "button", "class": "article-menu-extra" }, text);
        b.addEventListener("click", function () {
          action.run(p, b);
        });
        menu.appendChild(b);
      }
    });
  }

  function closeMenu(focusBack) {
    if (!menuOwner) {
      return;
    }
    var owner = menuOwner;
    menuOwner = null;
    menu.hidden = true;
    owner.setAttribute("aria-expanded", "false");
    if (focusBack) {
      owner.focus();
    }
  }

  function buildMenu() {
    menu = el("span", { "class": "article-menu", id: newID("menu"), hidden: "" });
    menuCopy = el("button", { type: "button" }, "复制链接");
    menuSave = el("button", { type: "button", "aria-pressed": "false" }, "收藏本条");
    menu.appendChild(menuCopy);
    if (keep) {
      menu.appendChild(menuSave);
    }
    menuCopy.addEventListener("click", function () {
      var p = menuOwner.parentNode, label = articleLabel(p), link = pageAddress() + "#" + p.id;
      copyText(link, function (ok) {
        showInAddressBar(p.id);
        menuCopy.textContent = ok ? "已复制" : "请从地址栏复制";
        announce(ok ? "已复制" + label + "的链接：" + link : "无法自动复制，" + label + "的链接已显示在地址栏");
      });
    });
    menuSave.addEventListener("click", function () {
      var p = menuOwner.parentNode, label = articleLabel(p);
      var on = toggleBookmark(pageEntry("#" + p.id, pageTitle() + " " + label));
      setPressed(menuSave, on, "收藏本条", "已收藏本条");
      announce(on ? "已收藏" + label + "，可在“我的收藏”中查看" : "已取消收藏" + label);
    });
    menu.addEventListener("keydown", function (e) {
      if (e.key === "Escape" || e.key === "Esc") {
        closeMenu(true);
      }
    });
    // Tabbing out of the menu closes it. Copying takes the focus away for
    // a moment and gives it back: look where it is once that is over.
    menu.addEventListener("focusout", function () {
      window.setTimeout(function () {
        var f = document.activeElement;
        if (menuOwner && f && f !== document.body && !menu.contains(f) && f !== menuOwner) {
          closeMenu(false);
        }
      }, 0);
    });
    document.addEventListener("click", function (e) {
      if (menuOwner && !menu.contains(e.target) && e.target !== menuOwner) {
        closeMenu(false);
      }
    });
  }

  function openMenu(button) {
    if (!menu) {
      buildMenu();
    }
    var p = button.parentNode;
    menuOwner = button;
    p.appendChild(menu);
    menu.style.top = (button.offsetTop + button.offsetHeight) + "px";
    menu.style.left = button.offsetLeft + "px";
    menuCopy.textContent = "复制链接";
    setPressed(menuSave, isBookmarked(pageEntry("#" + p.id).k), "收藏本条", "已收藏本条");
    addActions(p);
    menu.hidden = false;
    button.setAttribute("aria-controls", menu.id);
    button.setAttribute("aria-expanded", "true");
    menuCopy.focus();
  }

  function setPressed(button, on, off, onText) {
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.textContent = on ? onText : off;
  }

  each(document.querySelectorAll(".content p.article[id]"), function (p) {
    var button = articleNumber(p, articleLabel(p));
    if (button) {
      button.addEventListener("click", function () {
        if (menuOwner === button) {
          closeMenu(true);
        } else {
          closeMenu(false);
          openMenu(button);
        }
      });
    }
  });

  // Markdown task lists render bare checkboxes: name each by its item.
  each(document.querySelectorAll(".content li > input[type=checkbox]"), function (box) {
    if (!box.id && !box.getAttribute("aria-label")) {
      box.setAttribute("aria-label", (box.parentNode.textContent || "").replace(/^\s+|\s+$/g, ""));
    }
  });

  /* Table of contents: mark the part being read ----------------------- */

  // tocFloat gives narrow screens, where the contents stand above the text,
  // a 目录 button that stays at hand and opens them over the text.
  function tocFloat(toc) {
    var list = toc.querySelector("ol");
    if (!list) {
      return;
    }
    var box = el("div", { "class": "toc-float" });
    var panel = el("nav", { "class": "toc-panel", id: newID("toc"), "aria-label": "目录面板", hidden: "" });
    var button = el("button", { type: "button", "class": "toc-float-button", "aria-expanded": "false", "aria-controls": panel.id }, "目录");
    panel.appendChild(list.cloneNode(true));
    var top = toc.querySelector(".toc-top");
    if (top) {
      panel.appendChild(top.cloneNode(true));
    }
    box.appendChild(panel);
    box.appendChild(button);
    function show(open) {
      panel.hidden = !open;
      button.setAttribute("aria-expanded", open ? "true" : "false");
    }
    button.addEventListener("click", function () { show(panel.hidden); });
    panel.addEventListener("click", function (e) {
      if (e.target.tagName === "A") {
        show(false);
      }
    });
    document.addEventListener("keydown", function (e) {
      if ((e.key === "Escape" || e.key === "Esc") && !panel.hidden) {
        show(false);
        button.focus();
      }
    });
    toc.parentNode.appendChild(box);
    // While the contents themselves are in view, the button is not needed.
    if (window.IntersectionObserver) {
      new window.IntersectionObserver(function (entries) {
        var inView = entries[entries.length - 1].isIntersecting;
        box.className = inView ? "toc-float is-idle" : "toc-float";
        if (inView) {
          show(false);
        }
      }).observe(toc);
    }
  }

  function tocSpy() {
    var toc = document.querySelector(".toc");
    if (!toc) {
      return;
    }
    tocFloat(toc);
    // Each heading with its links, in the contents and in the floating panel.
    var targets = [], byID = {};
    each(document.querySelectorAll(".toc a[href^='#'], .toc-panel a[href^='#']"), function (a) {
      var id;
      try {
        id = decodeURIComponent(a.getAttribute("href").slice(1));
      } catch (e) {
        return;
      }
      var h = id !== "main" && document.getElementById(id);
      if (!h) {
        return;
      }
      if (!byID[id]) {
        byID[id] = [h, []];
        targets.push(byID[id]);
      }
      byID[id][1].push(a);
    });
    if (targets.length < 2 || !window.requestAnimationFrame) {
      return;
    }
    var current = null, pending = false;
    function update() {
      pending = false;
      var found = null, doc = document.documentElement;
      for (var i = 0; i < targets.length && targets[i][0].getBoundingClientRect().top < 120; i++) {
        found = targets[i];
      }
      // At the end of the text the last part is being read, however short.
      if (window.innerHeight + window.pageYOffset >= doc.scrollHeight - 4) {
        found = targets[targets.length - 1];
      }
      if (found === current) {
        return;
      }
      if (current) {
        each(current[1], function (a) { a.removeAttribute("aria-current"); });
      }
      if (found) {
        each(found[1], function (a) { a.setAttribute("aria-current", "location"); });
        // Keep the marked link in sight inside the contents' own scroll.
        var a = found[1][0], top = a.offsetTop - toc.offsetTop;
        if (top < toc.scrollTop || top > toc.scrollTop + toc.clientHeight - a.offsetHeight) {
          toc.scrollTop = top - toc.clientHeight / 3;
        }
      }
      current = found;
    }
    function later() {
      if (!pending) {
        pending = true;
        window.requestAnimationFrame(update);
      }
    }
    window.addEventListener("scroll", later);
    window.addEventListener("resize", later);
    update();
  }
  tocSpy();

  /* Keyboard: "/" goes to the search box, Esc leaves it ------------------ */

  function typing(t) {
    var tag = t && t.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable);
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) {
      return;
    }
    var t = e.target;
    if (e.key === "/" && !typing(t)) {
      var box = document.getElementById("search-q") || document.getElementById("home-q") || document.getElementById("site-q");
      if (box) {
        e.preventDefault();
        box.focus();
        box.select();
      }
    } else if ((e.key === "Escape" || e.key === "Esc") && t && t.type === "search" && t.blur) {
      e.preventDefault();
      t.blur();
    }
  });

  /* List tools --------------------------------------------------------- */

  function distinct(items, attr) {
    var seen = {}, out = [];
    each(items, function (li) {
      var v = li.getAttribute(attr);
      if (v && !seen[v]) {
        seen[v] = true;
        out.push(v);
      }
    });
    return out;
  }

  function labelled(text, control) {
    var label = el("label", { "for": control.id, "class": "tools-" + control.tagName.toLowerCase() }, text);
    return [label, control];
  }

  function select(name, options) {
    var s = el("select", { id: newID(name) });
    each(options, function (o) {
      var opt = el("option", { value: o[0] }, o[1]);
      s.appendChild(opt);
    });
    return s;
  }

  function searchBox(placeholder) {
    return el("input", { type: "search", id: newID("filter"), placeholder: placeholder, autocomplete: "off" });
  }

  // onText calls f as the text of box changes, but not while a person
  // composes with an input method (pinyin, strokes): its letters are not
  // the text meant, only the committed phrase is.
  function onText(box, f) {
    box.addEventListener("input", function (e) {
      if (!e.isComposing) {
        f();
      }
    });
    box.addEventListener("compositionend", f);
  }

  // toolbar builds the box of controls before list and returns it with its
  // status line.
  function toolbar(list, name, controls) {
    var bar = el("div", { "class": name, role: "group", "aria-label": "筛选和排序本页列表" });
    each(controls, function (c) {
      var pair = labelled(c[0], c[1]);
      pair[0].appendChild(pair[1]);
      bar.appendChild(pair[0]);
    });
    var status = el("p", { "class": "tools-status", "aria-live": "polite" });
    bar.appendChild(status);
    list.parentNode.insertBefore(bar, list);
    return status;
  }

  function words(text) {
    var out = [];
    each(text.toLowerCase().split(/\s+/), function (w) {
      if (w) {
        out.push(w);
      }
    });
    return out;
  }

  function matches(li, terms) {
    var text = (li.textContent || "").toLowerCase();
    for (var i = 0; i < terms.length; i++) {
      if (text.indexOf(terms[i]) < 0) {
        return false;
      }
    }
    return true;
  }

  function byTitle(attr) {
    return function (a, b) {
      return a.getAttribute(attr).localeCompare(b.getAttribute(attr), "zh-CN");
    };
  }

  function reorder(list, items) {
    each(items, function (li) { list.appendChild(li); });
  }

  // counted returns the options of a menu: "全部", then each value with
  // how many entries have it.
  function counted(pairs) {
    return [["", "全部"]].concat(pairs.map(function (p) { return [p[0], p[0] + "（" + p[1] + "）"]; }));
  }

  function countsOf(items, attr) {
    var n = {};
    each(items, function (li) {
      var v = li.getAttribute(attr);
      n[v] = (n[v] || 0) + 1;
    });
    return distinct(items, attr).map(function (v) { return [v, n[v]]; });
  }

  // escapePath percent-encodes what render's site.Rel escapes in a link
  // and the URL parser would keep; it encodes the rest (non-ASCII) alike.
  function escapePath(p) {
    return p.replace(/[\u0000-\u0020"#%'<>?\\^`{|}\[\]\u007f]/g, function (c) {
      return "%" + ("0" + c.charCodeAt(0).toString(16).toUpperCase()).slice(-2);
    });
  }

  // listItems builds the items of a section's whole list from its data
  // (render/entries.go describes it) as the "page-list" template writes
  // them, their links made absolute from src, the script's address. Every
  // text goes in as text, never as HTML.
  function listItems(data, src) {
    var s = data.strings, items = [];
    function line(e) {
      e.appendChild(document.createTextNode("\n"));
    }
    each(data.entries, function (d) {
      var attrs = { "class": "page-item kind-" + s[d[4]], "data-title": d[2], "data-date": d[3] };
      if (d[5]) {
        attrs["data-status"] = s[d[5]];
      }
      if (d[6]) {
        attrs["data-group"] = s[d[6]];
        attrs["data-group-name"] = s[d[7]];
      }
      var li = el("li", attrs);
      var path = escapePath(data.root + s[d[0]] + (d[1] || d[2] + "/"));
      if (data.index && /\/$/.test(path)) {
        path += data.index;
      }
      var h = el("h2", { "class": "page-item-title" });
      h.appendChild(el("a", { href: new URL(path, src).href }, d[2]));
      var meta = el("p", { "class": "page-item-meta" });
      for (var i = 0; i < d[8].length; i += 2) {
        meta.appendChild(el("span", d[8][i] ? { "class": s[d[8][i]] } : {}, s[d[8][i + 1]]));
      }
      line(li);
      li.appendChild(h);
      line(li);
      li.appendChild(meta);
      line(li);
      if (d[9]) {
        li.appendChild(el("p", { "class": "page-item-summary" }, d[9]));
      }
      line(li);
      items.push(li);
    });
    return items;
  }

  // loadList loads the whole list of a section (render/entries.go) with a
  // script tag, which works from file:// where fetch does not, and calls
  // done with its items, or with null.
  function loadList(src, done) {
    var script = el("script", { src: src });
    var url = script.src; // absolute
    window.djkbListEntries = function (data) {
      var items = listItems(data, url);
      if (keep) {
        markChangedItems(items);
      }
      done(items);
    };
    script.onerror = function () { done(null); };
    document.head.appendChild(script);
  }

  // pageListTools filters and sorts a list of pages. On a section's list
  // its menus offer the values of the whole section, and once a reader
  // filters or sorts, the whole section is loaded and shown, across its
  // pages; the page's own items come back when the filters are cleared.
  function pageListTools(list) {
    var own = [];
    each(list.children, function (li) { own.push(li); });
    var all = JSON.parse(list.getAttribute("data-list-all") || "null");
    if (own.length < 2 && !(all && all.src)) {
      return;
    }
    var whole = null, loading = false;
    var pager = document.querySelector(".pager"), count = document.querySelector(".list-count");
    var text = searchBox("标题、文号、单位或摘要");
    var controls = [["筛选", text]];
    // A section too large to load offers no counts: its menus and its
    // filter are the page's.
    var statuses = all && all.status ? all.status : countsOf(own, "data-status");
    var groups = all && all.group ? all.group : countsOf(own, "data-group");
    var status, group;
    if (statuses.length > 1) {
      status = select("status", counted(statuses));
      controls.push(["效力状态", status]);
    }
    if (groups.length > 1) {
      group = select("group", counted(groups));
      var names = distinct(own, "data-group-name");
      controls.push([all && all.groupName ? all.groupName : names.length === 1 ? names[0] : "类别", group]);
    }
    var order = select("sort", [["", "默认顺序"], ["new", "日期：从新到旧"], ["old", "日期：从旧到新"], ["title", "标题"]]);
    controls.push(["排序", order]);
    var line = toolbar(list, "list-tools", controls);
    var empty = el("p", { "class": "tools-empty", hidden: "" }, all && all.src ? "本栏目没有符合条件的内容。可以清除筛选条件，或到搜索页查找全部内容。" : "本页没有符合条件的内容。可以清除筛选条件，或到搜索页查找全部内容。");
    list.parentNode.insertBefore(empty, list.nextSibling);

    function apply() {
      var terms = words(text.value), shown = 0;
      var active = terms.length > 0 || (status && status.value) || (group && group.value) || order.value;
      if (active && all && all.src && !whole && !loading) {
        loading = true;
        line.textContent = "正在载入本栏目的全部 " + all.total + " 篇……";
        loadList(all.src, function (items) {
          loading = false;
          whole = items || null;
          if (!items) {
            all.src = null; // filter this page alone
          }
          apply();
        });
        return;
      }
      if (loading) {
        return;
      }
      var items = active && whole ? whole : own;
      each(items, function (li) {
        var ok = matches(li, terms) &&
          (!status || !status.value || li.getAttribute("data-status") === status.value) &&
          (!group || !group.value || li.getAttribute("data-group") === group.value);
        li.hidden = !ok;
        if (ok) {
          shown++;
        }
      });
      var sorted = items.slice();
      var date = function (li) { return li.getAttribute("data-date") || ""; };
      if (order.value === "new") {
        sorted.sort(function (a, b) { return date(b) < date(a) ? -1 : date(b) > date(a) ? 1 : 0; });
      } else if (order.value === "old") {
        sorted.sort(function (a, b) { return date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : 0; });
      } else if (order.value === "title") {
        sorted.sort(byTitle("data-title"));
      }
      while (list.firstChild) {
        list.removeChild(list.firstChild);
      }
      reorder(list, sorted);
      each([pager, count], function (e) {
        if (e) {
          e.hidden = items === whole; // the whole section is shown, not one page
        }
      });
      empty.hidden = shown > 0;
      var where = items === whole ? "本栏目" : "本页";
      line.textContent = shown === items.length ? where + "共 " + items.length + " 篇" : "显示 " + shown + " / " + items.length + " 篇（" + where + "）";
      if (active && items === own && all && all.total > own.length) {
        line.appendChild(document.createTextNode("。本栏目共 " + all.total + " 篇，这里只筛选本页"));
        if (all.search) {
          line.appendChild(document.createTextNode("，"));
          line.appendChild(el("a", { href: all.search }, "到搜索页筛选本栏目的全部内容"));
        }
        line.appendChild(document.createTextNode("。"));
      }
    }
    onText(text, apply);
    each([status, group, order], function (s) {
      if (s) {
        s.addEventListener("change", apply);
      }
    });
    apply();
  }

  function termListTools(list) {
    var items = [];
    each(list.children, function (li) { items.push(li); });
    if (items.length < 6) {
      return;
    }
    var original = items.slice();
    var text = searchBox("输入名称中的字词");
    var order = select("sort", [["", "按篇数"], ["name", "按名称"]]);
    var line = toolbar(list, "term-tools", [["筛选", text], ["排序", order]]);
    function apply() {
      var terms = words(text.value), shown = 0;
      each(items, function (li) {
        var ok = matches(li, terms);
        li.hidden = !ok;
        if (ok) {
          shown++;
        }
      });
      var sorted = original.slice();
      if (order.value === "name") {
        sorted.sort(byTitle("data-name"));
      }
      reorder(list, sorted);
      line.textContent = shown === items.length ? "共 " + items.length + " 项" : "显示 " + shown + " / " + items.length + " 项";
    }
    onText(text, apply);
    order.addEventListener("change", apply);
    apply();
  }

  each(document.querySelectorAll("ul[data-list-tools]"), pageListTools);
  each(document.querySelectorAll("ul[data-term-tools]"), termListTools);

  /* Highlight on arrival ----------------------------------------------- */

  // A search result's link carries the query as ?hl=: highlight.js, beside
  // this file, then marks it on the page. Nothing is loaded otherwise.
  function loadHighlighter() {
    var me = document.querySelector('script[src*="site.js"]');
    if (!/[?&]hl=/.test(location.search) || !me) {
      return;
    }
    var s = el("script", { src: me.src.replace(/site\.js(\?.*)?$/, "highlight.js") });
    document.body.appendChild(s);
  }
  loadHighlighter();
})();
