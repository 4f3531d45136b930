/* djkb search: the tokenizer, the same as internal/search/tokenize/tokenize.go.
 * Text is folded (NFKC, lower case), then split into units: each Han
 * character is a unit, runs of letters and runs of ASCII digits are words.
 * Offsets are UTF-16 indices into the source string. */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory(require('./t2s.js'), null);
  else {
    var ns = root.djkbSearch = root.djkbSearch || {};
    ns.tokenizer = factory(ns.t2sPairs, ns.t2sMark);
  }
})(this, function (t2sPairs, t2sMark) {
  'use strict';

  var SEP = 0, HAN = 1, LETTER = 2, DIGIT = 3, IGNORE = 4;
  var MAX_WORD = 32;

  // Inclusive ranges, as in internal/search/tokenize/classes.go.
  var HAN_RANGES = [
    0x2E80, 0x2E99, 0x2E9B, 0x2EF3, 0x2F00, 0x2FD5, 0x3005, 0x3005,
    0x3007, 0x3007, 0x3021, 0x3029, 0x3038, 0x303B, 0x3400, 0x4DBF,
    0x4E00, 0x9FFF, 0xF900, 0xFA6D, 0xFA70, 0xFAD9, 0x16FE2, 0x16FE3,
    0x16FF0, 0x16FF1, 0x20000, 0x2A6DF, 0x2A700, 0x2B739, 0x2B740, 0x2B81D,
    0x2B820, 0x2CEA1, 0x2CEB0, 0x2EBE0, 0x2EBF0, 0x2EE5D, 0x2F800, 0x2FA1D,
    0x30000, 0x3134A, 0x31350, 0x323AF
  ];
  var IGNORE_RANGES = [
    0x00AD, 0x00AD, 0x034F, 0x034F, 0x180B, 0x180F, 0x200B, 0x200F,
    0x202A, 0x202E, 0x2060, 0x206F, 0xFE00, 0xFE0F, 0xFEFF, 0xFEFF,
    0xE0000, 0xE0FFF
  ];
  var SEP_RANGES = [
    0x0080, 0x00BF, 0x00D7, 0x00D7, 0x00F7, 0x00F7, 0x2000, 0x2BFF,
    0x2E00, 0x2E7F, 0x3000, 0x303F, 0x3200, 0x33FF, 0xD800, 0xF8FF,
    0xFE10, 0xFE6F, 0xFF00, 0xFFEF, 0xFFF0, 0xFFFF, 0x1F000, 0x1FAFF,
    0xF0000, 0x10FFFF
  ];

  function inRanges(c, rs) {
    var lo = 0, hi = rs.length / 2;
    while (lo < hi) {
      var m = (lo + hi) >> 1;
      if (c < rs[2 * m]) hi = m;
      else if (c > rs[2 * m + 1]) lo = m + 1;
      else return true;
    }
    return false;
  }

  function classOf(c) {
    if (c < 0x80) {
      if (c >= 97 && c <= 122) return LETTER;
      if (c >= 48 && c <= 57) return DIGIT;
      if (c >= 65 && c <= 90) return LETTER;
      return SEP;
    }
    if (c >= 0x4E00 && c <= 0x9FFF) return HAN;
    if (c < 0xC0 && c !== 0xAD) return SEP;
    if (inRanges(c, HAN_RANGES)) return HAN;
    if (inRanges(c, IGNORE_RANGES)) return IGNORE;
    if (inRanges(c, SEP_RANGES)) return SEP;
    return LETTER;
  }

  // Traditional characters fold to simplified ones (t2s.js, the same table
  // as t2s.go): T2S[c - T2S_LO] is the simplified form of c, or 0. The page
  // loads the table when a query holds a character that t2sMark marks
  // (needsTable); node has it from the start.
  var T2S_LO = 0x3400, T2S_HI = 0x9FFF, T2S = new Uint16Array(T2S_HI - T2S_LO + 1), t2sLoaded = false;

  function loadTable(pairs) {
    for (var p = 0; p + 1 < pairs.length; p += 2) T2S[pairs.charCodeAt(p) - T2S_LO] = pairs.charCodeAt(p + 1);
    t2sLoaded = true;
  }
  if (t2sPairs) loadTable(t2sPairs);

  var marks = null;
  // needsTable reports whether s holds a traditional character while the
  // table is not loaded yet.
  function needsTable(s) {
    if (t2sLoaded || !t2sMark) return false;
    if (!marks) {
      var bin = atob(t2sMark);
      marks = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) marks[i] = bin.charCodeAt(i);
    }
    s = String(s);
    for (var j = 0; j < s.length; j++) {
      var c = s.charCodeAt(j) - T2S_LO;
      if (c >= 0 && c <= T2S_HI - T2S_LO && marks[c >> 3] & (1 << (c & 7))) return true;
    }
    return false;
  }

  function simplified(c) {
    return c >= T2S_LO && c <= T2S_HI && T2S[c - T2S_LO] ? T2S[c - T2S_LO] : c;
  }

  // fastFold returns the folded code point, or -1 when c needs NFKC.
  function fastFold(c) {
    if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)) return simplified(c);
    if (c >= 0xFF01 && c <= 0xFF5E) {
      c -= 0xFEE0;
      return c >= 65 && c <= 90 ? c + 32 : c;
    }
    if (c === 0x3000) return 32;
    if ((c >= 0x3001 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301F)) return c;
    return -1;
  }

  function cpAt(s, i) {
    var c = s.charCodeAt(i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length) {
      var d = s.charCodeAt(i + 1);
      if (d >= 0xDC00 && d <= 0xDFFF) return ((c - 0xD800) << 10) + (d - 0xDC00) + 0x10000;
    }
    return c;
  }

  var lowerCache = {};
  function lower(c) {
    if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
    if (c === 0x130) return 0x69;
    if (c >= T2S_LO && c <= T2S_HI) return simplified(c);
    var v = lowerCache[c];
    if (v !== undefined) return v;
    var s = String.fromCodePoint(c), l = s.toLowerCase(), r = c;
    if (l !== s) {
      var lc = l.codePointAt(0);
      if (l.length === (lc > 0xFFFF ? 2 : 1)) r = lc;
    }
    lowerCache[c] = r;
    return r;
  }

  // wellFormed replaces lone surrogates by U+FFFD, as UTF-8 (and Go) must;
  // the length stays the same.
  function wellFormed(s) {
    if (!/[\uD800-\uDFFF]/.test(s)) return s;
    var out = '';
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xDC00 && s.charCodeAt(i + 1) <= 0xDFFF) {
        out += s.slice(i, i + 2);
        i++;
      } else out += c >= 0xD800 && c <= 0xDFFF ? '\uFFFD' : s.charAt(i);
    }
    return out;
  }

  // lowerRun lower-cases each code point of the NFKC text norm. Where that
  // made a sequence that composes (Y + U+030A has no composed form, y +
  // U+030A is U+1E99) it normalises and lower-cases once more, as fold.go's
  // lowerRun does: {run: code points, again: whether it did}.
  function lowerRun(norm) {
    var first = lowerEach(norm);
    if (first.text === norm) return { run: first.run, again: false };
    var renorm = first.text.normalize('NFKC');
    if (renorm === first.text) return { run: first.run, again: false };
    return { run: lowerEach(renorm).run, again: true };
  }

  // lowerEach lower-cases s code point by code point: {run, text}.
  function lowerEach(s) {
    var run = [], text = '';
    for (var j = 0; j < s.length;) {
      var c = cpAt(s, j);
      j += c > 0xFFFF ? 2 : 1;
      var l = lower(c);
      run.push(l);
      text += String.fromCodePoint(l);
    }
    return { run: run, text: text };
  }

  // Folder yields folded code points with their source spans (see fold.go).
  function Folder(s) {
    s = wellFormed(s);
    this.s = s; this.i = 0;
    this.run = []; this.runI = 0; this.runA = 0; this.runB = 0; this.spans = null;
    this.c = 0; this.a = 0; this.b = 0;
  }
  Folder.prototype.next = function () {
    if (this.runI < this.run.length) {
      var sp = this.spans;
      if (sp) { this.a = sp[2 * this.runI]; this.b = sp[2 * this.runI + 1]; } else { this.a = this.runA; this.b = this.runB; }
      this.c = this.run[this.runI++];
      return true;
    }
    var s = this.s, n = s.length;
    if (this.i >= n) return false;
    var start = this.i, c = cpAt(s, start), size = c > 0xFFFF ? 2 : 1;
    var fc = fastFold(c);
    this.i = start + size;
    if (fc >= 0) {
      if (this.i >= n || fastFold(cpAt(s, this.i)) >= 0) {
        this.c = fc; this.a = start; this.b = this.i;
        return true;
      }
    }
    while (this.i < n) {
      var d = cpAt(s, this.i);
      if (fastFold(d) >= 0) break;
      this.i += d > 0xFFFF ? 2 : 1;
    }
    var norm = s.slice(start, this.i).normalize('NFKC'), each = '', spans = [], j, e;
    this.runI = 0; this.runA = start; this.runB = this.i;
    for (j = start; j < this.i;) {
      e = cpAt(s, j);
      var size2 = e > 0xFFFF ? 2 : 1, piece = s.slice(j, j + size2).normalize('NFKC');
      each += piece;
      for (var k = 0; k < piece.length;) {
        var pc = cpAt(piece, k);
        k += pc > 0xFFFF ? 2 : 1;
        spans.push(j, j + size2);
      }
      j += size2;
    }
    var lr = lowerRun(norm);
    this.run = lr.run;
    this.spans = each === norm && !lr.again ? spans : null;
    return this.next();
  };

  // units splits s into units {t: text, h: Han?, j: joined?, a: start, b: end}.
  function units(s) {
    var f = new Folder(String(s)), out = [], prevHan = false;
    var word = '', wordCls = 0, wordA = 0, wordB = 0;
    function flush() {
      if (word) out.push({ t: word, h: false, j: false, a: wordA, b: wordB });
      word = '';
    }
    while (f.next()) {
      var c = f.c, cls = classOf(c);
      if (cls === IGNORE) continue;
      if (cls === HAN) {
        flush();
        out.push({ t: String.fromCodePoint(c), h: true, j: prevHan, a: f.a, b: f.b });
        prevHan = true;
      } else if (cls === LETTER || cls === DIGIT) {
        prevHan = false;
        if (word && cls !== wordCls) flush();
        if (!word) { wordCls = cls; wordA = f.a; }
        word += String.fromCodePoint(c);
        wordB = f.b;
      } else {
        prevHan = false;
        flush();
      }
    }
    flush();
    return out;
  }

  function wordKey(w) {
    var n = 0;
    for (var i = 0; i < w.length; n++) {
      if (n === MAX_WORD) return w.slice(0, i);
      i += cpAt(w, i) > 0xFFFF ? 2 : 1;
    }
    return w;
  }

  // keys returns the index keys of s, as Keys in tokenize.go.
  function keys(s) {
    var us = units(s), out = [];
    for (var i = 0; i < us.length; i++) {
      var u = us[i];
      if (!u.h) out.push(wordKey(u.t));
      else if (i + 1 < us.length && us[i + 1].h && us[i + 1].j) out.push(u.t + us[i + 1].t);
      else out.push(u.t);
    }
    return out;
  }

  // The edition notes and prefixes that titleKey drops, as in
  // internal/search/tokenize/titlekey.go.
  var EDITION = /[（(〔\[【] *(?:试行|暂行|草案|修订草案|征求意见稿|送审稿|[0-9０-９]{4} *年?(?: *[0-9０-９]{1,2} *月(?: *[0-9０-９]{1,2} *日)?)? *(?:修订|修正|修改|版|本|发布)?|修订|修正|修订本) *[）)〕\]】]$/;
  var TITLE_SPACE = /^[ \t\n\u3000]+|[ \t\n\u3000]+$/g;
  var TITLE_PREFIXES = ['中华人民共和国', '中国共产党'];

  // titleKey folds a title, or a query, to the key by which a query names a
  // title: its units without punctuation, a leading 中华人民共和国 or
  // 中国共产党, or trailing edition notes such as （试行）; Han units are
  // written together, words apart. Ordinals such as （六） stay.
  function titleKey(s) {
    s = wellFormed(String(s)).replace(TITLE_SPACE, '');
    for (;;) {
      var at = s.search(EDITION);
      if (at <= 0) break;
      s = s.slice(0, at).replace(TITLE_SPACE, '');
    }
    var us = units(s), key = '';
    for (var i = 0; i < us.length; i++) {
      if (i > 0 && !(us[i].h && us[i - 1].h)) key += ' ';
      key += us[i].t;
    }
    for (var p = 0; p < TITLE_PREFIXES.length; p++) {
      var pre = TITLE_PREFIXES[p];
      if (key.length > pre.length && key.slice(0, pre.length) === pre && key.charAt(pre.length) !== ' ') return key.slice(pre.length);
    }
    return key;
  }

  // titleTerm returns the index term of a title key, as TitleTerm in
  // titlekey.go: "=" and the key's first MAX_WORD code points, spaces
  // written as "_".
  function titleTerm(key) { return key ? '=' + wordKey(key).replace(/ /g, '_') : ''; }

  // Numbers in a query are written the way documents write them, as
  // NormalizeNumbers in internal/search/tokenize/numbers.go: 第12条 and
  // 第 12 条 become 第十二条, 二〇一九年 becomes 2019年.
  var ARTICLE_NUMBER = /第[ 　]*([0-9０-９]{1,4})[ 　]*([条章节款项编])/g;
  var HAN_YEAR = /([〇零○一二三四五六七八九]{4})年/g;
  var CN_DIGITS = '零一二三四五六七八九', CN_UNITS = ['', '十', '百', '千'];

  // chinese writes 1 <= n <= 9999 as laws number articles, as Chinese in
  // internal/numerals: 十二, 一百零一, 一千零一十.
  function chinese(n) {
    var ds = String(n).split('').map(Number), out = '', zero = false;
    for (var i = 0; i < ds.length; i++) {
      var d = ds[i], place = ds.length - 1 - i;
      if (d === 0) { zero = out !== ''; continue; }
      if (zero) { out += '零'; zero = false; }
      if (!(d === 1 && place === 1 && out === '')) out += CN_DIGITS.charAt(d);
      out += CN_UNITS[place];
    }
    return out;
  }

  function normalizeNumbers(q) {
    if (q.indexOf('第') >= 0) {
      q = q.replace(ARTICLE_NUMBER, function (m, num, unit) {
        var n = 0;
        for (var i = 0; i < num.length; i++) {
          var c = num.charCodeAt(i);
          n = n * 10 + (c >= 0xFF10 ? c - 0xFF10 : c - 48);
        }
        return n ? '第' + chinese(n) + unit : m;
      });
    }
    if (q.indexOf('年') >= 0) {
      q = q.replace(HAN_YEAR, function (m, y) {
        var out = '';
        for (var i = 0; i < y.length; i++) out += Math.max(0, CN_DIGITS.indexOf(y.charAt(i)));
        return out + '年';
      });
    }
    return q;
  }

  // cmp compares strings by code point, the order of the index's keys.
  function cmp(x, y) {
    var n = Math.min(x.length, y.length);
    for (var i = 0; i < n; i++) {
      var a = x.charCodeAt(i), b = y.charCodeAt(i);
      if (a !== b) {
        // A surrogate (astral code point) sorts after every BMP code point.
        var sa = a >= 0xD800 && a <= 0xDFFF, sb = b >= 0xD800 && b <= 0xDFFF;
        if (sa !== sb) return sa ? 1 : -1;
        return a < b ? -1 : 1;
      }
    }
    return x.length - y.length;
  }

  return {
    units: units, keys: keys, wordKey: wordKey, titleKey: titleKey, titleTerm: titleTerm, normalizeNumbers: normalizeNumbers, chinese: chinese, needsTable: needsTable, loadTable: loadTable, cmp: cmp, cpAt: cpAt,
    classOf: classOf, HAN_RANGES: HAN_RANGES, IGNORE_RANGES: IGNORE_RANGES, SEP_RANGES: SEP_RANGES
  };
});
