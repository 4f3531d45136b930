/* djkb search: URI components that never throw. encodeURIComponent throws
 * on a lone surrogate (half of an emoji, left by a broken paste or input
 * method) and decodeURIComponent on an escape that is not UTF-8 (a link cut
 * short, %E5 alone): here the offending part becomes U+FFFD instead, as it
 * does in Go, and the rest is kept. */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else (root.djkbSearch = root.djkbSearch || {}).uri = factory();
})(this, function () {
  'use strict';

  // wellFormed replaces each lone surrogate of s with U+FFFD.
  function wellFormed(s) {
    return s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, function (m) {
      return m.length === 2 ? m : '\uFFFD';
    });
  }

  function encode(s) {
    return encodeURIComponent(wellFormed(String(s)));
  }

  // decode decodes a component of a query string (+ is a space).
  function decode(s) {
    s = String(s).replace(/\+/g, ' ');
    try {
      return decodeURIComponent(s);
    } catch (e) {
      return s.replace(/(%[0-9A-Fa-f]{2})+/g, decodeRun);
    }
  }

  // decodeRun decodes a run of escapes: at each point the longest UTF-8
  // sequence (at most 4 bytes), else U+FFFD for one byte. A % that starts
  // no escape stays as it is.
  function decodeRun(run) {
    var out = '';
    for (var i = 0; i < run.length;) {
      var n = 4;
      for (; n > 0; n--) {
        try {
          out += decodeURIComponent(run.substr(i, 3 * n));
          break;
        } catch (e) { /* try a shorter sequence */ }
      }
      if (n === 0) out += '\uFFFD';
      i += 3 * Math.max(n, 1);
    }
    return out;
  }

  return { wellFormed: wellFormed, encode: encode, decode: decode };
});
