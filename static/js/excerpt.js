/* djkb search: excerpts. Text is always HTML-escaped; only the <mark>
 * elements around matches are markup. */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else (root.djkbSearch = root.djkbSearch || {}).excerpt = factory();
})(this, function () {
  'use strict';

  var ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  function escapeHTML(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return ESC[c]; });
  }

  // merge sorts ranges and joins overlapping ones.
  function merge(ranges) {
    var rs = ranges.slice().sort(function (x, y) { return x[0] - y[0] || x[1] - y[1]; }), out = [];
    for (var i = 0; i < rs.length; i++) {
      var r = rs[i], lastR = out[out.length - 1];
      if (lastR && r[0] <= lastR[1]) lastR[1] = Math.max(lastR[1], r[1]);
      else out.push([r[0], r[1]]);
    }
    return out;
  }

  // snap moves an offset off the second half of a surrogate pair.
  function snap(text, i) {
    var c = text.charCodeAt(i);
    return c >= 0xDC00 && c <= 0xDFFF && i > 0 ? i - 1 : i;
  }

  // make returns the HTML of a window of about width UTF-16 units of text
  // around the first range, with every range inside it marked.
  function make(text, ranges, width) {
    text = text || '';
    var rs = merge(ranges || []), start = 0, end = text.length;
    if (end > width) {
      if (rs.length) start = Math.max(0, rs[0][0] - Math.floor(width / 4));
      end = Math.min(text.length, start + width);
      start = snap(text, Math.max(0, Math.min(start, end - width)));
      end = snap(text, end);
    }
    var html = start > 0 ? '…' : '', pos = start;
    for (var i = 0; i < rs.length; i++) {
      var a = Math.max(rs[i][0], start), b = Math.min(rs[i][1], end);
      if (a >= b) continue;
      html += escapeHTML(flat(text.slice(pos, a))) + '<mark>' + escapeHTML(flat(text.slice(a, b))) + '</mark>';
      pos = b;
    }
    html += escapeHTML(flat(text.slice(pos, end)));
    if (end < text.length) html += '…';
    return html;
  }

  function flat(s) { return s.replace(/\s+/g, ' '); }

  return { escapeHTML: escapeHTML, make: make, merge: merge };
});
