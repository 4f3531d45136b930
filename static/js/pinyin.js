/* djkb search: queries typed in pinyin. A query of Latin letters that finds
 * nothing as it is may spell a phrase in pinyin, by initials (shyk for
 * 三会一课), whole syllables (dangjian for 党建) or a mix, with every reading
 * of a 多音字 (重 zhong/chong). The phrases are the glossary's terms, the
 * tags and pieces of the titles, with their characters' readings, from
 * search/py.js (internal/search/pinyin.go); body text is left out. */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else (root.djkbSearch = root.djkbSearch || {}).pinyin = factory();
})(this, function () {
  'use strict';

  var MAX_ALTS = 4;

  // letters returns the query as pinyin letters, or '' when it is not one:
  // only Latin letters (spaces and apostrophes between syllables allowed).
  function letters(q) {
    var s = String(q).toLowerCase().replace(/[\s']+/g, '');
    return /^[a-z]{2,40}$/.test(s) ? s : '';
  }

  // parse reads py.js's payload: [terms, "phrase phrase …", "字 zi|…"]; the
  // first terms phrases are glossary terms and tags.
  function parse(p) {
    var readings = Object.create(null);
    (p[2] ? p[2].split('|') : []).forEach(function (e) {
      var parts = e.split(' ');
      readings[parts[0]] = parts.slice(1).map(function (r) {
        var init = /^[zcs]h/.test(r) ? r.slice(0, 2) : r.charAt(0);
        return init === r ? [r] : init.length === 2 ? [r, init, r.charAt(0)] : [r, init];
      });
    });
    // Each phrase is front-coded: '0' + how many leading characters it
    // shares with the one before, then the rest (pinyin.go frontCode).
    var prev = [];
    var phrases = (p[1] ? p[1].split(' ') : []).map(function (e) {
      prev = prev.slice(0, e.charCodeAt(0) - 48).concat(Array.from(e.slice(1)));
      return prev.join('');
    }).map(function (t, i) {
      return { t: t, term: i < p[0], ways: Array.from(t).map(function (c) { return readings[c] || [[c]]; }) };
    });
    return phrases;
  }

  // spell returns the end of the characters of ways, from k on, that spell
  // q from i on, or -1.
  function spell(q, i, ways, k) {
    if (i === q.length) return k;
    if (k === ways.length) return -1;
    var rs = ways[k];
    for (var a = 0; a < rs.length; a++) {
      for (var b = 0; b < rs[a].length; b++) {
        var c = rs[a][b];
        if (q.substr(i, c.length) === c) {
          var end = spell(q, i + c.length, ways, k + 1);
          if (end >= 0) return end;
        }
      }
    }
    return -1;
  }

  // resolve returns the phrases that q spells, best first: [{phrase, score}].
  // A glossary term or tag weighs more than a piece of a title, a whole
  // phrase more than part of one, and the phrases add up.
  function resolve(phrases, q) {
    var score = Object.create(null), order = [];
    phrases.forEach(function (p) {
      for (var j = 0; j < p.ways.length - 1; j++) {
        var end = spell(q, 0, p.ways, j);
        if (end < 0 || end - j < 2) continue;
        var text = Array.from(p.t).slice(j, end).join('');
        if (!(text in score)) { score[text] = 0; order.push(text); }
        score[text] += (p.term ? 3 : 1) + (j === 0 && end === p.ways.length ? 2 : 0);
        break;
      }
    });
    return order.map(function (t) { return { phrase: t, score: score[t] }; })
      .sort(function (x, y) { return y.score - x.score || x.phrase.length - y.phrase.length || (x.phrase < y.phrase ? -1 : 1); })
      .slice(0, MAX_ALTS + 1);
  }

  return { letters: letters, parse: parse, resolve: resolve };
});
