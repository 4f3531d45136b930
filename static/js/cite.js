/* djkb cite.js: citations (引用).
   - a citation link (a.cite) shows the cited article's text in a small
     popover on hover, keyboard focus or a first tap, from the data the page
     carries (script#cite-data, JSON keyed by the link's href), so that it
     works from file:// too; the status shows when the document is not in
     force;
   - each article cited elsewhere gets a "被引 N" link to the 被引用 list;
   - 规范引用: djkbCitation(article) gives the citation as people write it
     (《title》第十二条) and a link that keeps to this version of the text
     (?v=issue date, which versions.js follows); each article gets a small
     "引用" button that copies both. The article menu may call the
     functions instead.
   Plain ES5, no dependencies; text goes into the page as text, never HTML. */
(function () {
  "use strict";
  if (!document.querySelector || !window.JSON) {
    return;
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

  function readJSON(id) {
    var s = document.getElementById(id);
    if (!s) {
      return null;
    }
    try {
      return JSON.parse(s.textContent);
    } catch (e) {
      return null;
    }
  }

  /* Popover -------------------------------------------------------------- */

  var data = readJSON("cite-data");
  var pop = null, owner = null, hideTimer = 0, touched = false;

  function hide() {
    if (pop && pop.parentNode) {
      pop.parentNode.removeChild(pop);
    }
    if (owner) {
      owner.removeAttribute("aria-describedby");
    }
    pop = null;
    owner = null;
  }

  function show(a) {
    var d = data && data[a.getAttribute("href")];
    if (!d) {
      return false;
    }
    window.clearTimeout(hideTimer);
    if (owner === a) {
      return true;
    }
    hide();
    pop = el("div", "cite-pop");
    pop.id = "cite-pop";
    pop.setAttribute("role", "tooltip");
    var head = el("p", "cite-pop-title", "《" + d.t + "》" + (d.a || ""));
    pop.appendChild(head);
    if (d.s) {
      pop.appendChild(el("p", "cite-pop-status", "该文件" + (d.s === "已被替代" ? "已被新版本替代" : d.s) + "，以下为其文本，请注意效力。"));
    }
    if (d.x) {
      pop.appendChild(el("p", "cite-pop-text", d.x));
    }
    var more = el("a", "cite-pop-open", d.a ? "打开" + d.a : "打开全文");
    more.href = a.href;
    pop.appendChild(more);
    pop.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
    pop.addEventListener("mouseleave", later);
    document.body.appendChild(pop);
    place(a);
    owner = a;
    a.setAttribute("aria-describedby", pop.id);
    return true;
  }

  // place puts the popover under the link, inside the window.
  function place(a) {
    var r = a.getBoundingClientRect();
    var width = Math.min(420, document.documentElement.clientWidth - 16);
    pop.style.width = width + "px";
    var left = Math.max(8, Math.min(r.left + window.pageXOffset, window.pageXOffset + document.documentElement.clientWidth - width - 8));
    pop.style.left = left + "px";
    pop.style.top = (r.bottom + window.pageYOffset + 6) + "px";
  }

  function later() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, 250);
  }

  if (data) {
    var links = document.querySelectorAll("a.cite");
    for (var i = 0; i < links.length; i++) {
      (function (a) {
        a.addEventListener("mouseenter", function () { if (!touched) { show(a); } });
        a.addEventListener("mouseleave", later);
        a.addEventListener("focus", function () { show(a); });
        a.addEventListener("blur", later);
        a.addEventListener("touchstart", function () { touched = true; }, { passive: true });
        a.addEventListener("click", function (e) {
          // A first tap shows the text; the popover's own link opens it.
          if (touched && owner !== a && show(a)) {
            e.preventDefault();
          }
        });
      })(links[i]);
    }
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" || e.key === "Esc") {
        hide();
      }
    });
    document.addEventListener("click", function (e) {
      if (pop && !pop.contains(e.target) && e.target !== owner) {
        hide();
      }
    });
  }

  // The article controls wait for site.js, which sets the article numbers
  // and runs after this script: deferred scripts run in document order, all
  // of them before DOMContentLoaded.
  function ready(fn) {
    document.addEventListener("DOMContentLoaded", fn);
  }

  /* 被引 N on each article cited -------------------------------------- */

  ready(function () {
  var cited = document.querySelectorAll(".cited-by-list [data-anchor]");
  for (var k = 0; k < cited.length; k++) {
    var anchor = cited[k].getAttribute("data-anchor");
    var p = anchor && document.getElementById(anchor);
    if (!p) {
      continue;
    }
    var n = cited[k].getAttribute("data-count");
    var badge = el("a", "cited-count", "被引 " + n);
    badge.href = "#" + cited[k].id;
    badge.setAttribute("aria-label", anchor + "被引用 " + n + " 处");
    insertAfterNumber(p, badge);
  }
  });

  function insertAfterNumber(p, node) {
    var no = p.querySelector(".article-no");
    if (no && no.parentNode === p) {
      p.insertBefore(node, no.nextSibling);
    } else {
      p.insertBefore(node, p.firstChild);
    }
  }

  /* 规范引用 ------------------------------------------------------------ */

  var chain = document.querySelector(".chain-data");
  var version = "";
  if (chain) {
    try {
      var c = JSON.parse(chain.textContent);
      var here = Number(document.querySelector("form.asof").getAttribute("data-this"));
      version = c.versions[here].issued || "";
    } catch (e) {
      version = "";
    }
  }

  // djkbCitation returns how to cite an article of this page: the text
  // (《title》第十二条) and a link that opens this version of it.
  function citation(p) {
    var label = p.id.replace(/-\d+$/, "");
    var h1 = document.querySelector(".page-header h1");
    var title = h1 ? h1.textContent.replace(/^\s+|\s+$/g, "") : document.title;
    var base = window.location.href.split("#")[0].split("?")[0];
    return { text: "《" + title + "》" + label, url: base + (version ? "?v=" + version : "") + "#" + encodeURIComponent(p.id) };
  }
  window.djkbCitation = citation;

  // djkbCopyCitation copies the citation of an article and its link, by
  // site.js's clipboard code (djkbCopyText), which every page loads.
  window.djkbCopyCitation = function (p, done) {
    var c = citation(p);
    window.djkbCopyText(c.text + "\n" + c.url, function (ok) { done(ok, c); });
  };

  // 复制引用 in each article's menu (site.js).
  if (document.querySelector(".regulation .content p.article[id]")) {
    (window.djkbArticleActions = window.djkbArticleActions || []).push({
      text: function () { return "复制引用"; },
      run: function (p, b) {
        window.djkbCopyCitation(p, function (ok, c) {
          b.textContent = ok ? "已复制引用" : "复制失败";
          b.title = c.text + " " + c.url;
        });
      }
    });
  }
})();
