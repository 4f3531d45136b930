/* djkb search: runs a query against the index.
 *
 * 1. Each term's bigrams and words are looked up; their posting lists
 *    (blocks) are intersected, rarest first, until few candidates remain.
 * 2. Candidate documents hold every positive term; they are ranked by BM25
 *    over candidate blocks, with title matches boosted.
 * 3. The best candidates are verified on their text: every term must occur
 *    as an exact phrase. Verified documents are re-ranked with heading,
 *    exact title and whole-query phrase boosts, and a repealed regulation
 *    ranks below one in force; ties go to the newer document.
 * 4. When nothing matches every term, the best partial matches are shown. */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./tokenizer.js'), require('./query.js'), require('./match.js'), require('./excerpt.js'), require('./uri.js'), require('./pinyin.js'));
  } else {
    var s = root.djkbSearch;
    s.engine = factory(s.tokenizer, s.query, s.match, s.excerpt, s.uri, s.pinyin);
  }
})(this, function (tok, query, match, excerpt, uri, pinyin) {
  'use strict';

  var K1 = 1.2, B = 0.75;
  var W_TITLE = 2, W_HEAD = 0.5, W_PHRASE = 1, EXACT_TITLE = 1000, IN_TITLE = 100;
  var FIRST = 3;         // keys looked up in the first round
  var MAX_PREFETCH = 4;  // terms whose first keys prefetch loads
  var FEW = 4;           // stop looking up keys at this many candidate blocks
  var MAX_LISTS = 8;     // posting lists intersected for one term at most
  var MAX_PREFIX = 160;  // posting lists merged for a one-character term
  var PARTIAL_KEYS = 12; // keys tried for partial matches
  var CHECK = 4;         // candidate blocks read per term and document at a time
  var CHUNK = 10;        // documents verified at a time
  var MAX_CHUNKS = 4;    // chunks verified at most; the rest counts as unverified
  var MAX_ROUNDS = 2;    // rounds of reading a document's candidate blocks
  var EXCERPT = 120, SUB_EXCERPT = 64, MAX_SUB = 3;
  var MAX_SUGGEST = 3, MAX_SYNONYM = 5;
  // A 文号: issuer, year in any brackets, number: 中办发〔2019〕12号.
  var WENHAO = /^[\u4e00-\u9fff]{1,12}[〔\[（(【]\s*[0-9０-９]{4}\s*[〕\]）)】]\s*[0-9０-９]{1,5}\s*号$/;

  var FACTOR = { '': 1, '现行有效': 1, '尚未施行': 0.95, '已修改': 0.8, '已废止': 0.7, '宣布失效': 0.7, '失效': 0.7, '废止': 0.7 };

  function Engine(store, opts) {
    this.s = store;
    this.root = (opts && opts.root) || '';
    this.fileLinks = !!(opts && opts.fileLinks);
  }

  // intersect returns the ids in both sorted lists.
  function intersect(a, b) {
    if (a.length > b.length) { var t = a; a = b; b = t; }
    var out = [], j = 0;
    for (var i = 0; i < a.length; i++) {
      var x = a[i];
      if (b[j] < x) {
        var step = 1; // gallop
        while (j + step < b.length && b[j + step] < x) step *= 2;
        var lo = j, hi = Math.min(j + step, b.length);
        while (lo < hi) { var m = (lo + hi) >> 1; if (b[m] < x) lo = m + 1; else hi = m; }
        j = lo;
      }
      if (j >= b.length) break;
      if (b[j] === x) out.push(x);
    }
    return out;
  }

  function union(lists, n) {
    var mark = new Uint8Array(n), out = [];
    lists.forEach(function (l) { for (var i = 0; i < l.length; i++) mark[l[i]] = 1; });
    for (var i = 0; i < n; i++) if (mark[i]) out.push(i);
    return out;
  }

  // candidates resolves to the sorted candidate blocks of a term (a
  // superset: the text decides). Keys are looked up rarest first, by the
  // characters' frequency ranks; short lists come with the dictionary, long
  // ones are loaded, shortest first, only while many candidates remain.
  Engine.prototype.candidates = function (units) {
    var s = this.s, lk = match.lookups(units), total = s.nd + s.nb;
    if (!lk.keys.length) return this.prefixCandidates(lk.singles, total);
    var keys = this.rarestFirst(lk.keys);
    var cand = null, big = [], next = 0;
    var add = function (l) { lists++; cand = cand ? intersect(cand, l) : Array.prototype.slice.call(l); };
    var prevLen = Infinity, lists = 0;
    var step = function () {
      if (cand && (cand.length <= FEW || lists >= MAX_LISTS)) return cand;
      // Another dictionary shard costs less than the text of a few false
      // candidates; a long list is loaded only while it narrows them well.
      if (next < keys.length) {
        // FIRST keys first; if they leave many candidates, all the rest at
        // once (one more round trip, not one per key).
        var batch = keys.slice(next, next ? keys.length : FIRST);
        next += batch.length;
        return Promise.all(batch.map(function (k) { return s.entry(k); })).then(function (es) {
          if (es.some(function (e) { return !e; })) return (cand = []);
          var inl = es.filter(function (e) { return s.inline(e); });
          big = big.concat(es.filter(function (e) { return !s.inline(e); }));
          big.sort(function (x, y) { return x.df - y.df; });
          return Promise.all(inl.map(function (e) { return s.postings(e); })).then(function (ls) {
            ls.forEach(add);
            return step();
          });
        });
      }
      if (big.length && (!cand || lists < 3 || cand.length < prevLen * 0.8)) {
        prevLen = cand ? cand.length : Infinity;
        return s.postings(big.shift()).then(function (l) { add(l); return step(); });
      }
      return cand || [];
    };
    return Promise.resolve(step());
  };

  // rarestFirst sorts keys by how rare their characters are, rarest first.
  Engine.prototype.rarestFirst = function (keys) {
    var s = this.s;
    return keys.slice().sort(function (x, y) { return s.rarity(y) - s.rarity(x); });
  };

  // prefetch starts loading the dictionary shards that a search for q
  // reads first, so that a search box can fetch them while a person types
  // and the search itself saves a round of loading.
  Engine.prototype.prefetch = function (q) {
    var self = this, s = this.s;
    query.parse(q).terms.slice(0, MAX_PREFETCH).forEach(function (t) {
      var keys = match.lookups(t.units).keys;
      self.rarestFirst(keys).slice(0, FIRST).forEach(function (k) { s.entry(k).catch(function () {}); });
    });
  };

  // prefixCandidates unites the lists of the keys starting with each single
  // character, and intersects the characters.
  Engine.prototype.prefixCandidates = function (singles, total) {
    var s = this.s;
    return Promise.all(singles.map(function (c) {
      return s.prefix(c).then(function (es) {
        es.sort(function (x, y) { return y.df - x.df; });
        return Promise.all(es.slice(0, MAX_PREFIX).map(function (e) { return s.postings(e); }));
      }).then(function (lists) { return union(lists, total); });
    })).then(function (sets) {
      var cand = null;
      sets.forEach(function (l) { cand = cand ? intersect(cand, l) : l; });
      return cand || [];
    });
  };

  // byDoc groups candidate blocks by document: {doc: {title, blocks}}.
  Engine.prototype.byDoc = function (ids) {
    var s = this.s, out = Object.create(null), n = 0;
    for (var i = 0; i < ids.length; i++) {
      var id = ids[i], d = s.docOf(id), e = out[d];
      if (!e) { e = out[d] = { title: false, blocks: [] }; n++; }
      if (id < s.nd) e.title = true; else e.blocks.push(id);
    }
    return { docs: out, n: n };
  };

  function idf(n, df) { return Math.log(1 + (n - df + 0.5) / (df + 0.5)); }

  Engine.prototype.bm25 = function (tf, d) {
    var dl = this.s.nblocks[d] || 1;
    return tf * (K1 + 1) / (tf + K1 * (1 - B + B * dl / this.s.avgBlocks));
  };

  // factor weighs a document by its status (known once its meta is read).
  Engine.prototype.factor = function (meta) {
    var f = FACTOR[meta ? meta.status : ''];
    return f === undefined ? 0.9 : f;
  };

  // compare orders scored documents: score, then newer, then index.
  Engine.prototype.compare = function (x, y) {
    var dx = Math.round(x.score * 1e3), dy = Math.round(y.score * 1e3);
    return dy - dx || (y.date || 0) - (x.date || 0) || x.d - y.d;
  };

  // allowed resolves to a per-document mask for the filters, or null:
  // facet keys, and asof, a date (see asofOf), for the documents in force
  // that day.
  Engine.prototype.allowed = function (filters, skipKey) {
    var keys = Object.keys(filters || {}).filter(function (k) { return k !== skipKey && k !== 'asof' && filters[k] && filters[k].length; });
    var day = dayOf(asofOf(filters));
    if (!keys.length && !day) return Promise.resolve(null);
    var nd = this.s.nd;
    return Promise.all([keys.length ? this.s.facets() : null, day ? this.s.validity() : null]).then(function (r) {
      var fs = r[0], mask = new Uint8Array(nd);
      for (var d = 0; d < nd; d++) mask[d] = !day || inForce(r[1], d, day) ? 1 : 0;
      keys.forEach(function (k) {
        var f = fs.filter(function (x) { return x.key === k; })[0];
        var want = {};
        filters[k].forEach(function (v) { want[v] = true; });
        for (var d = 0; d < nd; d++) {
          if (!mask[d]) continue;
          var ok = false, vs = f ? f.docs[d] : [];
          for (var i = 0; i < vs.length; i++) if (want[f.values[vs[i]]]) { ok = true; break; }
          if (!ok) mask[d] = 0;
        }
      });
      return mask;
    });
  };

  // asofOf returns the date of the 当时有效 filter, filters.asof (a string
  // or a list of one), when it is a date written YYYY-MM-DD, else ''.
  function asofOf(filters) {
    var v = filters && filters.asof;
    if (v && typeof v === 'object') v = v[0];
    return dayOf(v) ? v : '';
  }

  // dayOf returns the days of a date written YYYY-MM-DD as the index counts
  // them (1 for 1900-01-01), or 0 when it is no such date.
  function dayOf(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof s === 'string' ? s : '');
    if (!m || +m[1] < 1900) return 0;
    var t = Date.UTC(+m[1], m[2] - 1, +m[3]), back = new Date(t);
    if (back.getUTCMonth() !== m[2] - 1 || back.getUTCDate() !== +m[3]) return 0;
    return Math.round((t - Date.UTC(1900, 0, 1)) / 864e5) + 1;
  }

  // inForce says whether document d was in force on day, by the validity
  // of the store: 1 it was, 0 it was not or is no regulation, 2 its dates
  // cannot tell (no date it took effect, or an end it does not date):
  // such a regulation is kept, and its result says so.
  function inForce(v, d, day) {
    var from = v.from[d], until = v.until[d];
    if (from === -2 || (until > 0 && day >= until) || (from > 0 && day < from)) return 0;
    return from === 0 || until === -1 ? 2 : 1;
  }

  // markAsOf notes on an answer filtered to a date that date (asof) and,
  // on each result whose dates cannot tell, asofUnknown.
  Engine.prototype.markAsOf = function (out, hits, asof) {
    var day = dayOf(asof);
    return this.s.validity().then(function (v) {
      out.asof = asof;
      out.results.forEach(function (r, i) { if (inForce(v, hits[i].d, day) === 2) r.asofUnknown = true; });
      return out;
    });
  };

  // search answers a query: {total, results, partial, facets?,
  // expansion?, synonyms?}. A query of Latin letters may be pinyin: when it
  // finds nothing as it is, the phrase it spells is searched instead
  // (pinyin.js) and expansion says so: {kind: 'pinyin', from, to, others};
  // when it does, the phrase's best results follow on the first page, as
  // synonyms of kind 'pinyin'.
  Engine.prototype.search = function (q, opts) {
    var self = this, s = this.s;
    opts = opts || {};
    return this.exact(q, opts).then(function (res) {
      var letters = pinyin.letters(q);
      if (!letters || !s.pinyin || (res.total && !res.partial && (+opts.offset > 0 || opts.limit === 0))) return res;
      return self.phraseList().then(function (phrases) {
        var found = pinyin.resolve(phrases, letters);
        if (!found.length) return res;
        var phrase = found[0].phrase;
        if (res.total && !res.partial) {
          return self.exact(phrase, { filters: opts.filters, limit: MAX_SYNONYM }).then(function (r) {
            var seen = Object.create(null);
            res.results.forEach(function (x) { seen[x.path] = true; });
            res.synonyms = [{ term: phrase, kind: 'pinyin', total: r.total, results: r.results.filter(function (x) { return !seen[x.path]; }) }];
            return res;
          });
        }
        return self.exact(phrase, opts).then(function (r) {
          r.expansion = { kind: 'pinyin', from: q, to: phrase, others: found.slice(1).map(function (f) { return f.phrase; }) };
          return r;
        });
      });
    }).then(function (res) {
      return self.synonyms(res.expansion ? res.expansion.to : q, res, opts || {});
    }).then(function (res) {
      return (res.total && !res.partial) || (res.synonyms && res.synonyms.some(function (x) { return x.total; })) ? res : self.suggest(q, res);
    }).then(function (res) {
      // A 文号 goes straight to its document (search-ui shows 直达).
      if (WENHAO.test(String(q == null ? '' : q).trim()) && res.total && !res.partial) res.direct = res.results[0] || null;
      return res;
    });
  };

  // synonyms adds, to the first page of an answer for a glossary term, the
  // best results of the entry's other names that are not among its own:
  // [{term, total, results}], shown after them, labelled 含同义词; and
  // glossary: {url, term}, the entry on the glossary page.
  Engine.prototype.synonyms = function (q, res, opts) {
    var self = this, s = this.s, key = tok.titleKey(q);
    if (!s.glossary || !key || +opts.offset > 0 || opts.limit === 0) return Promise.resolve(res);
    return s.glossary().then(function (g) {
      var entry = g && g[1].filter(function (e) { return e.names.some(function (n) { return tok.titleKey(n) === key; }); })[0];
      if (!entry) return res;
      var seen = Object.create(null);
      res.results.forEach(function (r) { seen[r.path] = true; });
      (res.synonyms || []).forEach(function (x) { x.results.forEach(function (r) { seen[r.path] = true; }); });
      var others = entry.names.filter(function (n) { return tok.titleKey(n) !== key; });
      return Promise.all(others.map(function (n) { return self.exact(n, { filters: opts.filters, limit: MAX_SYNONYM }); })).then(function (rs) {
        res.synonyms = (res.synonyms || []).concat(rs.map(function (r, i) {
          var results = r.partial ? [] : r.results.filter(function (x) { return !seen[x.path] && (seen[x.path] = true); });
          return { term: others[i], kind: 'glossary', total: r.partial ? 0 : r.total, results: results };
        }));
        res.glossary = { url: self.link(g[0]) + '#' + uri.encode(entry.anchor), term: entry.names[0] };
        return res;
      });
    });
  };

  // phraseList resolves to the phrases of py.js: titles, their pieces,
  // glossary terms and tags (see pinyin.js).
  Engine.prototype.phraseList = function () {
    var self = this;
    return this.s.pinyin().then(function (p) { return self.phrases || (self.phrases = pinyin.parse(p)); });
  };

  // suggest adds, to an answer with no exact match, the titles and terms
  // nearest the query (您是不是要找): a few characters typed wrong, left out
  // or added.
  Engine.prototype.suggest = function (q, res) {
    var key = tok.titleKey(q);
    if (!this.s.pinyin || !key || /\s/.test(key)) return res;
    return this.phraseList().then(function (phrases) {
      var a = Array.from(key), most = a.length <= 4 ? 1 : a.length <= 8 ? 2 : 3, out = [];
      phrases.forEach(function (p) {
        var b = Array.from(p.t);
        if (Math.abs(b.length - a.length) > most || p.t === key) return;
        var d = distance(a, b, most);
        if (d <= most) out.push({ t: p.t, d: d, term: p.term });
      });
      out.sort(function (x, y) { return x.d - y.d || y.term - x.term || x.t.length - y.t.length || (x.t < y.t ? -1 : 1); });
      res.suggestions = out.slice(0, MAX_SUGGEST).map(function (x) { return x.t; });
      return res;
    }, function () { return res; });
  };

  // distance is the edit distance of two code point lists, or more than
  // most once it must be.
  function distance(a, b, most) {
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        low = Math.min(low, cur[j]);
      }
      if (low > most) return most + 1;
      prev = cur;
    }
    return prev[b.length];
  }

  // exact answers a query as it is written.
  Engine.prototype.exact = function (q, opts) {
    var self = this;
    opts = opts || {};
    var limit = opts.limit === 0 ? 0 : Math.max(1, Math.min(100, +opts.limit || 10)), offset = Math.max(0, +opts.offset || 0);
    var parsed = query.parse(q);
    var pos = parsed.terms.filter(function (t) { return !t.neg; });
    var neg = parsed.terms.filter(function (t) { return t.neg; });
    // A query without exclusions may name a title (see titleKey).
    var qKey = neg.length ? '' : tok.titleKey(q);
    var cands, mask;
    return Promise.all([
      Promise.all(parsed.terms.map(function (t) { return self.candidates(t.units); })),
      this.allowed(opts.filters)
    ]).then(function (r) {
      cands = r[0]; mask = r[1];
      return self.titled(qKey, cands.filter(function (c, i) { return !parsed.terms[i].neg; }));
    }).then(function (named) {
      if (named.length) cands = cands.map(function (c, i) { return parsed.terms[i].neg ? c : union([c, named], self.s.nd + self.s.nb); });
      // 标题: only the title blocks of the positive terms count.
      if (opts.field === 'title') cands = cands.map(function (c, i) { return parsed.terms[i].neg ? c : Array.prototype.filter.call(c, function (id) { return id < self.s.nd; }); });
      var posC = cands.filter(function (c, i) { return !parsed.terms[i].neg; });
      var negC = cands.filter(function (c, i) { return parsed.terms[i].neg; });
      var excluded = Object.create(null);
      negC.forEach(function (c) { for (var d in self.byDoc(c).docs) excluded[d] = true; });
      var run = pos.length ? self.ranked(pos, posC, mask, excluded, limit + offset, false, qKey, named) : self.browse(mask, excluded, limit > 0);
      return run.then(function (res) {
        if (res.total === 0 && pos.length && opts.field !== 'title') return self.partial(pos, mask, excluded, limit + offset);
        return res;
      }).then(function (res) {
        var base = res.partial ? res.docSet : self.matching(posC, excluded), asof = asofOf(opts.filters);
        return self.finish(res, offset, limit, opts.facets ? self.facetCounts(opts.filters, base) : null).then(function (out) {
          return asof ? self.markAsOf(out, res.hits.slice(offset, offset + limit), asof) : out;
        });
      });
    });
  };

  // titled resolves to the documents whose title the query may name: those
  // under the index term of its title key (titleTerm); verify compares the
  // whole keys. It is looked up only when more titles hold the query's
  // keys than a round of verifying reads, so that those it names are read
  // first; a rare phrase costs no more.
  Engine.prototype.titled = function (qKey, cands) {
    var s = this.s, term = tok.titleTerm(qKey), titles = null;
    cands.forEach(function (c) {
      var t = [];
      for (var i = 0; i < c.length && c[i] < s.nd; i++) t.push(c[i]);
      titles = titles ? intersect(titles, t) : t;
    });
    if (!term || !titles || titles.length <= CHUNK) return Promise.resolve([]);
    return s.entry(term).then(function (e) { return e ? s.postings(e) : []; });
  };

  // matching lists the documents that hold every term's candidates (all
  // documents for none), whatever the filters.
  Engine.prototype.matching = function (cands, excluded) {
    var s = this.s, out = [], self = this;
    if (!cands.length) {
      for (var d = 0; d < s.nd; d++) if (!excluded[d] && !(s.dead && s.dead[d])) out.push(d);
      return out;
    }
    var groups = cands.map(function (c) { return self.byDoc(c).docs; });
    for (var k in groups[0]) {
      if (!excluded[k] && groups.every(function (g) { return g[k]; })) out.push(+k);
    }
    return out;
  };

  // ranked scores the documents holding every term and verifies the best.
  Engine.prototype.ranked = function (terms, cands, mask, excluded, need, any, qKey, named) {
    var self = this, s = this.s, groups = cands.map(function (c) { return self.byDoc(c); });
    var docs = [], seen = Object.create(null);
    groups.forEach(function (g, ti) {
      for (var d in g.docs) {
        if (seen[d] || excluded[d] || (mask && !mask[d])) continue;
        if (!any && groups.some(function (h) { return !h.docs[d]; })) continue;
        seen[d] = true;
        docs.push(+d);
      }
    });
    var idfs = groups.map(function (g) { return idf(s.live, g.n); });
    var isNamed = Object.create(null);
    (named || []).forEach(function (d) { isNamed[d] = true; });
    var scored = docs.map(function (d) {
      var sc = 0, titled = !!qKey;
      groups.forEach(function (g, t) {
        var e = g.docs[d];
        if (e) sc += idfs[t] * (self.bm25(e.blocks.length, d) + (e.title ? W_TITLE : 0));
        titled = titled && e && e.title;
      });
      // A title that may hold the whole query is verified first: it ranks
      // above every match in the text (see exactScore).
      return { d: d, score: isNamed[d] ? EXACT_TITLE + sc : titled ? IN_TITLE + sc : sc };
    });
    scored.sort(function (x, y) { return self.compare(x, y); });
    var ctx = { terms: terms, groups: groups, idfs: idfs, any: any, qKey: qKey || '' };
    // Verify chunk after chunk of the ranking, each chunk re-ranked within
    // itself: the chunks do not depend on limit and offset, so pages agree.
    var verified = [], next = 0, chunks = 0;
    var step = function () {
      // Past the budget, go on only while nothing has been found; a few
      // candidates are all verified, so that their count is exact.
      if ((verified.length >= need && scored.length > CHUNK * MAX_CHUNKS) || next >= scored.length || chunks >= (verified.length ? MAX_CHUNKS : 4 * MAX_CHUNKS)) return;
      var batch = scored.slice(next, next + CHUNK);
      next += batch.length;
      chunks++;
      return Promise.all(batch.map(function (x) { return self.verify(x.d, ctx); })).then(function (vs) {
        var ok = vs.filter(function (v) { return v; });
        // The dates of the verified documents break ties.
        return Promise.all(ok.map(function (h) {
          return h.meta ? h : s.meta(h.d).then(function (m) { h.meta = m; h.date = m.date; return h; });
        }));
      }).then(function (ok) {
        ok.forEach(function (h) { h.score *= self.factor(h.meta); });
        return ok;
      }).then(function (ok) {
        ok.sort(function (x, y) { return self.compare(x, y); });
        verified = verified.concat(ok);
        return step();
      });
    };
    return Promise.resolve(step()).then(function () {
      // Nothing verified in the budget: the partial matches will do.
      var rest = verified.length || !chunks ? scored.slice(next) : [];
      var docSet = verified.map(function (v) { return v.d; }).concat(rest.map(function (x) { return x.d; }));
      return { total: verified.length + rest.length, exact: rest.length === 0, hits: verified, docSet: docSet, partial: any };
    });
  };

  // verify reads a document's candidate text; it resolves to the scored
  // hit, or null when some term does not occur as a phrase.
  Engine.prototype.verify = function (d, ctx) {
    var self = this, s = this.s, terms = ctx.terms;
    var todo = ctx.groups.map(function (g) { var e = g.docs[d]; return e ? e.blocks.slice() : []; });
    var hit = { d: d, segs: [], titleHit: [], tf: [], checked: [] };
    var loaded = Object.create(null), rounds = 0;
    // The title is read only when it is a candidate; otherwise the
    // document's record comes with its text.
    var titled = ctx.groups.some(function (g) { return g.docs[d] && g.docs[d].title; });
    return (titled ? s.meta(d) : Promise.resolve(null)).then(function (meta) {
      var tu = meta ? tok.units(meta.title) : [];
      if (meta) { hit.meta = meta; hit.date = meta.date; }
      hit.titleHit = terms.map(function (t) { return match.find(tu, t.units).length > 0; });
      var tkey = meta && ctx.qKey ? tok.titleKey(meta.title) : '';
      hit.exactTitle = tkey !== '' && tkey === ctx.qKey;
      hit.inTitle = tkey !== '' && !hit.exactTitle && tkey.indexOf(ctx.qKey) >= 0;
      var all = [];
      terms.forEach(function (t) { all = all.concat(t.units); });
      hit.sameTitle = hit.exactTitle && match.sameText(tu, all);
      // A title that holds the query whole once folded (see titleKey)
      // holds every term, whatever punctuation the query left out.
      var found = terms.map(function (t, i) { return hit.titleHit[i] || hit.exactTitle || hit.inTitle; });
      hit.tf = terms.map(function () { return 0; });
      hit.checked = terms.map(function () { return 0; });
      var round = function () {
        var want = [];
        todo.forEach(function (list, i) {
          var n = !rounds || !found[i] ? CHECK : 0;
          list.splice(0, n).forEach(function (id) { if (!loaded[id] && want.indexOf(id) < 0) want.push(id); });
        });
        if (!want.length || rounds++ >= MAX_ROUNDS) return;
        return Promise.all(want.map(function (id) { loaded[id] = true; return s.block(id); })).then(function (blocks) {
          blocks.forEach(function (bl) {
            bl.segs.forEach(function (seg) {
              var us = seg.units || (seg.units = tok.units(seg.text));
              var ms = terms.map(function (t) { return match.find(us, t.units); });
              var any = false;
              ms.forEach(function (m, i) { if (m.length) { found[i] = true; any = true; } });
              if (any) hit.segs.push({ seg: seg, ms: ms, block: bl.id });
            });
            ctx.groups.forEach(function (g, i) {
              var e = g.docs[d];
              if (e && e.blocks.indexOf(bl.id) >= 0) {
                hit.checked[i]++;
                if (bl.segs.some(function (seg) { return match.find(seg.units, terms[i].units).length; })) hit.tf[i]++;
              }
            });
          });
          if (found.some(function (f, i) { return !f && todo[i].length; })) return round();
        });
      };
      return Promise.resolve(round()).then(function () {
        if (!ctx.any && found.some(function (f) { return !f; })) return null;
        if (ctx.any && !found.some(function (f) { return f; })) return null;
        hit.found = found;
        hit.score = self.exactScore(hit, ctx);
        return hit;
      });
    });
  };

  Engine.prototype.exactScore = function (hit, ctx) {
    var self = this, d = hit.d, sc = 0, idfSum = 0;
    ctx.terms.forEach(function (t, i) {
      var e = ctx.groups[i].docs[d];
      if (!hit.found[i]) return;
      var n = e ? e.blocks.length : 0, checked = hit.checked[i];
      var tf = checked ? hit.tf[i] + (n - checked) * hit.tf[i] / checked : n;
      var head = hit.segs.some(function (h) { return h.ms[i].some(function (m) { return m[0] < h.seg.h; }); });
      sc += ctx.idfs[i] * (self.bm25(tf, d) + (hit.titleHit[i] ? W_TITLE : 0) + (head ? W_HEAD : 0));
      idfSum += ctx.idfs[i];
    });
    // A document whose title is the query (by titleKey) comes first; among
    // several, the one in force, then the newest. Titles that hold the
    // query whole come next, by relevance.
    // The title as it is written, not only once folded, goes first.
    if (hit.exactTitle) sc = EXACT_TITLE + (hit.sameTitle ? 1 : 0) + sc / 1e6;
    else if (hit.inTitle) sc = IN_TITLE + sc / 100;
    if (ctx.terms.length > 1) {
      var all = [];
      ctx.terms.forEach(function (t) { all = all.concat(t.units.map(function (u, j) { return { t: u.t, j: j > 0 && u.j }; })); });
      if (hit.segs.some(function (h) { return match.find(h.seg.units, all).length; })) sc += W_PHRASE * idfSum;
    }
    return sc;
  };

  // partial ranks documents that hold some of the terms' bigrams and words.
  Engine.prototype.partial = function (pos, mask, excluded, need) {
    var keys = [], seen = {};
    pos.forEach(function (t) {
      var us = t.units;
      for (var i = 0; i < us.length; i++) {
        var k = !us[i].h ? [us[i]] : us[i + 1] && us[i + 1].h && us[i + 1].j ? [us[i], us[i + 1]] : null;
        if (!k) continue;
        var key = k.map(function (u) { return u.t; }).join('');
        if (!seen[key]) { seen[key] = true; keys.push({ units: k, neg: false }); }
      }
    });
    keys = keys.slice(0, PARTIAL_KEYS);
    if (!keys.length) return Promise.resolve({ total: 0, hits: [], docSet: [], partial: true, exact: true });
    var self = this;
    return Promise.all(keys.map(function (t) { return self.candidates(t.units); })).then(function (cands) {
      return self.ranked(keys, cands, mask, excluded, need, true);
    }).then(function (res) { res.partial = true; res.terms = keys; return res; });
  };

  // browse lists the filtered documents, newest first (the dates are only
  // loaded when a page of them is asked for).
  Engine.prototype.browse = function (mask, excluded, sorted) {
    var s = this.s;
    return (sorted ? s.dates() : Promise.resolve(null)).then(function (dates) {
      var docs = [];
      for (var d = 0; d < s.nd; d++) if ((!mask || mask[d]) && !excluded[d] && !(s.dead && s.dead[d])) docs.push(d);
      if (dates) docs.sort(function (x, y) { return dates[y] - dates[x] || x - y; });
      return {
        total: docs.length, exact: true, docSet: docs, browse: true,
        hits: docs.map(function (d) { return { d: d, score: 0, segs: [] }; })
      };
    });
  };

  function dateString(days) {
    if (!days) return '';
    return new Date(Date.UTC(1900, 0, days)).toISOString().slice(0, 10);
  }

  // finish turns the hits in [offset, offset+limit) into results.
  Engine.prototype.finish = function (res, offset, limit, facetsP) {
    var self = this, page = res.hits.slice(offset, offset + limit);
    return Promise.all([
      Promise.all(page.map(function (h) { return self.result(h, res.browse); })),
      facetsP
    ]).then(function (r) {
      var out = { total: res.total, results: r[0], partial: !!res.partial };
      if (!res.exact) out.approximate = true;
      if (r[1]) out.facets = r[1];
      return out;
    });
  };

  // link returns the link from the search page to a site URL; only the
  // characters a URL cannot hold are escaped, Chinese stays readable.
  Engine.prototype.link = function (url) {
    if (this.fileLinks && (url === '' || /\/$/.test(url))) url += 'index.html';
    return this.root + url.replace(/[%#?\s"<>\\^`{|}]/g, encodeURIComponent);
  };

  // result builds one result with its excerpt and sub-results.
  Engine.prototype.result = function (h, browse) {
    var self = this, s = this.s, d = h.d;
    // The first block first: its text shard holds the document's record.
    var needText = !browse && !h.segs.length && s.nblocks[d] > 0;
    return Promise.resolve(needText ? s.block(s.start[d]) : null).then(function (bl) {
      return Promise.all([h.meta || s.meta(d), bl]);
    }).then(function (r) {
      var meta = r[0], url = self.link(meta.url);
      var out = {
        url: url, title: meta.title, path: meta.path,
        section: meta.section, status: meta.status,
        date: dateString(meta.date), score: Math.round(h.score * 1000) / 1000,
        excerpt: '', subresults: []
      };
      if (r[1]) out.excerpt = excerpt.make(r[1].segs[0].text, [], EXCERPT);
      if (!h.segs.length) return out;
      var ranked = h.segs.map(function (x, i) {
        var n = 0, ranges = [];
        x.ms.forEach(function (m) { if (m.length) n++; ranges = ranges.concat(m); });
        return { x: x, n: n, ranges: ranges, i: i };
      });
      var best = ranked.slice().sort(function (a, b) { return b.n - a.n || a.i - b.i; });
      out.excerpt = excerpt.make(best[0].x.seg.text, best[0].ranges, EXCERPT);
      var anchors = {};
      best.forEach(function (y) {
        var seg = y.x.seg;
        if (!seg.anchor || anchors[seg.anchor] || out.subresults.length >= MAX_SUB) return;
        anchors[seg.anchor] = true;
        out.subresults.push({
          url: url + '#' + uri.encode(seg.anchor),
          title: seg.heading || seg.anchor,
          excerpt: excerpt.make(seg.text, y.ranges, SUB_EXCERPT)
        });
      });
      return out;
    });
  };

  // facetCounts counts facet values over the documents that match the
  // query and the filters of the other facets.
  Engine.prototype.facetCounts = function (filters, docSet) {
    var self = this;
    return this.s.facets().then(function (fs) {
      return Promise.all(fs.map(function (f) {
        return self.allowed(filters, f.key).then(function (mask) {
          var counts = new Array(f.values.length);
          for (var i = 0; i < counts.length; i++) counts[i] = 0;
          (docSet || []).forEach(function (d) {
            if (mask && !mask[d]) return;
            f.docs[d].forEach(function (v) { counts[v]++; });
          });
          return {
            key: f.key, label: f.label,
            values: f.values.map(function (v, i) { return { value: v, count: counts[i] }; })
          };
        });
      }));
    });
  };

  return { Engine: Engine, intersect: intersect, dayOf: dayOf };
});
