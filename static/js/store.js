/* djkb search: the index as the engine sees it. It reads the manifest and
 * loads, parses and caches the shards: dictionary (d/), long posting lists
 * (p/), block text (t/), titles and paths (m/), the text code (c) and the
 * facets (f), when regulations were in force (v), and the phrases of
 * pinyin queries (py). A text shard also carries the titles and paths of its blocks'
 * documents, so a result whose text was read needs no m/ file. Block
 * numbers: 0..nd-1 are the documents' titles, nd+i is body block i. */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory(require('./codec.js'), require('./tokenizer.js'));
  else (root.djkbSearch = root.djkbSearch || {}).store = factory(root.djkbSearch.codec, root.djkbSearch.tokenizer);
})(this, function (codec, tok) {
  'use strict';

  function firsts(text) {
    var rd = new codec.Reader(codec.bytes(text)), out = [], v = 0;
    while (rd.p < rd.b.length) { v += rd.uv(); out.push(v); }
    return out;
  }

  // last returns the last index i with f(i) true, for f true then false.
  function last(n, f) {
    var lo = 0, hi = n;
    while (lo < hi) {
      var m = (lo + hi) >> 1;
      if (f(m)) lo = m + 1; else hi = m;
    }
    return lo - 1;
  }

  // Store reads the index of manifest; prefix ("x/" for a delta index)
  // starts the names of its files.
  function Store(loader, manifest, prefix) {
    var m = manifest, nd = m.nd, nb = m.nb;
    this.ld = loader;
    this.pre = prefix || '';
    this.id = m.id;
    this.nd = nd; this.nb = nb;
    this.sections = m.sections; this.statuses = m.statuses; this.facetNames = m.facets;
    this.hasGlossary = !!m.glossary;
    this.nblocks = new Int32Array(nd);
    this.start = new Int32Array(nd + 1); // first block number of each document's body
    this.blockDoc = new Int32Array(nb);
    var rd = new codec.Reader(codec.bytes(m.docs)), b = nd;
    for (var d = 0; d < nd; d++) {
      var n = rd.uv();
      this.nblocks[d] = n;
      this.start[d] = b;
      for (var i = 0; i < n; i++) this.blockDoc[b - nd + i] = d;
      b += n;
    }
    this.start[nd] = b;
    this.avgBlocks = nd ? nb / nd : 1;
    this.live = nd; // documents not replaced by a delta index (see merge.js)
    this.dead = null;
    this.dictFirst = m.dict.split(' ');
    this.charRank = Object.create(null);
    for (var c = 0, r = 0; c < m.chars.length; r++) {
      var cp = m.chars.codePointAt(c);
      this.charRank[String.fromCodePoint(cp)] = r;
      c += cp > 0xFFFF ? 2 : 1;
    }
    this.textFirst = firsts(m.text);
    this.metaFirst = firsts(m.meta);
    this.metas = []; // documents' records, from meta and text shards
    this.cache = {};
  }

  // rarity guesses how rare a key is from its characters' frequency ranks:
  // a bigram is at most as frequent as its rarer character.
  Store.prototype.rarity = function (key) {
    if (tok.classOf(key.codePointAt(0)) !== 1) return 200 * Math.min(key.length, 5);
    var best = 0;
    for (var i = 0; i < key.length;) {
      var cp = key.codePointAt(i), ch = String.fromCodePoint(cp), r = this.charRank[ch];
      best = Math.max(best, r === undefined ? 1e6 : r);
      i += ch.length;
    }
    return best;
  };

  // docOf returns the document of a block number.
  Store.prototype.docOf = function (id) { return id < this.nd ? id : this.blockDoc[id - this.nd]; };

  // once caches the promise of f under key.
  Store.prototype.once = function (key, f) {
    var c = this.cache;
    if (!c[key]) {
      c[key] = f().catch(function (e) { delete c[key]; throw e; });
    }
    return c[key];
  };

  // file loads and parses one index file.
  Store.prototype.file = function (name, parse) {
    var ld = this.ld;
    name = this.pre + name;
    return this.once(name, function () {
      return ld.load(name).then(function (payload) {
        var v = parse(payload);
        if (ld.forget) ld.forget(name);
        return v;
      });
    });
  };

  Store.prototype.dictShard = function (key) {
    var f = this.dictFirst;
    return Math.max(0, last(f.length, function (i) { return tok.cmp(f[i], key) <= 0; }));
  };

  // dict loads dictionary shard i: {keys, df, at: key -> entry index, ...}.
  Store.prototype.dict = function (i) {
    return this.file('d/' + i, function (payload) {
      var b = codec.bytes(payload), rd = new codec.Reader(b), n = rd.uv();
      var sh = { b: b, keys: new Array(n), df: new Int32Array(n), file: new Int32Array(n), off: new Int32Array(n), at: Object.create(null) };
      var c1 = 0, c2 = 0, inl = 0;
      for (var e = 0; e < n; e++) {
        var t = rd.uv(), key;
        if (t === 0) key = rd.utf8(rd.uv());
        else {
          if (t === 1) { c1 += rd.uv(); c2 = rd.uv(); } else c2 += t - 1;
          key = String.fromCodePoint(c1) + (c2 ? String.fromCodePoint(c2) : '');
        }
        sh.keys[e] = key; sh.at[key] = e;
        sh.df[e] = rd.uv();
        var loc = rd.uv();
        if (loc % 2 === 0) { sh.file[e] = -1; sh.off[e] = inl; inl += loc / 2; } else {
          sh.file[e] = (loc - 1) / 2; sh.off[e] = rd.uv(); rd.uv();
        }
      }
      sh.inline = rd.p;
      return sh;
    });
  };

  // entry resolves to {key, df, sh, e} for a key, or null if no document has it.
  Store.prototype.entry = function (key) {
    return this.dict(this.dictShard(key)).then(function (sh) {
      var e = sh.at[key];
      return e === undefined ? null : { key: key, df: sh.df[e], sh: sh, e: e };
    });
  };

  // prefix resolves to the entries of the keys that start with the Han
  // character c (c alone and every bigram c?).
  Store.prototype.prefix = function (c) {
    var lo = this.dictShard(c), hi = this.dictShard(c + '\uDBFF\uDFFF'), ps = [];
    for (var i = lo; i <= hi; i++) ps.push(this.dict(i));
    return Promise.all(ps).then(function (shards) {
      var out = [];
      shards.forEach(function (sh) {
        sh.keys.forEach(function (k, e) {
          if (k.lastIndexOf(c, 0) === 0 && tok.classOf(k.codePointAt(0)) === 1) out.push({ key: k, df: sh.df[e], sh: sh, e: e });
        });
      });
      return out;
    });
  };

  // inline reports whether an entry's posting list came with its
  // dictionary shard.
  Store.prototype.inline = function (en) { return en.sh.file[en.e] < 0; };

  // postings resolves to the sorted block numbers of an entry.
  Store.prototype.postings = function (en) {
    var sh = en.sh, e = en.e, n = sh.df[e];
    if (sh.file[e] < 0) return Promise.resolve(codec.rice(sh.b, sh.inline + sh.off[e], n));
    return this.file('p/' + sh.file[e], codec.bytes).then(function (b) { return codec.rice(b, sh.off[e], n); });
  };

  Store.prototype.codebook = function () {
    return this.file('c', function (p) { return new codec.Codebook(codec.bytes(p)); });
  };

  // textShard parses a text shard's header, and keeps its documents'
  // records.
  Store.prototype.textShard = function (i) {
    var self = this;
    return this.file('t/' + i, function (p) {
      self.records(p[3], p[4]);
      var b = codec.bytes(p[1]), strs = p[2], rd = new codec.Reader(b), n = rd.uv(), blocks = [], s = 0;
      var part = null;
      for (var k = 0; k < n; k++) {
        var nseg = rd.uv(), segs = [];
        for (var j = 0; j < nseg; j++) {
          var x = rd.uv(), m = x & 3, h = x >>> 2;
          if (m === 3) {
            if (!part) part = { anchor: strs[s++], heading: strs[s++] };
          } else {
            part = { anchor: m === 0 ? '' : m === 2 ? strs[s++] : null, heading: null, h: h, block: k, seg: j };
          }
          segs.push(part);
        }
        blocks.push({ nseg: nseg, segs: segs, len: rd.uv() });
      }
      var off = rd.p;
      blocks.forEach(function (bl) { bl.off = off; off += bl.len; });
      return { first: p[0], b: b, blocks: blocks };
    });
  };

  // block resolves to {id, doc, segs: [{text, anchor, heading, h}]} for body
  // block number id; h is the heading's length at the start of text.
  Store.prototype.block = function (id) {
    var self = this;
    return this.once('b' + id, function () {
      var bi = id - self.nd, si = last(self.textFirst.length, function (i) { return self.textFirst[i] <= bi; });
      return Promise.all([self.textShard(si), self.codebook()]).then(function (r) {
        var sh = r[0], cb = r[1];
        var texts = function (k) {
          var bl = sh.blocks[k];
          if (!bl.texts) bl.texts = cb.decode(sh.b, bl.off, bl.len, bl.nseg);
          return bl.texts;
        };
        var k = bi - sh.first, bl = sh.blocks[k], tx = texts(k);
        var segs = bl.segs.map(function (part, j) {
          var h = part.block === k && part.seg === j ? part.h : 0;
          if (part.heading === null) part.heading = texts(part.block)[part.seg].slice(0, part.h);
          if (part.anchor === null) part.anchor = part.heading;
          return { text: tx[j], anchor: part.anchor, heading: part.heading, h: h };
        });
        return { id: id, doc: self.blockDoc[bi], segs: segs };
      });
    });
  };

  // records keeps the documents' records of a meta or text shard: those of
  // documents first, first+1, ...
  Store.prototype.records = function (first, recs) {
    var prev = '', sections = this.sections, statuses = this.statuses;
    for (var j = 0; j < recs.length; j++) {
      var r = recs[j], path = prev.slice(0, r[1]) + r[2];
      prev = path;
      this.metas[first + j] = {
        title: r[0], path: path, date: r[3], section: sections[r[4] - 1] || '', status: statuses[r[5] - 1] || '',
        url: r.length > 6 ? r[6] : defaultURL(path)
      };
    }
  };

  // meta resolves to {title, path, url, date, section, status} of document
  // d; date counts days since 1899-12-31 (0 for none). A document whose text
  // was read has it already.
  Store.prototype.meta = function (d) {
    var self = this;
    if (this.metas[d]) return Promise.resolve(this.metas[d]);
    var f = this.metaFirst, si = last(f.length, function (i) { return f[i] <= d; });
    return this.file('m/' + si, function (p) { self.records(p[0], p[1]); }).then(function () { return self.metas[d]; });
  };

  // facets resolves to [{key, label, values, docs: [value indexes per document]}].
  Store.prototype.facets = function () {
    return this.facetFile().then(function (f) { return f.facets; });
  };

  // dates resolves to the documents' dates (days, 0 for none).
  Store.prototype.dates = function () {
    return this.facetFile().then(function (f) { return f.dates; });
  };

  // glossary resolves to the payload of g.js, [page URL, [{names,
  // anchor}]], or null for a site without a glossary.
  Store.prototype.glossary = function () {
    return this.hasGlossary ? this.file('g', function (p) { return p; }) : Promise.resolve(null);
  };

  // pinyin resolves to the payload of py.js: the phrases a query may name
  // in pinyin (see pinyin.js).
  Store.prototype.pinyin = function () {
    return this.file('py', function (p) { return p; });
  };

  Store.prototype.facetFile = function () {
    var nd = this.nd;
    return this.file('f', function (p) {
      var db = codec.bytes(p[1]), dates = new Int32Array(nd);
      for (var d = 0; d < nd; d++) dates[d] = db[2 * d] * 256 + db[2 * d + 1];
      var facets = p[0].map(function (f) {
        var b = codec.bytes(f[4]), docs = new Array(nd), off = 0;
        for (var d = 0; d < nd; d++) docs[d] = [];
        f[3].forEach(function (n, v) {
          var r = codec.riceEnd(b, off, n);
          for (var i = 0; i < n; i++) docs[r.ids[i]].push(v);
          off = r.end;
        });
        return { key: f[0], label: f[1], values: f[2], docs: docs };
      });
      return { facets: facets, dates: dates };
    });
  };

  // validity decodes when the regulations were in force (validityTable in
  // meta.go): {from, until} per document, in days as dates are. from is 0
  // when unknown; until is 0 when no end is known, -1 when the regulation
  // ended at a date it does not record; -2 in both for a document that is
  // not a regulation.
  function validity(text, dates, nd) {
    var from = new Int32Array(nd).fill(-2), until = new Int32Array(nd).fill(-2);
    if (text) {
      var b = codec.bytes(text), rd = new codec.Reader(b), n = rd.uv(), r = codec.riceEnd(b, rd.p, n);
      rd.p = r.end;
      for (var i = 0; i < n; i++) {
        var d = r.ids[i], f = rd.uv(), u = rd.uv();
        from[d] = f ? dates[d] + ((f - 1) % 2 ? -(f >> 1) : (f - 1) / 2) : 0;
        until[d] = u === 0 ? 0 : u === 1 ? -1 : from[d] + u - 2;
      }
    }
    return { from: from, until: until };
  }

  // validity resolves to when the documents were in force (see
  // validity), from v.js, which only the 当时有效 filter loads.
  Store.prototype.validity = function () {
    var self = this;
    return this.once('validity', function () {
      return Promise.all([self.facetFile(), self.file('v', function (p) { return p; })]).then(function (r) {
        return validity(r[1], r[0].dates, self.nd);
      });
    });
  };

  // defaultURL mirrors meta.go: "a/b.md" -> "a/b/", "a/_index.md" -> "a/".
  function defaultURL(path) {
    var p = path.replace(/\.md$/, '');
    if (p === '_index' || p === 'index') return '';
    var m = /\/(_index|index)$/.exec(p);
    return m ? p.slice(0, m.index) + '/' : p + '/';
  }

  return { Store: Store, defaultURL: defaultURL };
});
