/* djkb versions.js: the versions of a regulation, from the chain data the
   page carries (script.chain-data, JSON), so that it works from file:// too.
   - as-of reading: a date picker and ?asof=YYYY-MM-DD open the version in
     force on that date, with a note saying so;
   - 沿革: on the newest version, each article can show when it entered and
     how each revision changed it;
   - 修订对照: a selector compares any two versions (the chain's texts.js,
     by compare.js) and can hide the articles that did not change.
   Plain ES5, no dependencies; text goes into the page as text, never HTML. */
(function () {
  "use strict";
  if (!document.querySelector || !window.JSON) {
    return;
  }

  function readJSON(sel) {
    var s = document.querySelector(sel);
    if (!s) {
      return null;
    }
    try {
      return JSON.parse(s.textContent);
    } catch (e) {
      return null;
    }
  }

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

  // link turns a site-relative URL of the data into one from this page.
  function linker(form) {
    var root = form.getAttribute("data-root") || "";
    var files = form.getAttribute("data-files") === "true" || window.location.protocol === "file:";
    return function (url) {
      if (files && (url === "" || url.charAt(url.length - 1) === "/")) {
        url += "index.html";
      }
      return root + encodeURI(url);
    };
  }

  function chineseDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? Number(m[1]) + "年" + Number(m[2]) + "月" + Number(m[3]) + "日" : "";
  }

  // inForce returns the index of the version in force on day (YYYY-MM-DD):
  // the newest that had started (start, else issued) and not yet ended
  // (until, the first day out of force, as the search page's 当时有效
  // filter counts it); -1 before the first started, -2 once all that had
  // started have ended.
  function inForce(versions, day) {
    var at = -1, ended = false;
    for (var i = 0; i < versions.length; i++) {
      var v = versions[i], start = v.start || v.issued;
      if (!start || start > day) {
        continue;
      }
      if (v.until && v.until <= day) {
        ended = true;
      } else {
        at = i;
      }
    }
    return at >= 0 || !ended ? at : -2;
  }

  var data = readJSON(".chain-data");
  if (!data || !data.versions) {
    return;
  }
  window.djkbVersionInForce = inForce;

  /* As-of reading ------------------------------------------------------- */

  var asof = document.querySelector("form.asof");
  if (asof) {
    var here = Number(asof.getAttribute("data-this"));
    var link = linker(asof);
    var input = asof.querySelector("input[name=asof]");
    var go = function (day, replace) {
      var at = inForce(data.versions, day);
      if (at >= 0 && at !== here) {
        var url = link(data.versions[at].url) + "?asof=" + day;
        if (replace) {
          window.location.replace(url);
        } else {
          window.location.href = url;
        }
        return;
      }
      showNote(day, at);
    };
    var showNote = function (day, at) {
      var old = document.querySelector(".notice-asof");
      if (old) {
        old.parentNode.removeChild(old);
      }
      var note = el("p", "notice notice-asof");
      note.setAttribute("role", "status");
      var strong = el("strong", "", "按" + chineseDate(day) + "查看：");
      note.appendChild(strong);
      if (at === here) {
        var v = data.versions[here];
        var next = data.versions[here + 1];
        var text = "当日有效的是本页这一版本（" + (chineseDate(v.start) || chineseDate(v.issued)) + "起施行";
        text += next ? "，" + chineseDate(next.start || next.issued) + "起由新版本取代）。" : "）。";
        note.appendChild(document.createTextNode(text));
        if (here !== data.current) {
          var cur = data.versions[data.current];
          note.appendChild(document.createTextNode("现行版本："));
          var a = el("a", "", "《" + cur.title + "》");
          a.href = link(cur.url);
          note.appendChild(a);
          note.appendChild(document.createTextNode("。"));
        }
      } else if (at === -1) {
        note.appendChild(document.createTextNode("当日本文件尚未施行，最早的版本自" + chineseDate(data.versions[0].start || data.versions[0].issued) + "起施行。"));
      } else {
        note.appendChild(document.createTextNode("当日本文件已经废止，没有有效的版本。"));
      }
      var header = document.querySelector(".page-header h1");
      header.parentNode.insertBefore(note, header.nextSibling);
    };
    asof.removeAttribute("hidden");
    asof.addEventListener("submit", function (e) {
      e.preventDefault();
      if (/^\d{4}-\d{2}-\d{2}$/.test(input.value)) {
        go(input.value, false);
      }
    });
    // ?v=issue date (a 规范引用 link): the version cited, whatever the
    // current version's page now holds.
    var v = /[?&]v=(\d{4}-\d{2}-\d{2})/.exec(window.location.search);
    if (v && data.versions[here].issued !== v[1]) {
      for (var k = 0; k < data.versions.length; k++) {
        if (data.versions[k].issued === v[1]) {
          window.location.replace(link(data.versions[k].url) + window.location.hash);
          return;
        }
      }
    }
    var m = /[?&]asof=(\d{4}-\d{2}-\d{2})/.exec(window.location.search);
    if (m) {
      input.value = m[1];
      go(m[1], true);
    }

    /* 沿革 of each article of the newest version ------------------------ */
    // 沿革 in each article's menu (site.js), shown below the article.
    if (here === data.versions.length - 1 && data.history) {
      (window.djkbArticleActions = window.djkbArticleActions || []).push({
        text: function (p) { return data.history[articleOf(p)] ? "沿革" : ""; },
        run: function (p, b) { toggleHistory(p, b, link); }
      });
    }
  }

  // articleHistory returns the 沿革 of an article of the newest version
  // as a list element, or null; the article menu may call it.
  function articleHistory(label, link) {
    var events = data.history[label];
    if (!events) {
      return null;
    }
    var ol = el("ol");
    for (var i = 0; i < events.length; i++) {
      var e = events[i];
      var v = data.versions[e.v];
      var li = el("li");
      var a = el("a", "", chineseDate(v.issued) || v.title);
      a.href = link(v.url);
      li.appendChild(a);
      var what = e.k === "未变" ? "未作修改" : e.k === "移动" ? "条文未变，条序调整" : e.k;
      li.appendChild(document.createTextNode(" " + what + (e.from ? "（原" + e.from + "）" : "")));
      if (v.compare && e.k !== "未变" && e.k !== "制定") {
        li.appendChild(document.createTextNode(" · "));
        var c = el("a", "", "修订对照");
        c.href = link(v.compare);
        li.appendChild(c);
      }
      ol.appendChild(li);
    }
    return ol;
  }
  window.djkbArticleHistory = articleHistory;

  function articleOf(p) {
    return p.id.replace(/-\d+$/, "");
  }

  // toggleHistory shows or hides the 沿革 of article p below it.
  function toggleHistory(p, button, link) {
    var box = document.getElementById("history-" + p.id);
    if (!box) {
      var label = articleOf(p);
      box = el("div", "history-pop");
      box.id = "history-" + p.id;
      box.hidden = true;
      box.appendChild(el("p", "history-title", label + "的沿革"));
      box.appendChild(articleHistory(label, link));
      p.parentNode.insertBefore(box, p.nextSibling);
    }
    box.hidden = !box.hidden;
    button.textContent = box.hidden ? "沿革" : "收起沿革";
  }

  /* 修订对照: any two versions ----------------------------------------- */

  var pick = document.querySelector("form.compare-pick");
  var rowsBox = document.querySelector(".compare-rows");
  if (pick && rowsBox) {
    // The versions' articles come in a script of the chain's own
    // (data-texts) and are compared by compare.js (data-compare), both
    // loaded the first time a reader picks two versions.
    var texts = null, prepared = [];
    var textsSrc = pick.getAttribute("data-texts");
    var clink = linker(pick);
    var selA = pick.querySelector("select[name=a]");
    var selB = pick.querySelector("select[name=b]");
    var only = pick.querySelector("input[name=changed]");
    var fill = function (sel, chosen) {
      for (var i = 0; i < data.versions.length; i++) {
        var v = data.versions[i];
        var o = el("option", "", (chineseDate(v.issued) || "日期不详") + "版" + (v.doc ? "（" + v.doc + "）" : ""));
        o.value = String(i);
        o.selected = i === chosen;
        sel.appendChild(o);
      }
    };
    if (textsSrc) {
      fill(selA, Number(pick.getAttribute("data-a")));
      fill(selB, Number(pick.getAttribute("data-b")));
    } else {
      selA.parentNode.hidden = true;
      selB.parentNode.hidden = true;
    }
    var load = function (src) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = function () {
        if (!broken) {
          show();
        }
      };
      s.onerror = function () { failed(src); };
      document.body.appendChild(s);
    };
    // failed says that a script did not load (a file missing from a copy
    // of the site, a dropped connection); the next pick tries again.
    var broken = false;
    var failed = function (src) {
      broken = true;
      pick.removeAttribute("data-loading");
      var name = src.replace(/^(\.\.\/)+/, "");
      try {
        name = decodeURI(name);
      } catch (e) {}
      var note = pick.querySelector(".compare-error");
      if (!note) {
        note = el("p", "notice notice-repealed compare-error");
        note.setAttribute("role", "alert");
        pick.appendChild(note);
      }
      note.textContent = "无法载入对照所需的文件（" + name + "），所选的两个版本暂时无法对照，下面仍是原来的对照。请刷新页面后再选；仍然不行的，请告知网站管理员重新生成网站。";
      note.hidden = false;
    };
    var show = function () {
      if (!texts || !window.djkbCompare) {
        if (!pick.getAttribute("data-loading")) {
          pick.setAttribute("data-loading", "true");
          window.djkbChainTexts = function (t) {
            texts = t || [];
          };
          if (!window.djkbCompare) {
            load(pick.getAttribute("data-compare"));
          }
          if (!texts) {
            load(textsSrc);
          }
        }
        return;
      }
      var note = pick.querySelector(".compare-error");
      if (note) {
        note.hidden = true;
      }
      var a = Number(selA.value), b = Number(selB.value);
      if (a > b) {
        var t = a; a = b; b = t;
      }
      if (!texts[a] || !texts[b]) {
        return;
      }
      var version = function (i) {
        return prepared[i] || (prepared[i] = new window.djkbCompare.Version(texts[i]));
      };
      render(window.djkbCompare.compare(texts[a], texts[b], version(a), version(b)), a, b);
    };
    var render = function (pair, a, b) {
      while (rowsBox.firstChild) {
        rowsBox.removeChild(rowsBox.firstChild);
      }
      for (var i = 0; i < pair.rows.length; i++) {
        rowsBox.appendChild(row(pair.rows[i]));
      }
      var sum = document.querySelector(".compare-summary");
      if (sum) {
        sum.lastChild.nodeValue = "：" + pair.sum;
      }
      var links = document.querySelectorAll(".compare-versions a");
      var ends = [data.versions[a], data.versions[b]];
      for (var k = 0; k < links.length && k < 2; k++) {
        links[k].href = clink(ends[k].url);
        links[k].textContent = (chineseDate(ends[k].issued) || ends[k].title) + "版" + (ends[k].doc ? "（" + ends[k].doc + "）" : "");
      }
    };
    pick.addEventListener("change", function (e) {
      if (e.target === only) {
        rowsBox.className = only.checked ? "compare-rows only-changed" : "compare-rows";
      } else {
        broken = false;
        show();
      }
    });
    pick.removeAttribute("hidden");
  }

  var classes = { "未变": "same", "移动": "moved", "修改": "modified", "新增": "added", "删除": "deleted", "拆分": "split", "合并": "merged" };

  // row builds one comparison row as compare.html writes it.
  function row(r) {
    var d = el("div", "cmp-row cmp-" + (classes[r.k] || "same"));
    var head = el("p", "cmp-head");
    head.appendChild(el("span", "cmp-kind", r.k));
    head.appendChild(document.createTextNode(r.o && r.n && r.o !== r.n ? r.o + " → " + r.n : (r.n || r.o)));
    d.appendChild(head);
    if (r.k === "未变" || r.k === "移动") {
      d.appendChild(el("div", "cmp-both", r.s.length ? r.s[0][1] : ""));
      return d;
    }
    d.appendChild(side("cmp-old", "旧", r.o ? r.s : [], "-"));
    d.appendChild(side("cmp-new", "新", r.n ? r.s : [], "+"));
    return d;
  }

  function side(cls, name, segs, op) {
    var box = el("div", cls);
    box.appendChild(el("span", "cmp-side", name));
    for (var i = 0; i < segs.length; i++) {
      var s = segs[i];
      if (s[0] === "=") {
        // A run both have, as this side punctuates it.
        box.appendChild(document.createTextNode(op === "-" ? s[2] : s[1]));
      } else if (s[0] === op) {
        box.appendChild(el(op === "-" ? "del" : "ins", "", s[1]));
      }
    }
    return box;
  }
})();
