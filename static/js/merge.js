/* djkb search: a main index and a delta index seen as one store.
 *
 * djkb serve writes a small delta index after an edit (search/x/, see
 * internal/search/delta.go): the documents added or changed since the main
 * index was written, and the main documents they replace or that were
 * removed. Merged numbers the main documents first (the removed ones stay,
 * marked dead, so that the main index's numbers hold), then the delta's:
 * titles 0..nd-1, then the main index's body blocks, then the delta's. The
 * engine sees one index: posting lists are the main's without the dead
 * documents' blocks plus the delta's, facets, dates and validity are
 * joined. */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory(require('./tokenizer.js'));
  else (root.djkbSearch = root.djkbSearch || {}).merge = factory(root.djkbSearch.tokenizer);
})(this, function (tok) {
  'use strict';

  // Merged joins store main and delta store x; dead lists the main
  // documents that x replaces or that are gone.
  function Merged(main, x, dead) {
    var n0 = main.nd, n1 = x.nd, nd = n0 + n1;
    this.main = main; this.x = x;
    this.n0 = n0; this.n1 = n1;
    this.id = main.id + '+' + x.id;
    this.nd = nd; this.nb = main.nb + x.nb;
    this.sections = main.sections; this.statuses = main.statuses;
    this.facetNames = main.facetNames.slice();
    var have = {};
    this.facetNames.forEach(function (f) { have[f[0]] = true; });
    var names = this.facetNames;
    x.facetNames.forEach(function (f) { if (!have[f[0]]) names.push(f); });
    this.dead = new Uint8Array(nd);
    var ndead = 0, self = this;
    dead.forEach(function (d) { if (d < n0 && !self.dead[d]) { self.dead[d] = 1; ndead++; } });
    this.live = nd - ndead;
    this.nblocks = new Int32Array(nd);
    this.start = new Int32Array(nd + 1);
    var blocks = 0;
    for (var d = 0; d < nd; d++) {
      var m = d < n0;
      this.nblocks[d] = m ? main.nblocks[d] : x.nblocks[d - n0];
      this.start[d] = m ? this.fromMain(main.start[d]) : this.fromX(x.start[d - n0]);
      if (!this.dead[d]) blocks += this.nblocks[d];
    }
    this.start[nd] = nd + this.nb;
    this.avgBlocks = this.live ? blocks / this.live : 1;
    this.cache = {};
  }

  // fromMain and fromX turn a block number of one index into the merged one.
  Merged.prototype.fromMain = function (id) { return id < this.n0 ? id : id - this.n0 + this.nd; };
  Merged.prototype.fromX = function (id) { return id < this.n1 ? this.n0 + id : id - this.n1 + this.nd + this.main.nb; };

  Merged.prototype.docOf = function (id) {
    if (id < this.nd) return id;
    var b = id - this.nd;
    return b < this.main.nb ? this.main.docOf(b + this.n0) : this.n0 + this.x.docOf(b - this.main.nb + this.n1);
  };

  Merged.prototype.rarity = function (key) { return this.main.rarity(key); };

  Merged.prototype.once = function (key, f) {
    var c = this.cache;
    if (!c[key]) c[key] = f().catch(function (e) { delete c[key]; throw e; });
    return c[key];
  };

  function both(a, b) {
    return { key: (a || b).key, df: (a ? a.df : 0) + (b ? b.df : 0), a: a, b: b };
  }

  Merged.prototype.entry = function (key) {
    return Promise.all([this.main.entry(key), this.x.entry(key)]).then(function (r) {
      return r[0] || r[1] ? both(r[0], r[1]) : null;
    });
  };

  Merged.prototype.prefix = function (c) {
    return Promise.all([this.main.prefix(c), this.x.prefix(c)]).then(function (r) {
      var at = Object.create(null), out = [];
      r[0].forEach(function (e) { at[e.key] = out.length; out.push(both(e, null)); });
      r[1].forEach(function (e) {
        var i = at[e.key];
        if (i === undefined) out.push(both(null, e));
        else out[i] = both(out[i].a, e);
      });
      return out;
    });
  };

  Merged.prototype.inline = function (en) {
    return (!en.a || this.main.inline(en.a)) && (!en.b || this.x.inline(en.b));
  };

  // postings: the main's titles, the delta's titles, the main's body
  // blocks, the delta's body blocks, which is their merged order.
  Merged.prototype.postings = function (en) {
    var self = this, main = this.main;
    return Promise.all([en.a ? main.postings(en.a) : [], en.b ? this.x.postings(en.b) : []]).then(function (r) {
      var a = r[0], b = r[1], out = [], i = 0, j = 0;
      var keep = function (id) { if (!self.dead[main.docOf(id)]) out.push(self.fromMain(id)); };
      for (; i < a.length && a[i] < self.n0; i++) keep(a[i]);
      for (; j < b.length && b[j] < self.n1; j++) out.push(self.fromX(b[j]));
      for (; i < a.length; i++) keep(a[i]);
      for (; j < b.length; j++) out.push(self.fromX(b[j]));
      return out;
    });
  };

  Merged.prototype.block = function (id) {
    var self = this;
    return this.once('b' + id, function () {
      var b = id - self.nd, inMain = b < self.main.nb;
      var p = inMain ? self.main.block(b + self.n0) : self.x.block(b - self.main.nb + self.n1);
      return p.then(function (bl) { return { id: id, doc: inMain ? bl.doc : self.n0 + bl.doc, segs: bl.segs }; });
    });
  };

  Merged.prototype.meta = function (d) { return d < this.n0 ? this.main.meta(d) : this.x.meta(d - this.n0); };

  Merged.prototype.codebook = function () { return Promise.all([this.main.codebook(), this.x.codebook()]); };

  Merged.prototype.dates = function () {
    var self = this;
    return this.once('dates', function () {
      return Promise.all([self.main.dates(), self.x.dates()]).then(function (r) {
        var out = new Int32Array(self.nd);
        out.set(r[0]);
        out.set(r[1], self.n0);
        return out;
      });
    });
  };

  Merged.prototype.validity = function () {
    var self = this;
    return this.once('validity', function () {
      return Promise.all([self.main.validity(), self.x.validity()]).then(function (r) {
        var from = new Int32Array(self.nd), until = new Int32Array(self.nd);
        from.set(r[0].from); from.set(r[1].from, self.n0);
        until.set(r[0].until); until.set(r[1].until, self.n0);
        return { from: from, until: until };
      });
    });
  };

  // facets joins the two indexes' facets: the values of live documents,
  // in code point order, as a full build lists them.
  // pinyin: the main index's phrases; the delta's new titles wait for the
  // whole index written again.
  Merged.prototype.pinyin = function () { return this.main.pinyin(); };

  // glossary: the delta's, when the glossary page was edited.
  Merged.prototype.glossary = function () { return (this.x.hasGlossary ? this.x : this.main).glossary(); };

  Merged.prototype.facets = function () {
    var self = this;
    return this.once('facets', function () {
      return Promise.all([self.main.facets(), self.x.facets()]).then(function (r) {
        return self.facetNames.map(function (fn) {
          var f0 = r[0].filter(function (f) { return f.key === fn[0]; })[0];
          var f1 = r[1].filter(function (f) { return f.key === fn[0]; })[0];
          var docs = new Array(self.nd), used = Object.create(null);
          for (var d = 0; d < self.nd; d++) {
            var f = d < self.n0 ? f0 : f1, vs = f && !self.dead[d] ? f.docs[d < self.n0 ? d : d - self.n0] : [];
            docs[d] = vs.map(function (v) { used[f.values[v]] = true; return f.values[v]; });
          }
          var values = Object.keys(used).sort(tok.cmp), at = Object.create(null);
          values.forEach(function (v, i) { at[v] = i; });
          for (var e = 0; e < self.nd; e++) docs[e] = docs[e].map(function (v) { return at[v]; });
          return { key: fn[0], label: fn[1], values: values, docs: docs };
        }).filter(function (f) { return f.values.length; });
      });
    });
  };

  return { Merged: Merged };
});
