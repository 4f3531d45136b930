/* djkb search: decoders for the index files written by internal/search:
 * base91 text, varints, Rice-coded posting lists, the Huffman-coded text. */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else (root.djkbSearch = root.djkbSearch || {}).codec = factory();
})(this, function () {
  'use strict';

  var EOS = -1, ESC = -2;

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

  // Codebook is the canonical Huffman code of the text (see textcode.go).
  function Codebook(b) {
    var rd = new Reader(b), maxLen = rd.uv(), counts = [0], total = 0, i;
    for (i = 1; i <= maxLen; i++) { counts.push(rd.uv()); total += counts[i]; }
    var syms = new Array(total), n = 0;
    for (var len = 1; len <= maxLen; len++) {
      var prevChar = 0, prevPair = 0;
      for (i = 0; i < counts[len]; i++) {
        var t = rd.uv();
        if (t === 0) syms[n++] = EOS;
        else if (t === 1) syms[n++] = ESC;
        else if (t % 2 === 0) {
          prevChar += (t - 2) / 2;
          syms[n++] = String.fromCodePoint(prevChar);
        } else {
          prevPair += (t - 3) / 2;
          syms[n++] = String.fromCodePoint(prevPair) + String.fromCodePoint(rd.uv());
        }
      }
    }
    this.maxLen = maxLen; this.counts = counts; this.syms = syms;
  }

  // decode returns the nseg segments coded at b[off, off+len) as strings.
  Codebook.prototype.decode = function (b, off, len, nseg) {
    var counts = this.counts, syms = this.syms, maxLen = this.maxLen;
    var end = off + len, pos = off, cur = 0, nb = 0, segs = [], parts = [];
    for (;;) {
      var code = 0, first = 0, index = 0, sym = null;
      for (var l = 1; l <= maxLen; l++) {
        if (nb === 0) {
          if (pos >= end) return segs;
          cur = b[pos++]; nb = 8;
        }
        nb--;
        code |= (cur >>> nb) & 1;
        var c = counts[l];
        if (code - first < c) { sym = syms[index + code - first]; break; }
        index += c; first = (first + c) << 1; code <<= 1;
      }
      if (sym === null) return segs;
      if (sym === EOS) {
        segs.push(parts.join(''));
        if (segs.length === nseg) return segs;
        parts = [];
        continue;
      }
      if (sym === ESC) {
        var cp = 0;
        for (var j = 0; j < 21; j++) {
          if (nb === 0) { cur = b[pos++]; nb = 8; }
          nb--;
          cp = cp * 2 + ((cur >>> nb) & 1);
        }
        sym = String.fromCodePoint(cp);
      }
      parts.push(sym);
    }
  };

  return { bytes: bytes, Reader: Reader, rice: rice, riceEnd: riceEnd, Codebook: Codebook };
});
