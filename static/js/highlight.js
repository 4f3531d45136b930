/* djkb highlight.js: highlights on arrival. A search result's link carries
 * the query as ?hl=…; site.js loads this file only then. It marks the
 * query's words in the page's article, scrolls to the first (after the
 * article the link's #anchor names, when it has one), and shows a small bar
 * to step through them (上一处 / 下一处, with a count) and to clear them.
 * Text is only ever split and wrapped, never parsed as HTML. Works from
 * file:// too: nothing is fetched. */
(function () {
  'use strict';
  var MAX_MARKS = 500;

  // terms reads the words of ?hl=: the query's terms, without exclusions
  // and quotes, longest first so that a longer one wins where they overlap.
  function terms() {
    var m = /[?&]hl=([^&#]*)/.exec(location.search);
    if (!m) return [];
    var q;
    try { q = decodeURIComponent(m[1].replace(/\+/g, ' ')); } catch (e) { return []; }
    var out = [];
    q.replace(/"([^"]*)"|“([^”]*)”|(\S+)/g, function (all, a, b, c) {
      var t = (a || b || c || '').trim();
      if (t && t.charAt(0) !== '-' && t.charAt(0) !== '－' && out.indexOf(t) < 0) out.push(t);
    });
    return out.sort(function (x, y) { return y.length - x.length; }).slice(0, 16);
  }

  // mark wraps each occurrence of the terms in the text under root, case
  // insensitively; it returns the marks in document order.
  function mark(root, ts) {
    var lower = ts.map(function (t) { return t.toLowerCase(); });
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        var p = n.parentNode;
        return p && /^(SCRIPT|STYLE|MARK|BUTTON|TEXTAREA)$/.test(p.nodeName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [], n, marks = [];
    while ((n = walker.nextNode())) nodes.push(n);
    nodes.forEach(function (node) {
      for (;;) {
        if (marks.length >= MAX_MARKS) return;
        var text = node.nodeValue.toLowerCase(), at = -1, len = 0;
        lower.forEach(function (t) {
          var i = text.indexOf(t);
          if (i >= 0 && (at < 0 || i < at || (i === at && t.length > len))) { at = i; len = t.length; }
        });
        if (at < 0) return;
        var hit = node.splitText(at);
        node = hit.splitText(len);
        var m = document.createElement('mark');
        m.className = 'djkb-hl';
        hit.parentNode.replaceChild(m, hit);
        m.appendChild(hit);
        marks.push(m);
      }
    });
    return marks;
  }

  // first returns the index of the first mark after the element the
  // address's #anchor names, else 0.
  function first(marks) {
    var id = location.hash.slice(1), target = null;
    try { target = id && document.getElementById(decodeURIComponent(id)); } catch (e) { target = null; }
    if (!target) return 0;
    for (var i = 0; i < marks.length; i++) {
      if (target === marks[i] || target.compareDocumentPosition(marks[i]) & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY)) return i;
    }
    return 0;
  }

  function button(text, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.style.cssText = 'margin:0 .25em;padding:.2em .6em;font:inherit;cursor:pointer';
    b.addEventListener('click', onClick);
    return b;
  }

  function start() {
    var ts = terms();
    var root = document.querySelector('main article') || document.getElementById('main');
    if (!ts.length || !root) return;
    var marks = mark(root, ts);
    var bar = document.createElement('div'), count = document.createElement('span'), cur = -1;
    bar.className = 'djkb-hl-bar';
    bar.setAttribute('role', 'region');
    bar.setAttribute('aria-label', '搜索词高亮');
    bar.style.cssText = 'position:fixed;right:1em;bottom:1em;z-index:50;background:#fff;color:#222;border:1px solid #999;' +
      'border-radius:4px;padding:.4em .6em;box-shadow:0 2px 6px rgba(0,0,0,.2);font-size:.9em';
    count.setAttribute('aria-live', 'polite');
    var go = function (i, scroll) {
      if (!marks.length) return;
      if (cur >= 0) marks[cur].style.outline = '';
      cur = (i + marks.length) % marks.length;
      marks[cur].style.outline = '2px solid #c60';
      count.textContent = '「' + ts.join(' ') + '」第 ' + (cur + 1) + ' / ' + marks.length + ' 处';
      if (scroll) marks[cur].scrollIntoView({ block: 'center' });
    };
    var clear = function () {
      marks.forEach(function (m) {
        var p = m.parentNode;
        if (!p) return;
        while (m.firstChild) p.insertBefore(m.firstChild, m);
        p.removeChild(m);
        p.normalize();
      });
      marks = [];
      if (bar.parentNode) bar.parentNode.removeChild(bar);
      try {
        history.replaceState(null, '', location.pathname + location.search.replace(/([?&])hl=[^&#]*&?/, '$1').replace(/[?&]$/, '') + location.hash);
      } catch (e) { /* file:// in some browsers */ }
    };
    if (!marks.length) {
      count.textContent = '本页没有找到「' + ts.join(' ') + '」';
    }
    bar.appendChild(count);
    if (marks.length) {
      bar.appendChild(button('上一处', function () { go(cur - 1, true); }));
      bar.appendChild(button('下一处', function () { go(cur + 1, true); }));
    }
    bar.appendChild(button('清除', clear));
    document.body.appendChild(bar);
    // After the browser's own jump to the #anchor; once more when the
    // page has loaded, as fonts and images move the text.
    setTimeout(function () { go(first(marks), true); }, 0);
    if (document.readyState !== 'complete') {
      window.addEventListener('load', function () { if (cur >= 0) marks[cur].scrollIntoView({ block: 'center' }); });
    }
    document.djkbHighlight = { marks: function () { return marks.length; }, current: function () { return cur; } };
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
