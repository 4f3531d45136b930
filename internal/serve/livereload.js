// djkb serve: reload the page after each build. Injected only by djkb serve.
(function () {
  "use strict";
  if (!window.EventSource) { return; }
  var script = document.currentScript;
  var base = script ? script.src.replace(/livereload\.js(\?.*)?$/, "") : "/_djkb/";
  var version = null;
  var source = new EventSource(base + "events");
  source.addEventListener("build", function (e) {
    var v = e.data;
    if (version !== null && v !== version) { window.location.reload(); }
    version = v;
  });
  // A new search index matters only to the search page.
  source.addEventListener("index", function (e) {
    version = e.data;
    if (/\/search\/(index\.html)?$/.test(window.location.pathname)) { window.location.reload(); }
  });
})();
