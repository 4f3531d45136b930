/* djkb search: decoders for the index files written by internal/search:
 * base91 text, varints, Rice-coded posting lists, the rANS-coded text. */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else (root.djkbSearch = root.djkbSearch || {}).codec = factory();
})(this, function () {
  'use strict';

  var EOS_SYM = 0, ESC_SYM = 1; // symbols of the text code

  // The base91 alphabet of internal/search/codec/base91.go.
  var B91 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,./:;<=>?@[]^_{|}~'-";
  var B91D = new Int16Array(128);
  for (var k = 0; k < 128; k++) B91D[k] = -1;
  for (k = 0; k < B91.length; k++) B91D[B91.charCodeAt(k)] = k;

  // bytes decodes base91 text.
  function bytes(s) {
    var out = new Uint8Array(Math.ceil(s.length * 14 / 16) + 1), o = 0, v = -1, b = 0, n = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i), d = c < 128 ? B91D[c] : -1;
      if (d < 0) continue;
      if (v < 0) { v = d; continue; }
      v += d * 91;
      b |= v << n;
      n += (v & 8191) > 88 ? 13 : 14;
      do { out[o++] = b & 255; b >>>= 8; n -= 8; } while (n > 7);
      v = -1;
    }
    if (v > -1) out[o++] = (b | v << n) & 255;
    return out.subarray(0, o);
  }

  // Reader reads little-endian base-128 varints.
  function Reader(b, pos) { this.b = b; this.p = pos || 0; }
  Reader.prototype.uv = function () {
    var x = 0, mul = 1, c;
    do {
      c = this.b[this.p++];
      x += (c & 127) * mul;
      mul *= 128;
    } while (c & 128);
    return x;
  };
  Reader.prototype.utf8 = function (n) {
    var s = '', end = this.p + n, b = this.b;
    while (this.p < end) {
      var c = b[this.p++];
      if (c >= 0xF0) c = ((c & 7) << 18) | ((b[this.p++] & 63) << 12) | ((b[this.p++] & 63) << 6) | (b[this.p++] & 63);
      else if (c >= 0xE0) c = ((c & 15) << 12) | ((b[this.p++] & 63) << 6) | (b[this.p++] & 63);
      else if (c >= 0xC0) c = ((c & 31) << 6) | (b[this.p++] & 63);
      s += String.fromCodePoint(c);
    }
    return s;
  };

  // rice decodes n ids of a posting list starting at byte off.
  function rice(b, off, n) { return riceEnd(b, off, n).ids; }

  // riceEnd decodes n ids and tells where the byte-aligned list ends.
  function riceEnd(b, off, n) {
    var out = new Int32Array(n), pos = off, cur = b[pos++], nb = 8;
    var k = cur >>> 3, scale = Math.pow(2, k), prev = -1;
    nb = 3;
    for (var i = 0; i < n; i++) {
      var q = 0;
      for (;;) {
        if (nb === 0) { cur = b[pos++]; nb = 8; }
        nb--;
        if ((cur >>> nb) & 1) q++; else break;
      }
      var r = 0;
      for (var j = 0; j < k; j++) {
        if (nb === 0) { cur = b[pos++]; nb = 8; }
        nb--;
        r = r * 2 + ((cur >>> nb) & 1);
      }
      prev += q * scale + r + 1;
      out[i] = prev;
    }
    return { ids: out, end: pos };
  }

  // Codebook is the model of the text code (see codec/textmodel.go): rANS
  // under an order-1 context model with an order-0 fallback.
  var O0 = 16, CTX = 12, LOW = 1 << 23;
  function Codebook(b) {
    var rd = new Reader(b), nc = rd.uv(), nsym = nc + 2, i, j, c = 0;
    var strs = new Array(nsym), freq0 = new Int32Array(nsym), cum0 = new Int32Array(nsym + 1);
    for (i = 0; i < nc; i++) { c += rd.uv(); strs[i + 2] = String.fromCodePoint(c); }
    var look = new Uint16Array(1 << O0);
    for (i = 0; i < nsym; i++) {
      freq0[i] = rd.uv() + 1;
      cum0[i + 1] = cum0[i] + freq0[i];
      for (j = cum0[i]; j < cum0[i + 1] && j < look.length; j++) look[j] = i;
    }
    // Contexts: ctx[symbol] is the first of its successors in next, cum
    // (one entry more per context: the escape's start) and freq, or -1.
    var nctx = rd.uv(), ctx = new Int32Array(nsym), ends = new Int32Array(nsym);
    for (i = 0; i < nsym; i++) ctx[i] = -1;
    var next = [], cum = [], freq = [], sym = 0;
    for (i = 0; i < nctx; i++) {
      sym += rd.uv();
      var n = rd.uv(), s = 0, at = 0;
      ctx[sym] = next.length; ends[sym] = next.length + n;
      for (j = 0; j < n; j++) {
        s += rd.uv();
        var f = rd.uv() + 1;
        next.push(s); cum.push(at); freq.push(f);
        at += f;
      }
      next.push(-1); cum.push(at); freq.push((1 << CTX) - at); // the escape
    }
    this.strs = strs; this.freq0 = freq0; this.cum0 = cum0; this.look = look;
    this.ctx = ctx; this.ends = ends; this.next = next; this.cum = cum; this.freq = freq;
  }

  // decode returns the nseg segments coded at b[off, off+len) as strings.
  Codebook.prototype.decode = function (b, off, len, nseg) {
    var strs = this.strs, look = this.look, cum0 = this.cum0, freq0 = this.freq0;
    var ctx = this.ctx, ends = this.ends, next = this.next, cum = this.cum, freq = this.freq;
    var end = off + len, pos = off + 4, segs = [], parts = [], prev = EOS_SYM;
    var x = ((b[off] << 24) >>> 0) + (b[off + 1] << 16) + (b[off + 2] << 8) + b[off + 3];
    function take(start, f, bits) {
      x = f * (x >>> bits) + (x & ((1 << bits) - 1)) - start;
      while (x < LOW && pos < end) x = x * 256 + b[pos++];
    }
    while (segs.length < nseg) {
      if (pos >= end && x === LOW) break; // the code ends early
      var sym = -1, lo = ctx[prev];
      if (lo >= 0) {
        // the last successor whose start is at most the slot; past the
        // last, the escape
        var slot = x & ((1 << CTX) - 1), hi = ends[prev];
        while (lo < hi) { var m = (lo + hi + 1) >> 1; if (cum[m] <= slot) lo = m; else hi = m - 1; }
        take(cum[lo], freq[lo], CTX);
        if (lo < ends[prev]) sym = next[lo];
      }
      if (sym < 0) {
        sym = look[x & ((1 << O0) - 1)];
        take(cum0[sym], freq0[sym], O0);
      }
      prev = sym;
      if (sym === EOS_SYM) {
        segs.push(parts.join(''));
        parts = [];
      } else if (sym === ESC_SYM) {
        var cp = 0;
        for (var d = 0; d < 3; d++) { var dg = x & 127; take(dg, 1, 7); cp = cp * 128 + dg; }
        parts.push(String.fromCodePoint(cp));
      } else parts.push(strs[sym]);
    }
    return segs;
  };

  return { bytes: bytes, Reader: Reader, rice: rice, riceEnd: riceEnd, Codebook: Codebook };
});
