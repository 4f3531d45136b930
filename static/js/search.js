/* djkb search: the API on the search page.
 *
 *   djkbSearch.ready                  a Promise, resolved once the manifest is loaded
 *   djkbSearch.search(q, {filters, limit, offset, facets})
 *       -> Promise of {total, results: [{url, title, path, section, status,
 *          date, excerpt, score, subresults: [{url, title, excerpt}]}],
 *          partial, approximate?, facets?}
 *   djkbSearch.prefetch(q)            starts loading what a search for q reads first
 *
 * search/manifest.js, included after this file, calls djkbSearch._register
 * with the manifest; every other index file is loaded when a query needs it.
 * In djkb serve, after an edit, manifest.js first registers the manifest of
 * a delta index ("x/manifest", files under search/x/), which is searched
 * together with the main index (merge.js, loaded then: it is not in the
 * bundle).
 * Result links are relative to the page, from the data-root attribute of
 * #djkb-search (else absolute); data-file-links="true" makes them end in
 * index.html for sites opened from file://. */
(function (root) {
  'use strict';
  var ns = root.djkbSearch = root.djkbSearch || {};
  var engine = null, loader = null, xloader = null, delta = null, settle = {}, jsBase = '';
  var scripts = {};

  // beside loads a script that sits beside the bundle, once.
  function beside(name) {
    if (!scripts[name]) {
      scripts[name] = new Promise(function (resolve, reject) {
        var bundle = document.querySelector('script[src*="search.bundle.js"]');
        var m = document.createElement('script');
        m.src = (bundle ? bundle.src.replace(/search\.bundle\.js(\?.*)?$/, '') : jsBase) + name;
        m.onload = resolve;
        m.onerror = function () { delete scripts[name]; reject(new Error('无法加载 ' + name)); };
        (document.head || document.documentElement).appendChild(m);
      });
    }
    return scripts[name];
  }

  ns.ready = new Promise(function (resolve, reject) { settle.resolve = resolve; settle.reject = reject; });
  ns.ready.catch(function () {}); // reported by search()

  // _register receives the payload of a loaded index file.
  ns._register = function (name, payload) {
    if (name === 'x/manifest') {
      delta = payload;
      return;
    }
    if (name !== 'manifest') {
      var ld = name.lastIndexOf('x/', 0) === 0 ? xloader : loader;
      if (ld) ld.register(name, payload);
      return;
    }
    try {
      var script = document.currentScript || document.querySelector('script[src*="manifest.js"]');
      var src = script ? script.src : '';
      var base = src.replace(/manifest\.js(\?.*)?$/, '');
      var file = location.protocol === 'file:';
      loader = new ns.loader.ScriptLoader(base, file ? '' : '?v=' + payload.id, document, root.fetch);
      var box = document.getElementById('djkb-search');
      var rootURL = box && box.getAttribute('data-root');
      if (rootURL === null || rootURL === undefined) rootURL = base + '../';
      var fileLinks = box ? box.getAttribute('data-file-links') === 'true' : file;
      var main = new ns.store.Store(loader, payload);
      var open = function () {
        try {
          ns.index = main;
          if (delta && delta.base === payload.id) {
            xloader = new ns.loader.ScriptLoader(base, file ? '' : '?v=' + delta.id, document, root.fetch);
            var x = new ns.store.Store(xloader, delta, 'x/'), dead = [], v = 0;
            var rd = new ns.codec.Reader(ns.codec.bytes(delta.dead));
            while (rd.p < rd.b.length) { v += rd.uv(); dead.push(v); }
            ns.index = new ns.merge.Merged(main, x, dead);
          }
          engine = new ns.engine.Engine(ns.index, { root: rootURL, fileLinks: fileLinks });
          settle.resolve(ns.index);
          // Every answer with an excerpt needs the text code: fetch it now.
          setTimeout(function () { ns.index.codebook().catch(function () {}); }, 0);
        } catch (e) {
          settle.reject(e);
        }
      };
      jsBase = base + '../js/';
      if (delta && delta.base === payload.id && !ns.merge) {
        // Only djkb serve writes a delta: merge.js is not in the bundle but
        // beside it.
        beside('merge.js').then(open, function (e) { settle.reject(e); });
      } else {
        open();
      }
    } catch (e) {
      settle.reject(e);
    }
  };

  // _fail is called when the manifest cannot be loaded.
  ns._fail = function () { settle.reject(new Error('无法加载搜索索引（search/manifest.js）')); };

  ns.search = function (q, opts) {
    return ns.ready.then(function () {
      // Traditional characters fold by a table loaded when a query has them.
      return ns.tokenizer.needsTable(q) ? beside('t2s.js') : null;
    }).then(function () { return engine.search(q, opts || {}); });
  };

  // prefetch starts loading what a search for q reads first; the search
  // box calls it as a person types, before its results are due.
  ns.prefetch = function (q) {
    if (engine && !ns.tokenizer.needsTable(q)) engine.prefetch(q);
    else if (engine) beside('t2s.js').catch(function () {});
  };
})(this);
