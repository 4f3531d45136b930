/* djkb site.js: small enhancements of the server-rendered pages. Everything
   works without it; with it:
   - each article of a regulation gets a "复制链接" button;
   - section, term and taxonomy lists can be filtered and sorted in place;
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

  // Set the article number in bold when the paragraph starts with it.
  function markNumber(p, label) {
    var first = p.firstChild;
    if (first && first.nodeType === 3 && first.nodeValue.indexOf(label) === 0) {
      first.nodeValue = first.nodeValue.slice(label.length);
      p.insertBefore(el("strong", { "class": "article-no" }, label), first);
    }
  }

  function addCopyButton(p) {
    var label = articleLabel(p);
    markNumber(p, label);
    var button = el("button", { type: "button", "class": "copy-link", "aria-label": "复制链接：" + label }, "复制链接");
    var timer;
    button.addEventListener("click", function () {
      var link = pageAddress() + "#" + p.id;
      copyText(link, function (ok) {
        showInAddressBar(p.id);
        button.textContent = ok ? "已复制" : "请从地址栏复制";
        button.className = "copy-link is-done";
        announce(ok ? "已复制" + label + "的链接：" + link : "无法自动复制，" + label + "的链接已显示在地址栏");
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
          button.textContent = "复制链接";
          button.className = "copy-link";
        }, 2500);
      });
    });
    p.appendChild(button);
  }

  each(document.querySelectorAll(".content p.article[id]"), addCopyButton);

  // Markdown task lists render bare checkboxes: name each by its item.
  each(document.querySelectorAll(".content li > input[type=checkbox]"), function (box) {
    if (!box.id && !box.getAttribute("aria-label")) {
      box.setAttribute("aria-label", (box.parentNode.textContent || "").replace(/^\s+|\s+$/g, ""));
    }
  });

  /* Table of contents: mark the part being read ----------------------- */

  function tocSpy() {
    var targets = [];
    each(document.querySelectorAll(".toc a[href^='#']"), function (a) {
      var id;
      try {
        id = decodeURIComponent(a.getAttribute("href").slice(1));
      } catch (e) {
        return;
      }
      var h = document.getElementById(id);
      if (h) {
        targets.push([h, a]);
      }
    });
    if (targets.length < 2 || !window.requestAnimationFrame) {
      return;
    }
    var current = null, pending = false;
    function update() {
      pending = false;
      var found = null;
      for (var i = 0; i < targets.length && targets[i][0].getBoundingClientRect().top < 120; i++) {
        found = targets[i][1];
      }
      if (found !== current) {
        if (current) {
          current.removeAttribute("aria-current");
        }
        if (found) {
          found.setAttribute("aria-current", "location");
        }
        current = found;
      }
    }
    window.addEventListener("scroll", function () {
      if (!pending) {
        pending = true;
        window.requestAnimationFrame(update);
      }
    });
    update();
  }
  tocSpy();

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

  function pageListTools(list) {
    var items = [];
    each(list.children, function (li) { items.push(li); });
    if (items.length < 2) {
      return;
    }
    var original = items.slice();
    var text = searchBox("标题、文号、单位或摘要");
    var controls = [["筛选", text]];
    var statuses = distinct(items, "data-status");
    var groups = distinct(items, "data-group");
    var status, group;
    if (statuses.length > 1) {
      status = select("status", [["", "全部"]].concat(statuses.map(function (s) { return [s, s]; })));
      controls.push(["效力状态", status]);
    }
    if (groups.length > 1) {
      group = select("group", [["", "全部"]].concat(groups.map(function (s) { return [s, s]; })));
      var names = distinct(items, "data-group-name");
      controls.push([names.length === 1 ? names[0] : "类别", group]);
    }
    var order = select("sort", [["", "默认顺序"], ["new", "日期：从新到旧"], ["old", "日期：从旧到新"], ["title", "标题"]]);
    controls.push(["排序", order]);
    var line = toolbar(list, "list-tools", controls);
    var empty = el("p", { "class": "tools-empty", hidden: "" }, "本页没有符合条件的内容。可以清除筛选条件，或到搜索页查找全部内容。");
    list.parentNode.insertBefore(empty, list.nextSibling);

    function apply() {
      var terms = words(text.value), shown = 0;
      each(items, function (li) {
        var ok = matches(li, terms) &&
          (!status || !status.value || li.getAttribute("data-status") === status.value) &&
          (!group || !group.value || li.getAttribute("data-group") === group.value);
        li.hidden = !ok;
        if (ok) {
          shown++;
        }
      });
      var sorted = original.slice();
      var date = function (li) { return li.getAttribute("data-date") || ""; };
      if (order.value === "new") {
        sorted.sort(function (a, b) { return date(b) < date(a) ? -1 : date(b) > date(a) ? 1 : 0; });
      } else if (order.value === "old") {
        sorted.sort(function (a, b) { return date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : 0; });
      } else if (order.value === "title") {
        sorted.sort(byTitle("data-title"));
      }
      reorder(list, sorted);
      empty.hidden = shown > 0;
      line.textContent = shown === items.length ? "本页共 " + items.length + " 篇" : "显示 " + shown + " / " + items.length + " 篇";
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
