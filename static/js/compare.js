/* djkb compare.js: 修订对照 of any two versions in the browser, a port of
   internal/revision (CompareVersions, Diff, Summary) that gives the same
   rows as the comparison pages built in Go. versions.js loads it with the
   chain's texts (texts.js) the first time a reader picks two versions.
   Texts are compared by code point, as Go iterates runes; 64-bit hashes
   are kept as two unsigned 32-bit halves.
   Plain ES5, no dependencies. */
(function () {
  "use strict";

  // The thresholds of internal/revision (compare.go).
  var sameArticle = 0.45, partOf = 0.6, sameNumber = 0.15, rewritten = 0.1;
  var likely = 0.12, likelyPart = 0.06, window_ = 40, sketchSize = 16;
  var maxCells = 1 << 20;
  var kinds = { same: "未变", moved: "移动", modified: "修改", added: "新增", deleted: "删除", split: "拆分", merged: "合并" };

  // runes returns the code points of s.
  function runes(s) {
    var out = [];
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
        var d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) {
          c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
          i++;
        }
      }
      out.push(c);
    }
    return out;
  }

  // str is the text of code points rs[lo:hi].
  function str(rs, lo, hi) {
    var s = "";
    for (var i = lo; i < hi; i++) {
      var c = rs[i];
      if (c < 0x10000) {
        s += String.fromCharCode(c);
      } else {
        c -= 0x10000;
        s += String.fromCharCode(0xd800 + (c >> 10), 0xdc00 + (c & 0x3ff));
      }
    }
    return s;
  }

  // ignored is revision.ignored: spaces and the punctuation revisions
  // retouch without amending.
  var ignoredSet = {};
  (function () {
    var s = " \t\n\r,:;.\"'　、，：；。“”‘’「」『』\u0085\u00a0\u1680\u2028\u2029\u202f\u205f";
    for (var i = 0; i < s.length; i++) {
      ignoredSet[s.charCodeAt(i)] = true;
    }
    for (var c = 0x2000; c <= 0x200a; c++) {
      ignoredSet[c] = true;
    }
  })();

  function ignored(c) {
    return ignoredSet[c] === true;
  }

  // fold is revision.fold: full-width letters, digits and brackets made
  // half-width.
  function fold(c) {
    if (c >= 0xff01 && c <= 0xff5e) {
      return c - 0xfee0;
    }
    if (c === 0x3014) {
      return 0x5b;
    }
    if (c === 0x3015) {
      return 0x5d;
    }
    return c;
  }

  // keyRunes is revision.Key as code points.
  function keyRunes(rs) {
    var out = [];
    for (var i = 0; i < rs.length; i++) {
      if (!ignored(rs[i])) {
        out.push(fold(rs[i]));
      }
    }
    return out;
  }

  function key(text) {
    var k = keyRunes(runes(text));
    return str(k, 0, k.length);
  }

  // utf8Len is the length of the code points in UTF-8, as Go's len of a
  // string, which the bounds of the matcher use.
  function utf8Len(rs) {
    var n = 0;
    for (var i = 0; i < rs.length; i++) {
      var c = rs[i];
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    return n;
  }

  // A pair of characters (revision's uint64 prev<<32|r) is a number below
  // 2^53 for sorting and counting, and its halves for hashing.
  var two32 = 4294967296;

  // bigrams is revision.bigrams: the sorted pairs of a key's characters.
  function bigrams(k) {
    var out = [];
    for (var i = 1; i < k.length; i++) {
      out.push(k[i - 1] * two32 + k[i]);
    }
    if (k.length === 1) {
      out.push(k[0] * two32 + k[0]);
    }
    return out.sort(function (a, b) { return a - b; });
  }

  // mulHi and mulLo are the halves of the last product mul made: a pair
  // times 0x9E3779B97F4A7C15, modulo 2^64.
  var mulHi = 0, mulLo = 0;
  function mul(hi, lo) {
    var a0 = lo & 0xffff, a1 = lo >>> 16;
    var b0 = 0x7c15, b1 = 0x7f4a;
    var mid = a0 * b1 + a1 * b0;
    var low = a0 * b0 + (mid % 65536) * 65536;
    mulLo = low >>> 0;
    var high = a1 * b1 + Math.floor(mid / 65536) + Math.floor(low / two32);
    mulHi = (high + Math.imul(hi, 0x7f4a7c15) + Math.imul(lo, 0x9e3779b9)) >>> 0;
  }

  // A sketch (revision.sketch) is a sorted flat list of hashes' halves:
  // hi0, lo0, hi1, lo1, ...
  function addHash(s, hi, lo) {
    mul(hi, lo);
    var h = (mulHi ^ (mulHi >>> 29)) >>> 0;
    var l = (mulLo ^ ((mulLo >>> 29) | (mulHi << 3))) >>> 0;
    var n = s.length / 2;
    if (n === sketchSize && (h > s[2 * n - 2] || (h === s[2 * n - 2] && l >= s[2 * n - 1]))) {
      return;
    }
    var lo_ = 0, hi_ = n;
    while (lo_ < hi_) {
      var m = (lo_ + hi_) >> 1;
      if (s[2 * m] < h || (s[2 * m] === h && s[2 * m + 1] < l)) {
        lo_ = m + 1;
      } else {
        hi_ = m;
      }
    }
    if (lo_ < n && s[2 * lo_] === h && s[2 * lo_ + 1] === l) {
      return;
    }
    if (n === sketchSize) {
      s.length -= 2;
    }
    s.splice(2 * lo_, 0, h, l);
  }

  // likeness is revision.likeness of two sketches.
  function likeness(a, b) {
    var na = a.length / 2, nb = b.length / 2;
    if (na === 0 || nb === 0) {
      return 0;
    }
    var k = Math.max(na, nb), both = 0, seen = 0, i = 0, j = 0;
    while (seen < k && i < na && j < nb) {
      var xh = a[2 * i], xl = a[2 * i + 1], yh = b[2 * j], yl = b[2 * j + 1];
      var xy = xh < yh || (xh === yh && xl <= yl);
      var yx = yh < xh || (yh === xh && yl <= xl);
      if (xy && yx) {
        both++;
      }
      if (xy) {
        i++;
      }
      if (yx) {
        j++;
      }
      seen++;
    }
    seen = Math.min(k, seen + na - i + nb - j);
    return both / seen;
  }

  // wholeSketch is revision.wholeSketch of a version's keys.
  function wholeSketch(keys) {
    var s = [];
    for (var a = 0; a < keys.length; a++) {
      var k = keys[a];
      for (var i = 1; i < k.length; i++) {
        addHash(s, k[i - 1], k[i]);
      }
    }
    return s;
  }

  // A print (revision.print): the sketch, 512 bits of the pairs (as 16
  // words) and the number of pairs.
  function keyPrint(k) {
    var p = { sketch: [], bits: [], pairs: 0 };
    for (var w = 0; w < 16; w++) {
      p.bits.push(0);
    }
    var add = function (hi, lo) {
      addHash(p.sketch, hi, lo);
      mul(hi, lo);
      var b = mulHi >>> 23;
      p.bits[b >> 5] |= 1 << (b & 31);
      p.pairs++;
    };
    for (var i = 1; i < k.length; i++) {
      add(k[i - 1], k[i]);
    }
    if (k.length === 1) {
      add(k[0], k[0]);
    }
    return p;
  }

  function ones(x) {
    x >>>= 0;
    x = x - ((x >>> 1) & 0x55555555);
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
  }

  // mostShared is revision.mostShared: a bound on the pairs a and b share.
  function mostShared(a, b) {
    var onlyA = 0, onlyB = 0;
    for (var w = 0; w < 16; w++) {
      onlyA += ones(a.bits[w] & ~b.bits[w]);
      onlyB += ones(b.bits[w] & ~a.bits[w]);
    }
    return Math.min(a.pairs - onlyA, b.pairs - onlyB);
  }

  // common counts the pairs two sorted lists share, with repeats. Go's
  // common gives up once the count cannot reach what the caller needs;
  // where it does the exact count falls short of that too, so counting in
  // full decides the same.
  function common(a, b) {
    var n = 0, i = 0, j = 0;
    while (i < a.length && j < b.length) {
      var x = a[i], y = b[j];
      if (x === y) {
        n++;
      }
      if (x <= y) {
        i++;
      }
      if (y <= x) {
        j++;
      }
    }
    return n;
  }

  function dice(a, b) {
    return a.length + b.length === 0 ? 1 : 2 * common(a, b) / (a.length + b.length);
  }

  function containment(a, b) {
    return a.length === 0 ? 0 : common(a, b) / a.length;
  }

  function near(i, m, n) {
    var at = m > 0 ? Math.floor(i * n / m) : i;
    return [Math.max(0, at - window_), Math.min(n, at + window_ + 1)];
  }

  function canReach(a, b, least) {
    return 2 * Math.min(a, b) >= least * (a + b);
  }

  // Version is revision.Version: articles [label, text] ready to compare,
  // their pairs and prints made when first needed.
  function Version(arts) {
    this.articles = arts;
    this.keyRunes = [];
    this.keys = [];
    this.bytes = [];
    for (var i = 0; i < arts.length; i++) {
      var k = keyRunes(runes(arts[i][1]));
      this.keyRunes.push(k);
      this.keys.push(str(k, 0, k.length));
      this.bytes.push(utf8Len(k));
    }
    this.whole = wholeSketch(this.keyRunes);
    this.lists = [];
    this.prints = [];
  }
  Version.prototype.of = function (i) {
    return this.lists[i] || (this.lists[i] = bigrams(this.keyRunes[i]));
  };
  Version.prototype.print = function (i) {
    return this.prints[i] || (this.prints[i] = keyPrint(this.keyRunes[i]));
  };

  // within is revision.within: the article of others near position i of
  // the m articles of from that holds most of from's article i, or -1.
  function within(from, i, others, m) {
    var best = partOf, at = -1, r = near(i, m, others.keys.length);
    for (var k = r[0]; k < r[1]; k++) {
      if (others.bytes[k] === 0 || others.bytes[k] < partOf * from.bytes[i]) {
        continue;
      }
      var a = from.print(i), b = others.print(k);
      if (mostShared(a, b) < best * a.pairs || likeness(a.sketch, b.sketch) < likelyPart) {
        continue;
      }
      var c = containment(from.of(i), others.of(k));
      if (c >= best) {
        best = c;
        at = k;
      }
    }
    return at;
  }

  // compareVersions is revision.CompareVersions. Each row is
  // {k: kind, o: old index or -1, n: new index or -1, diff: segments}.
  function compareVersions(ov, nv) {
    var old = ov.articles, nw = nv.articles;
    var res = { rewritten: false, rows: [], count: {} };
    if (old.length > 0 && nw.length > 0 && likeness(ov.whole, nv.whole) < rewritten) {
      res.rewritten = true;
      return res;
    }
    var ok = ov.keys, nk = nv.keys, i, j;
    var oldTo = [], newFrom = [];
    for (i = 0; i < old.length; i++) {
      oldTo.push(-1);
    }
    for (j = 0; j < nw.length; j++) {
      newFrom.push(-1);
    }
    var link = function (i, j) {
      oldTo[i] = j;
      newFrom[j] = i;
    };

    // Identical text: the same number first, then any.
    var byKey = Object.create(null);
    for (j = 0; j < nk.length; j++) {
      (byKey[nk[j]] = byKey[nk[j]] || []).push(j);
    }
    for (var pass = 0; pass < 2; pass++) {
      for (i = 0; i < ok.length; i++) {
        if (oldTo[i] >= 0) {
          continue;
        }
        var js = byKey[ok[i]] || [];
        for (var x = 0; x < js.length; x++) {
          if (newFrom[js[x]] < 0 && (pass === 1 || old[i][0] === nw[js[x]][0])) {
            link(i, js[x]);
            break;
          }
        }
      }
    }

    // Changed text: the likeliest pairs first, in the order found when
    // equally likely (Go sorts stably).
    var pairs = [];
    for (i = 0; i < old.length; i++) {
      if (oldTo[i] >= 0) {
        continue;
      }
      var r = near(i, old.length, nw.length);
      for (j = r[0]; j < r[1]; j++) {
        if (newFrom[j] >= 0 || !canReach(ov.bytes[i], nv.bytes[j], sameArticle)) {
          continue;
        }
        var a = ov.print(i), b = nv.print(j);
        if (2 * mostShared(a, b) < sameArticle * (a.pairs + b.pairs) || likeness(a.sketch, b.sketch) < likely) {
          continue;
        }
        var d = dice(ov.of(i), nv.of(j));
        if (d < sameArticle) {
          continue;
        }
        if (old[i][0] === nw[j][0]) {
          d += sameNumber;
        }
        pairs.push({ i: i, j: j, score: d, at: pairs.length });
      }
    }
    pairs.sort(function (p, q) {
      return p.score > q.score ? -1 : p.score < q.score ? 1 : p.at - q.at;
    });
    for (var q = 0; q < pairs.length; q++) {
      if (oldTo[pairs[q].i] < 0 && newFrom[pairs[q].j] < 0) {
        link(pairs[q].i, pairs[q].j);
      }
    }

    // Rows in the new order; each old article not matched goes after the
    // row of the old article before it.
    var rows = [];
    for (j = 0; j < nw.length; j++) {
      var c = { k: "", o: -1, n: j, diff: null };
      i = newFrom[j];
      if (i >= 0) {
        c.o = i;
        c.k = ok[i] !== nk[j] ? kinds.modified : old[i][0] !== nw[j][0] ? kinds.moved : kinds.same;
        if (c.k === kinds.modified) {
          c.diff = diff(old[i][1], nw[j][1]);
        }
      } else {
        c.k = kinds.added;
        var from = within(nv, j, ov, nw.length);
        if (from >= 0) {
          c.k = kinds.split;
          c.o = from;
        }
      }
      rows.push({ c: c, oldPos: i });
    }
    for (i = 0; i < old.length; i++) {
      if (oldTo[i] >= 0) {
        continue;
      }
      var del = { k: kinds.deleted, o: i, n: -1, diff: null };
      var to = within(ov, i, nv, old.length);
      if (to >= 0) {
        del.k = kinds.merged;
        del.n = to;
      }
      var at = 0;
      for (var k = 0; k < rows.length; k++) {
        if (rows[k].oldPos >= 0 && rows[k].oldPos < i) {
          at = k + 1;
        }
      }
      rows.splice(at, 0, { c: del, oldPos: i });
    }
    // A split or merged article: the matched piece is part of it too.
    for (k = 0; k < rows.length; k++) {
      c = rows[k].c;
      if (c.k !== kinds.modified && c.k !== kinds.moved && c.k !== kinds.same) {
        continue;
      }
      for (var t = 0; t < rows.length; t++) {
        var rc = rows[t].c;
        if (rc.k === kinds.split && rc.o === c.o) {
          c.k = kinds.split;
        } else if (rc.k === kinds.merged && rc.n === c.n) {
          c.k = kinds.merged;
        }
      }
    }
    for (k = 0; k < rows.length; k++) {
      c = rows[k].c;
      if (c.k === kinds.split || c.k === kinds.merged) {
        c.diff = diff(old[c.o][1], nw[c.n][1]);
      }
      res.rows.push(c);
      res.count[c.k] = (res.count[c.k] || 0) + 1;
    }
    return res;
  }

  // diff is revision.Diff: segments [op, text, old] where op is "=", "-"
  // or "+", and old is the old version's own punctuation of a run both
  // have ("" otherwise).
  function diff(oldText, newText) {
    var or = runes(oldText), nr = runes(newText);
    var oi = kept(or), ni = kept(nr);
    var segs = [];
    var add = function (op, o, n) {
      if (o === "" && n === "") {
        return;
      }
      var last = segs[segs.length - 1];
      if (last && last[0] === op) {
        last[2] += o;
        last[1] += n;
        return;
      }
      segs.push([op, n, o]);
    };
    if (oi.length * ni.length > maxCells) {
      add("-", str(or, 0, or.length), "");
      add("+", "", str(nr, 0, nr.length));
      return tidy(segs);
    }
    var w = ni.length + 1, a, b;
    var lcs = new Int32Array((oi.length + 1) * w);
    for (a = oi.length - 1; a >= 0; a--) {
      for (b = ni.length - 1; b >= 0; b--) {
        if (fold(or[oi[a]]) === fold(nr[ni[b]])) {
          lcs[a * w + b] = lcs[(a + 1) * w + b + 1] + 1;
        } else {
          lcs[a * w + b] = Math.max(lcs[(a + 1) * w + b], lcs[a * w + b + 1]);
        }
      }
    }
    var po = 0, pn = 0;
    a = 0;
    b = 0;
    while (a < oi.length || b < ni.length) {
      if (a < oi.length && b < ni.length && fold(or[oi[a]]) === fold(nr[ni[b]])) {
        add("=", str(or, po, oi[a] + 1), str(nr, pn, ni[b] + 1));
        po = oi[a] + 1;
        pn = ni[b] + 1;
        a++;
        b++;
      } else if (a < oi.length && (b === ni.length || lcs[(a + 1) * w + b] >= lcs[a * w + b + 1])) {
        add("=", str(or, po, oi[a]), "");
        add("-", str(or, oi[a], oi[a] + 1), "");
        po = oi[a] + 1;
        a++;
      } else {
        add("=", "", str(nr, pn, ni[b]));
        add("+", "", str(nr, ni[b], ni[b] + 1));
        pn = ni[b] + 1;
        b++;
      }
    }
    add("=", str(or, po, or.length), str(nr, pn, nr.length));
    return tidy(segs);
  }

  // tidy is revision.tidy: short equal runs between changes shown
  // changed, each stretch of changes one deletion and one insertion.
  function tidy(segs) {
    var out = [], del = "", ins = "";
    var flush = function () {
      if (key(del) !== "") {
        out.push(["-", del, ""]);
      }
      if (key(ins) !== "") {
        out.push(["+", ins, ""]);
      }
      del = "";
      ins = "";
    };
    for (var k = 0; k < segs.length; k++) {
      var s = segs[k];
      if (s[0] === "-") {
        del += s[1] + s[2];
      } else if (s[0] === "+") {
        ins += s[1];
      } else if (k > 0 && k < segs.length - 1 && keyRunes(runes(s[1])).length <= 2) {
        del += s[2];
        ins += s[1];
      } else {
        flush();
        var last = out[out.length - 1];
        if (last && last[0] === "=") {
          last[1] += s[1];
          last[2] += s[2];
          continue;
        }
        out.push(s);
      }
    }
    flush();
    return out;
  }

  function kept(rs) {
    var out = [];
    for (var i = 0; i < rs.length; i++) {
      if (!ignored(rs[i])) {
        out.push(i);
      }
    }
    return out;
  }

  // summary is Comparison.Summary, the 修改说明 line.
  function summary(res) {
    if (res.rewritten) {
      return "两个版本的文字大部分不同（全文修订），不逐条对照";
    }
    var parts = [], order = ["modified", "added", "deleted", "moved", "split", "merged"];
    for (var i = 0; i < order.length; i++) {
      var n = res.count[kinds[order[i]]] || 0;
      if (n > 0 || i < 3) {
        parts.push(n + " 条" + kinds[order[i]]);
      }
    }
    return parts.join("、");
  }

  // compare compares two versions' articles ([label, text] each) and
  // returns the summary and the rows as the page shows them: kind (k),
  // old and new number (o, n; "" when absent) and the text as segments
  // [op, text, old] (s).
  function compare(oldArts, newArts, ov, nv) {
    var res = compareVersions(ov || new Version(oldArts), nv || new Version(newArts));
    var rows = [];
    for (var i = 0; i < res.rows.length; i++) {
      var c = res.rows[i];
      var o = c.o >= 0 ? oldArts[c.o] : null, n = c.n >= 0 ? newArts[c.n] : null;
      var s = c.diff && c.diff.length ? c.diff :
        o && n ? [["=", n[1], o[1]]] : n ? [["+", n[1], ""]] : [["-", o[1], ""]];
      rows.push({ k: c.k, o: o ? o[0] : "", n: n ? n[0] : "", s: s });
    }
    return { sum: summary(res), rows: rows };
  }

  var api = { compare: compare, Version: Version, mostShared: mostShared };
  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
  } else {
    window.djkbCompare = api;
  }
})();
