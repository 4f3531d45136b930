// Tests that a main index with a delta index (what djkb serve writes after
// an edit) answers as a full index of the edited documents does. The Go test
// TestDeltaEngine writes both into $DJKB_DELTA_DIR (delta/ and full/).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const { NodeLoader, open } = require('./nodeindex.js');
const { Store } = require('../store.js');
const { Engine } = require('../engine.js');
const { Merged } = require('../merge.js');
const codec = require('../codec.js');

const base = process.env.DJKB_DELTA_DIR;

function openDelta(dir) {
  const loader = new NodeLoader(dir);
  const main = new Store(loader, loader.read('manifest'));
  const xm = loader.read('x/manifest');
  assert.strictEqual(xm.base, main.id);
  const rd = new codec.Reader(codec.bytes(xm.dead)), dead = [];
  let v = 0;
  while (rd.p < rd.b.length) { v += rd.uv(); dead.push(v); }
  const store = new Merged(main, new Store(loader, xm, 'x/'), dead);
  return { engine: new Engine(store, { root: '../' }), store };
}

// answer is what a query shows, with ties in score in path order (the two
// indexes number the documents differently).
async function answer(engine, q, opts) {
  const r = await engine.search(q, Object.assign({ limit: 100, facets: true }, opts));
  const results = r.results.map((x) => ({ path: x.path, title: x.title, score: x.score, status: x.status, excerpt: x.excerpt, subs: x.subresults.map((s) => s.url), asofUnknown: x.asofUnknown }));
  if (q) results.sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : 1));
  return { total: r.total, partial: r.partial, results, facets: r.facets, asof: r.asof };
}

const queries = [
  ['增量索引测试短语'], ['三会一课'], ['三会一课', { filters: { status: ['现行有效'] } }], ['数据安全'], ['支部'],
  ['党'], ['红色引擎'], ['新建'], ['组织生活制度'], ['机关 -数据'], ['基层组织工作条例'],
  [''], ['', { filters: { status: ['已废止'] } }], ['', { filters: { tags: ['新专题'] } }], ['', { filters: { section: ['典型案例'] } }],
  ['', { filters: { asof: ['2022-05-15'] } }], ['', { filters: { asof: ['2023-07-01'] } }], ['三会一课', { filters: { asof: ['2021-01-01'], status: ['现行有效'] } }],
];

for (const [q, opts] of queries) {
  test(`delta answers like a full index: ${JSON.stringify(q)} ${JSON.stringify(opts || {})}`, { skip: !base }, async () => {
    const full = open(path.join(base, 'full'));
    const delta = openDelta(path.join(base, 'delta'));
    const want = await answer(full.engine, q, opts);
    const got = await answer(delta.engine, q, opts);
    assert.deepStrictEqual(got, want);
  });
}

test('the new text is found, the removed text and the deleted page are not', { skip: !base }, async () => {
  const { engine } = openDelta(path.join(base, 'delta'));
  const added = await engine.search('增量索引测试短语');
  assert.deepStrictEqual(added.results.map((x) => x.path), ['regulations/本单位制度/机关党委会议制度.md']);
  assert.ok(added.results[0].subresults.some((s) => s.url.endsWith('#' + encodeURIComponent('三、附则'))));
  // Only partial matches are left of the removed phrase.
  const removed = await engine.search('严格落实三会一课');
  assert.ok(removed.partial || removed.total === 0);
  const gone = await engine.search('红色引擎');
  assert.ok(!gone.results.some((x) => x.path === 'brands/红色引擎.md'));
});
