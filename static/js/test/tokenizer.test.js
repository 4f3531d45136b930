// Checks tokenizer.js and query.js against the vectors written by the Go
// tests (internal/search/tokenize/testdata, internal/search/codec/testdata),
// so that both sides tokenize and decode alike.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const tok = require('../tokenizer.js');
const query = require('../query.js');

const dir = path.join(__dirname, '../../../internal/search/tokenize/testdata');
const load = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
const str = (codes) => String.fromCharCode.apply(null, codes);

test('tokenizer matches the Go vectors', () => {
  const vs = load('tokenizer_vectors.json');
  assert.ok(vs.length > 100);
  for (const v of vs) {
    const s = str(v.in);
    const got = tok.units(s).map((u) => [u.t, u.h, u.j, u.a, u.b]);
    assert.deepStrictEqual(got, v.units, 'units of ' + JSON.stringify(v.text));
    assert.deepStrictEqual(tok.keys(s), v.keys, 'keys of ' + JSON.stringify(v.text));
  }
});

test('query parser matches the Go vectors', () => {
  for (const v of load('query_vectors.json')) {
    const got = query.parse(str(v.in)).terms.map((t) => ({
      neg: t.neg, quoted: t.quoted, units: t.units.map((u) => [u.t, u.j]),
    }));
    const want = v.terms.map((t) => ({ neg: t.neg, quoted: t.quoted, units: t.units }));
    assert.deepStrictEqual(got, want, 'query ' + JSON.stringify(v.text));
  }
});

test('titleKey matches the Go vectors', () => {
  const vs = load('titlekey_vectors.json');
  assert.ok(vs.length > 20);
  for (const v of vs) {
    assert.strictEqual(tok.titleKey(v.in), v.key, 'titleKey of ' + JSON.stringify(v.in));
    assert.strictEqual(tok.titleTerm(v.key), v.term, 'titleTerm of ' + JSON.stringify(v.key));
  }
});

test('normalizeNumbers matches the Go vectors', () => {
  const vs = load('number_vectors.json');
  assert.ok(vs.length > 200);
  for (const v of vs) assert.strictEqual(tok.normalizeNumbers(v.in), v.out, 'normalizeNumbers of ' + JSON.stringify(v.in));
});

test('the page loads the traditional table only for a query that needs it', () => {
  const vm = require('node:vm');
  const ctx = vm.createContext({ atob });
  const js = (name) => vm.runInContext(fs.readFileSync(path.join(__dirname, '..', name), 'utf8'), ctx);
  js('t2smark.js');
  js('tokenizer.js');
  const t = ctx.djkbSearch.tokenizer;
  assert.strictEqual(t.needsTable('中华人民共和国数据安全法'), false);
  assert.strictEqual(t.needsTable('中華人民共和國'), true);
  js('t2s.js');
  assert.strictEqual(t.needsTable('中華人民共和國'), false);
  assert.strictEqual(t.units('中華人民共和國').map((u) => u.t).join(''), '中华人民共和国');
});

test('cmp orders by code point', () => {
  const words = ['b', 'a', '\uffff', '\u{20000}', '数据', '数', '数\u{20000}', 'ab'];
  const byCodePoint = words.slice().sort((x, y) => {
    const a = Array.from(x).map((c) => c.codePointAt(0));
    const b = Array.from(y).map((c) => c.codePointAt(0));
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
    return a.length - b.length;
  });
  assert.deepStrictEqual(words.slice().sort(tok.cmp), byCodePoint);
});

test('hostile queries never throw and stay bounded', () => {
  const long = '数据'.repeat(50000);
  const t0 = Date.now();
  const q = query.parse(long + ' ' + '\ud800'.repeat(1000) + '"'.repeat(5000));
  assert.ok(Date.now() - t0 < 500);
  assert.ok(q.terms.length <= 16);
  for (const t of q.terms) assert.ok(t.units.length <= 64);
  for (const x of [null, undefined, 42, {}, '.*+?^${}()|[]\\', '\udfff\ud800', '👍🏽👨‍👩‍👧']) query.parse(x);
});

test('base91 decodes what Go encodes', () => {
  const codec = require('../codec.js');
  // "hello, 世界" and bytes 0..255, encoded by internal/search/codec/base91.go.
  const vs = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../internal/search/codec/testdata/base91_vectors.json'), 'utf8'));
  for (const v of vs) assert.deepStrictEqual(Array.from(codec.bytes(v.text)), v.bytes);
});
