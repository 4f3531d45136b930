// djkb serve: reload the page after each build. Injected only by djkb serve.
(function () {
  "use strict";
  if (!window.EventSource) { return; }
  var script = document.currentScript;
  var base = script ? script.src.replace(/livereload\.js(\?.*)?$/, "") : "/_djkb/";
  var version = null;
  var source = new EventSource(base + "events");

  // The page keeps its place across a reload: the browser's own restoring
  // can land short when the page grows as it loads, so the position is kept
  // for this page and set again once it has loaded.
  var key = "djkb-scroll:" + window.location.pathname;
  function reload() {
    try { window.sessionStorage.setItem(key, String(window.scrollY)); } catch (e) { /* storage off */ }
    window.location.reload();
  }
  var saved = null;
  try {
    saved = window.sessionStorage.getItem(key);
    window.sessionStorage.removeItem(key);
  } catch (e) { /* storage off */ }
  if (saved !== null) {
    if ("scrollRestoration" in window.history) { window.history.scrollRestoration = "manual"; }
    var restore = function () { window.scrollTo(0, Number(saved)); };
    if (document.readyState === "complete") { restore(); } else { window.addEventListener("load", restore); }
  }

  // The banner of a failed build stays on screen (it is fixed to the
  // viewport); it can be folded away to read the page under it.
  var banner = document.getElementById("djkb-build-errors");
  var fold = banner && banner.querySelector("button");
  if (fold) {
    fold.addEventListener("click", function () {
      var list = banner.querySelector("ul");
      var open = list.hidden;
      list.hidden = !open;
      fold.textContent = open ? "收起" : "展开";
      fold.setAttribute("aria-expanded", String(open));
    });
  }

  source.addEventListener("build", function (e) {
    var v = e.data;
    if (version !== null && v !== version) { reload(); }
    version = v;
  });
  // A new search index matters only to the search page.
  source.addEventListener("index", function (e) {
    version = e.data;
    if (/\/search\/(index\.html)?$/.test(window.location.pathname)) { reload(); }
  });
})();
