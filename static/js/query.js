/* djkb search: the query parser, the same as internal/search/tokenize/query.go.
 * Terms are separated by white space; "…" or “…” quotes a phrase with
 * spaces; a leading - (or －) excludes a term. */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory(require('./tokenizer.js'));
  else (root.djkbSearch = root.djkbSearch || {}).query = factory(root.djkbSearch.tokenizer);
})(this, function (tok) {
  'use strict';

  var MAX_QUERY = 256, MAX_TERMS = 16, MAX_UNITS = 64;

  function isSpace(c) {
    return c === 9 || c === 10 || c === 11 || c === 12 || c === 13 || c === 32 || c === 0xA0 ||
      c === 0x1680 || (c >= 0x2000 && c <= 0x200A) || c === 0x2028 || c === 0x2029 ||
      c === 0x202F || c === 0x205F || c === 0x3000 || c === 0xFEFF;
  }
  function isQuote(c) { return c === 34 || c === 0x201C || c === 0x201D || c === 0xFF02; }
  function isMinus(c) { return c === 45 || c === 0xFF0D; }

  function sameUnits(a, b) {
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (a[i].t !== b[i].t || a[i].j !== b[i].j) return false;
    return true;
  }

  // numberUnits normalises the number form its units spell: punctuation
  // that units() drops can leave one (第5!条 reads 第 5 条), which the query
  // rebuilt from its terms would read as 第五条 (query.go numberUnits).
  function numberUnits(us) {
    var s = '';
    for (var i = 0; i < us.length; i++) s += (i > 0 && !us[i].j ? ' ' : '') + us[i].t;
    var n = tok.normalizeNumbers(s);
    return n !== s ? tok.units(n) : us;
  }

  // parse returns {terms: [{units, neg, quoted}]}; it never throws.
  function parse(q) {
    q = typeof q === 'string' ? q : (q == null ? '' : String(q));
    var cps = [], k, c;
    for (k = 0; k < q.length && cps.length < MAX_QUERY;) {
      c = tok.cpAt(q, k);
      cps.push(c);
      k += c > 0xFFFF ? 2 : 1;
    }
    // 第12条 is 第十二条 (see normalizeNumbers).
    var norm = tok.normalizeNumbers(String.fromCodePoint.apply(null, cps));
    cps = [];
    for (k = 0; k < norm.length;) {
      c = tok.cpAt(norm, k);
      cps.push(c);
      k += c > 0xFFFF ? 2 : 1;
    }
    var terms = [];
    for (var i = 0; i < cps.length && terms.length < MAX_TERMS;) {
      if (isSpace(cps[i])) { i++; continue; }
      var neg = false;
      if (isMinus(cps[i]) && i + 1 < cps.length && !isSpace(cps[i + 1])) { neg = true; i++; }
      var quoted = false, j, text;
      if (isQuote(cps[i])) {
        quoted = true;
        for (j = i + 1; j < cps.length && !isQuote(cps[j]); j++);
        text = cps.slice(i + 1, j);
        i = j + 1;
      } else {
        for (j = i; j < cps.length && !isSpace(cps[j]); j++);
        text = cps.slice(i, j);
        i = j;
      }
      var s = '';
      for (var x = 0; x < text.length; x++) s += String.fromCodePoint(text[x]);
      var us = numberUnits(tok.units(s));
      if (!us.length) continue;
      if (us.length > MAX_UNITS) us = us.slice(0, MAX_UNITS);
      var dup = false;
      for (var y = 0; y < terms.length; y++) {
        if (terms[y].neg === neg && sameUnits(terms[y].units, us)) { dup = true; break; }
      }
      if (!dup) terms.push({ units: us, neg: neg, quoted: quoted });
    }
    return { terms: terms };
  }

  return { parse: parse };
});
