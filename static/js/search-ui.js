/* djkb search: the search page. Results as you type, filters with counts,
 * keyboard navigation, and the query and filters kept in the URL (?q=…&status=…)
 * so that a search can be shared. Every text is set as text; only excerpts,
 * escaped by excerpt.js with <mark> around matches, are set as HTML. */
(function (root) {
  'use strict';
  var api = root.djkbSearch, doc = root.document;
  var box = doc.getElementById('djkb-search');
  if (!api || !box) return;
  var uri = api.uri;

  var input = box.querySelector('#search-q');
  var form = box.querySelector('.search-form');
  var facetsEl = box.querySelector('.search-facets');
  var filtersEl = box.querySelector('.search-filters');
  var statusEl = box.querySelector('.search-status');
  var emptyEl = box.querySelector('.search-empty');
  var list = box.querySelector('.search-results');
  var moreBtn = box.querySelector('.search-more');
  var asofInput = box.querySelector('#search-asof');
  var PAGE = 10, DELAY = 180, SHOWN_VALUES = 8;
  var STATUS_CLASS = { '现行有效': 'status-valid', '已修改': 'status-amended', '已废止': 'status-repealed', '宣布失效': 'status-void', '尚未施行': 'status-pending' };
  var state = { q: '', filters: {}, shown: 0 }, facetKeys = [], expanded = {}, seq = 0, timer = 0;
  var facetsShown = false, waiting = null;

  // later runs f when the reader reaches for the filters, or after 1.5 s.
  function later(f) {
    waiting = f;
    setTimeout(function () { if (waiting === f) { waiting = null; f(); } }, 1500);
  }
  function now() {
    if (waiting) { var f = waiting; waiting = null; f(); }
  }

  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  // URL <-> state.
  function readURL() {
    var params = parseParams(root.location.search);
    state.q = (params.q && params.q[0]) || '';
    state.filters = {};
    facetKeys.forEach(function (k) { if (params[k]) state.filters[k] = params[k]; });
    if (params.asof && ISO_DATE.test(params.asof[0])) state.filters.asof = [params.asof[0]];
    state.field = params['in'] && params['in'][0] === 'title' ? 'title' : '';
  }
  function parseParams(search) {
    var out = {};
    search.replace(/^\?/, '').split('&').forEach(function (kv) {
      if (!kv) return;
      var i = kv.indexOf('='), k = uri.decode(i < 0 ? kv : kv.slice(0, i)), v = i < 0 ? '' : uri.decode(kv.slice(i + 1));
      (out[k] = out[k] || []).push(v);
    });
    return out;
  }
  function writeURL() {
    var parts = [];
    if (state.q) parts.push('q=' + uri.encode(state.q));
    if (state.field) parts.push('in=' + state.field);
    facetKeys.concat('asof').forEach(function (k) {
      (state.filters[k] || []).forEach(function (v) { parts.push(uri.encode(k) + '=' + uri.encode(v)); });
    });
    var url = root.location.pathname + (parts.length ? '?' + parts.join('&') : '') + root.location.hash;
    try { root.history.replaceState(null, '', url); } catch (e) { /* file:// in some browsers */ }
  }

  function activeFilters() {
    var n = 0;
    for (var k in state.filters) n += state.filters[k].length;
    return n;
  }

  // run searches for the current state; more appends the next page. What
  // shows is always the answer to the current state: a failure anywhere,
  // from writing the URL to showing the results, replaces the last
  // answer with the error.
  function run(more) {
    var my = ++seq, offset = more ? state.shown : 0;
    var idle = !state.q.trim() && !activeFilters();
    emptyEl.hidden = !idle;
    if (!more) box.setAttribute('aria-busy', 'true');
    return new Promise(function (resolve) {
      writeURL();
      resolve(api.search(state.q, { filters: state.filters, limit: idle ? 0 : PAGE, offset: offset, field: state.field }));
    }).then(function (res) {
      if (my !== seq) return;
      box.removeAttribute('aria-busy');
      if (!more) {
        list.textContent = '';
        state.shown = 0;
        // The filter counts come second, so that results show first; on
        // an idle page, when the reader turns to the filters or after a
        // pause.
        var counts = function () {
          if (my !== seq) return;
          api.search(state.q, { filters: state.filters, limit: 0, facets: true, field: state.field }).then(function (r) {
            if (my === seq) renderFacets(r.facets || []);
          });
        };
        if (!idle || facetsShown) counts();
        else {
          facetsEl.textContent = '';
          facetsEl.appendChild(el('p', 'facet-wait', '正在统计…'));
          later(counts);
        }
      }
      if (!more) renderSynonyms(res);
      if (idle) {
        statusEl.textContent = '共收录 ' + res.total + ' 篇。输入搜索词，或在筛选中选择条件浏览。';
        moreBtn.hidden = true;
        return;
      }
      res.results.forEach(function (r) { list.appendChild(renderResult(r, res.partial)); });
      carryHighlight(res);
      carryAsOf(res);
      state.shown += res.results.length;
      statusEl.textContent = statusText(res);
      noteExpansion(res);
      moreBtn.hidden = state.shown >= res.total || !res.results.length;
    }).then(null, function (err) {
      if (my !== seq) return;
      box.removeAttribute('aria-busy');
      list.textContent = '';
      moreBtn.hidden = true;
      statusEl.textContent = '搜索出错：' + (err && err.message ? err.message : err) + '。请刷新页面重试。';
    });
  }

  function statusText(res) {
    return (res.asof ? '当时有效（' + chineseDate(res.asof) + '）：' : '') + countText(res);
  }
  function countText(res) {
    if (!res.total) {
      return activeFilters() ? '没有符合条件的结果。可以减少筛选条件，或换一个说法。' :
        '没有找到包含这些字词的内容。可以检查错别字，减少字数，或用空格把长词拆开。';
    }
    var n = (res.approximate ? '约 ' : ' ') + res.total + ' ';
    if (res.partial) return '没有同时包含全部搜索词的结果，以下' + n + '条为部分匹配。';
    if (!state.q.trim()) return '符合筛选条件的共' + n + '篇，按日期从新到旧排列。';
    return '找到' + n + '条结果。';
  }

  // carryHighlight adds the query to the results' links (?hl=, before any
  // #anchor) for highlight.js on the page they open: what was searched, the
  // phrase a pinyin query spells included. It works from file:// too.
  function carryHighlight(res) {
    var hl = res.expansion ? res.expansion.to : state.q.trim();
    if (!hl || res.partial) return;
    Array.prototype.forEach.call(list.querySelectorAll('a[href]:not([data-hl])'), function (a) {
      var href = a.getAttribute('href'), at = href.indexOf('#');
      var path = at < 0 ? href : href.slice(0, at), hash = at < 0 ? '' : href.slice(at);
      a.setAttribute('href', path + (path.indexOf('?') < 0 ? '?' : '&') + 'hl=' + uri.encode(hl) + hash);
      a.setAttribute('data-hl', '');
    });
  }

  /* 当时有效 ------------------------------------------------------------ */
  // The date input beside the filters keeps, like ?asof=YYYY-MM-DD, the
  // regulations in force on that day (the engine's filters.asof); results
  // link to their page with the date, whose as-of note (versions.js) then
  // confirms the version.
  var ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
  function chineseDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? Number(m[1]) + '年' + Number(m[2]) + '月' + Number(m[3]) + '日' : iso;
  }
  function asofFilter() {
    if (!asofInput) return;
    asofInput.addEventListener('change', function () {
      if (ISO_DATE.test(asofInput.value)) state.filters.asof = [asofInput.value];
      else delete state.filters.asof;
      run(false);
    });
  }
  function showAsOf() {
    if (asofInput) asofInput.value = state.filters.asof ? state.filters.asof[0] : '';
  }
  function carryAsOf(res) {
    if (!res.asof) return;
    Array.prototype.forEach.call(list.querySelectorAll('a[href]:not([data-asof])'), function (a) {
      var href = a.getAttribute('href'), at = href.indexOf('#');
      var path = at < 0 ? href : href.slice(0, at), hash = at < 0 ? '' : href.slice(at);
      a.setAttribute('href', path + (path.indexOf('?') < 0 ? '?' : '&') + 'asof=' + res.asof + hash);
      a.setAttribute('data-asof', '');
    });
  }

  // renderSynonyms lists, after the results, those of the glossary entry's
  // other names, each labelled 含同义词「…」, and of the phrase a pinyin query
  // spells (按拼音「…」), its links highlighting that name.
  // They have a list of their own after the results, so that more results
  // (显示更多) still come before them.
  function renderSynonyms(res) {
    var ol = box.querySelector('.search-synonym-results');
    if (!ol) {
      ol = el('ol', 'search-results search-synonym-results');
      list.parentNode.insertBefore(ol, list.nextSibling);
    }
    ol.textContent = '';
    (res.synonyms || []).forEach(function (x) {
      x.results.forEach(function (r) {
        var li = renderResult(r, false), meta = li.querySelector('.result-meta');
        li.className += ' result-via-synonym';
        var label = x.kind === 'pinyin' ? '按拼音「' + x.term + '」' : '含同义词「' + x.term + '」';
        if (meta) meta.insertBefore(el('span', 'badge result-synonym', label), meta.firstChild);
        Array.prototype.forEach.call(li.querySelectorAll('a[href]'), function (a) {
          var href = a.getAttribute('href'), at = href.indexOf('#');
          var path = at < 0 ? href : href.slice(0, at);
          a.setAttribute('href', path + (path.indexOf('?') < 0 ? '?' : '&') + 'hl=' + uri.encode(x.term) + (at < 0 ? '' : href.slice(at)));
          a.setAttribute('data-hl', '');
        });
        ol.appendChild(li);
      });
    });
  }

  // noteExpansion says what a query was taken for, when the engine
  // searched something else (a pinyin query, the phrase it spells), offers
  // the nearest titles and terms when nothing matched exactly
  // (您是不是要找), and links a 文号's document (直达).
  function noteExpansion(res) {
    var x = res.expansion;
    if (x && x.kind === 'pinyin') {
      statusEl.textContent = '按拼音「' + x.from + '」搜索「' + x.to + '」' + (x.others.length ? '（也可能是：' + x.others.join('、') + '）' : '') + '。' + statusEl.textContent;
    }
    var syn = (res.synonyms || []).filter(function (y) { return y.results.length; });
    if (syn.length) {
      statusEl.appendChild(doc.createTextNode(' 其后列出' + syn.map(function (y) { return (y.kind === 'pinyin' ? '按拼音找到的' : '同义词') + '「' + y.term + '」'; }).join('、') + '的结果'));
    }
    if (res.glossary) {
      var g = el('a', 'search-glossary', res.glossary.term);
      g.href = res.glossary.url;
      statusEl.appendChild(doc.createTextNode('（见术语表：'));
      statusEl.appendChild(g);
      statusEl.appendChild(doc.createTextNode('）。'));
    }
    if (res.direct) {
      var go = el('a', 'search-direct', res.direct.title);
      go.href = res.direct.url;
      statusEl.appendChild(doc.createTextNode(' 直达：'));
      statusEl.appendChild(go);
    }
    if (res.suggestions && res.suggestions.length) {
      statusEl.appendChild(doc.createTextNode(' 您是不是要找：'));
      res.suggestions.forEach(function (t, i) {
        if (i) statusEl.appendChild(doc.createTextNode('、'));
        var b = el('button', 'search-suggestion', t);
        b.type = 'button';
        b.addEventListener('click', function () { input.value = state.q = t; run(false); input.focus(); });
        statusEl.appendChild(b);
      });
    }
  }

  // The 只搜标题 switch searches titles only.
  function titleSwitch() {
    var sw = doc.getElementById('search-titles');
    if (!sw) return;
    sw.checked = state.field === 'title';
    sw.addEventListener('change', function () { state.field = sw.checked ? 'title' : ''; run(false); });
  }

  function renderResult(r, partial) {
    var li = el('li', 'search-result');
    var h = el('h2', 'result-title');
    var a = el('a', null, r.title);
    a.href = r.url;
    h.appendChild(a);
    li.appendChild(h);
    var meta = el('p', 'result-meta');
    if (partial) meta.appendChild(el('span', 'badge result-partial', '部分匹配'));
    if (r.section) meta.appendChild(el('span', 'badge result-section', r.section));
    if (r.status) meta.appendChild(el('span', 'status ' + (STATUS_CLASS[r.status] || ''), r.status));
    if (r.asofUnknown) {
      var unsure = el('span', 'badge result-asof-unknown', '当日是否有效不详');
      unsure.title = '本文件没有记载施行日期，或没有记载何时失效，无法确定当日是否有效';
      meta.appendChild(unsure);
    }
    if (r.date) meta.appendChild(el('span', 'result-date', r.date));
    li.appendChild(meta);
    if (r.excerpt) {
      var p = el('p', 'result-excerpt');
      p.innerHTML = r.excerpt;
      li.appendChild(p);
    }
    if (r.subresults && r.subresults.length) {
      var ul = el('ul', 'result-subs');
      // Every sub-result shows its excerpt, the first (often 第一条) too,
      // even where the excerpt above shows the same words: the reader
      // looks for the words beside the link to them.
      r.subresults.forEach(function (s) {
        var sli = el('li'), sa = el('a', null, s.title), sp = el('span', 'result-sub-excerpt');
        sa.href = s.url;
        sp.innerHTML = s.excerpt;
        sli.appendChild(sa);
        sli.appendChild(sp);
        ul.appendChild(sli);
      });
      li.appendChild(ul);
    }
    return li;
  }

  function renderFacets(facets) {
    facetsShown = true;
    var focused = doc.activeElement && facetsEl.contains(doc.activeElement) ? doc.activeElement.id : '';
    facetsEl.textContent = '';
    facets.forEach(function (f) {
      var chosen = state.filters[f.key] || [];
      var vals = f.values.filter(function (v) { return v.count > 0 || chosen.indexOf(v.value) >= 0; });
      if (!vals.length) return;
      vals.sort(f.key === 'year' ? function (x, y) { return x.value < y.value ? 1 : -1; } :
        function (x, y) { return y.count - x.count || (x.value < y.value ? -1 : 1); });
      var fs = el('fieldset', 'facet'), legend = el('legend', null, f.label);
      fs.appendChild(legend);
      var limit = expanded[f.key] ? vals.length : SHOWN_VALUES;
      vals.forEach(function (v, i) {
        var on = chosen.indexOf(v.value) >= 0;
        if (i >= limit && !on) return;
        var id = 'facet-' + f.key + '-' + i, label = el('label', 'facet-value'), cb = el('input');
        cb.type = 'checkbox'; cb.id = id; cb.checked = on;
        cb.addEventListener('change', function () { toggle(f.key, v.value, cb.checked); });
        label.htmlFor = id;
        label.appendChild(cb);
        label.appendChild(el('span', 'facet-name', v.value));
        label.appendChild(el('span', 'facet-count', String(v.count)));
        fs.appendChild(label);
      });
      if (vals.length > SHOWN_VALUES) {
        var b = el('button', 'facet-toggle', expanded[f.key] ? '收起' : '更多（' + vals.length + '）');
        b.type = 'button';
        b.id = 'facet-more-' + f.key;
        b.addEventListener('click', function () { expanded[f.key] = !expanded[f.key]; renderFacets(facets); doc.getElementById(b.id).focus(); });
        fs.appendChild(b);
      }
      facetsEl.appendChild(fs);
    });
    var clear = el('button', 'facet-clear', '清除筛选');
    clear.type = 'button';
    clear.hidden = !activeFilters();
    clear.addEventListener('click', function () { state.filters = {}; showAsOf(); run(false); input.focus(); });
    facetsEl.appendChild(clear);
    var n = activeFilters();
    filtersEl.querySelector('summary').textContent = n ? '筛选（已选 ' + n + ' 项）' : '筛选';
    if (focused && doc.getElementById(focused)) doc.getElementById(focused).focus();
  }

  function toggle(key, value, on) {
    var vs = (state.filters[key] || []).filter(function (v) { return v !== value; });
    if (on) vs.push(value);
    if (vs.length) state.filters[key] = vs; else delete state.filters[key];
    run(false);
  }

  // Keyboard: arrows move between the box and the result links.
  function links() { return Array.prototype.slice.call(list.querySelectorAll('a')); }
  box.addEventListener('keydown', function (e) {
    if (composing(e)) return; // the input method's keys: candidates, not results
    var ls = links(), i = ls.indexOf(doc.activeElement);
    if (e.key === 'ArrowDown' && (doc.activeElement === input || i >= 0)) {
      if (ls[i + 1]) { ls[i + 1].focus(); e.preventDefault(); }
    } else if (e.key === 'ArrowUp' && i >= 0) {
      (i > 0 ? ls[i - 1] : input).focus();
      e.preventDefault();
    } else if (e.key === 'Escape' && i >= 0) {
      input.focus();
    }
  });
  // "/" comes here through site.js, which gives every page the shortcut.

  // While a person composes with an input method (pinyin, strokes), the box
  // holds letters that are not the query: search once the phrase is
  // committed, at once, since it is the query as meant.
  function composing(e) { return e.isComposing || e.keyCode === 229; }
  function typed(delay) {
    clearTimeout(timer);
    // The dictionary shards load while the delay runs out.
    api.prefetch(input.value);
    timer = setTimeout(function () { state.q = input.value; run(false); }, delay);
  }
  input.addEventListener('input', function (e) { if (!composing(e)) typed(DELAY); });
  input.addEventListener('compositionend', function () { typed(0); });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    state.q = input.value;
    run(false);
  });
  moreBtn.addEventListener('click', function () { run(true); });
  // The header's search box searches in place on this page.
  var header = doc.getElementById('site-q');
  if (header && header.form && header.form !== form) {
    header.form.addEventListener('submit', function (e) {
      e.preventDefault();
      input.value = state.q = header.value;
      run(false);
    });
  }

  if (root.matchMedia && root.matchMedia('(max-width: 760px)').matches) filtersEl.removeAttribute('open');
  filtersEl.addEventListener('focusin', now);
  filtersEl.addEventListener('pointerenter', now);
  filtersEl.querySelector('summary').addEventListener('click', now);
  statusEl.textContent = '正在载入索引…';
  api.ready.then(function (index) {
    facetKeys = index.facetNames.map(function (f) { return f[0]; });
    readURL();
    titleSwitch();
    showAsOf();
    asofFilter();
    input.value = state.q;
    if (header && !header.value) header.value = state.q;
    run(false);
    if (state.q) input.focus();
  }, function (err) {
    statusEl.textContent = (err && err.message ? err.message : '无法加载搜索索引') + '。请确认网站完整，或联系管理员。';
  });
})(this);
