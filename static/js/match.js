/* djkb search: what a query term looks up in the index, and where it occurs
 * in a text. A term's units must follow each other in the text; Han
 * characters that touch in the query must touch in the text (Ctrl+F). */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory(require('./tokenizer.js'));
  else (root.djkbSearch = root.djkbSearch || {}).match = factory(root.djkbSearch.tokenizer);
})(this, function (tok) {
  'use strict';

  // lookups returns the index keys that find a term's candidates: its
  // bigrams and words; a Han character touching no other is a prefix
  // lookup (singles), used only when the term has nothing else.
  function lookups(units) {
    var keys = [], singles = [], seen = {};
    for (var i = 0; i < units.length; i++) {
      var u = units[i], next = units[i + 1], k = null;
      if (!u.h) k = tok.wordKey(u.t);
      else if (next && next.h && next.j) k = u.t + next.t;
      else if (!u.j) singles.push(u.t);
      if (k !== null && !seen[k]) { seen[k] = true; keys.push(k); }
    }
    return { keys: keys, singles: keys.length ? [] : singles };
  }

  // find returns the [start, end) offsets of the occurrences of the query
  // units qu among the text units tu.
  function find(tu, qu) {
    var out = [], n = qu.length;
    if (!n) return out;
    outer: for (var i = 0; i + n <= tu.length; i++) {
      for (var j = 0; j < n; j++) {
        var t = tu[i + j], q = qu[j];
        if (t.t !== q.t || (j > 0 && q.j && !t.j)) continue outer;
      }
      out.push([tu[i].a, tu[i + n - 1].b]);
    }
    return out;
  }

  // sameText reports whether two unit lists spell the same units.
  function sameText(a, b) {
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (a[i].t !== b[i].t) return false;
    return true;
  }

  return { lookups: lookups, find: find, sameText: sameText };
});
