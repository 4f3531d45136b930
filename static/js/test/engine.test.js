// Tests the search engine against the index of the hand-made corpus that the
// Go tests write (internal/search/testdata/fixture; see corpus_test.go for
// the documents). Known answers: ranking, phrase semantics, filters,
// excerpts, escaping.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const { open } = require('./nodeindex.js');
const { Engine, dayOf } = require('../engine.js');
// dateOf is the date of a day number as the index counts them.
const dateOf = (days) => new Date(Date.UTC(1900, 0, days)).toISOString().slice(0, 10);

const dir = path.join(__dirname, '../../../internal/search/testdata/fixture');
const fresh = () => open(dir, { root: '../' });
const search = (q, opts) => fresh().engine.search(q, opts);
const paths = (r) => r.results.map((x) => x.path);
const text = (html) => html.replace(/<\/?mark>/g, '');

const BRANCH = 'regulations/党内法规/中国共产党支部工作条例（试行）.md';
const OLD = 'regulations/党内法规/旧版支部工作规定.md';
const ORGAN = 'regulations/党内法规/中国共产党党和国家机关基层组织工作条例.md';
const CASE = 'cases/机关党建/数据堡垒.md';
const BRAND = 'brands/红色引擎.md';
const LONG = 'regulations/党内法规/长篇条例.md';
const MEETING = 'regulations/本单位制度/机关党委会议制度.md';

test('a run of Chinese characters is an exact phrase', async () => {
  const r = await search('三会一课');
  assert.ok(r.total >= 4 && !r.partial);
  for (const x of r.results) {
    assert.ok(x.excerpt.includes('<mark>三会一课</mark>') || x.title.includes('三会一课'), x.path);
  }
  // 会一 and 一课 occur apart in no other document: 三会 一课 as two
  // words finds more.
  const loose = await search('支部 党课');
  assert.ok(loose.total >= 1);
});

test('characters that are apart in the text do not match a phrase', async () => {
  // 第一条 … 为了 are separated by a space in every article.
  const r = await search('第一条为了');
  assert.strictEqual(r.total, 0 + (r.partial ? r.total : 0));
  assert.ok(r.partial || r.total === 0);
});

test('the in-force version ranks above the repealed one', async () => {
  const r = await search('三会一课');
  assert.ok(paths(r).indexOf(BRANCH) < paths(r).indexOf(OLD));
});

test('an exact title finds its document first; among equal titles the one in force', async () => {
  const r = await search('中国共产党支部工作条例（试行）');
  assert.deepStrictEqual(paths(r).slice(0, 2), [BRANCH, OLD]);
  const organ = await search('中国共产党党和国家机关基层组织工作条例');
  assert.strictEqual(paths(organ)[0], ORGAN);
});

test('ties go to the newer document', async () => {
  const r = await search('请示报告');
  assert.deepStrictEqual(paths(r).slice(0, 2), ['regulations/本单位制度/请示报告制度（2022）.md', 'regulations/本单位制度/请示报告制度（2020）.md']);
});

test('a rare phrase finds its document first, with a sub-result at its article', async () => {
  const r = await search('建立健全党内法规执行责任制');
  assert.strictEqual(paths(r)[0], LONG);
  const sub = r.results[0].subresults[0];
  assert.strictEqual(sub.title, '第四十七条');
  assert.strictEqual(sub.url, '../regulations/党内法规/长篇条例/#' + encodeURIComponent('第四十七条'));
  assert.ok(sub.excerpt.includes('<mark>建立健全党内法规执行责任制</mark>'));
});

test('sub-results use the anchor, titles use the heading', async () => {
  const r = await search('反间谍法');
  assert.strictEqual(paths(r)[0], MEETING);
  const sub = r.results[0].subresults[0];
  assert.strictEqual(sub.title, '二、议事规则');
  assert.ok(sub.url.endsWith('#' + encodeURIComponent('二、议事规则-1')));
});

test('file links end in index.html', async () => {
  const ix = open(dir, { root: '../', fileLinks: true });
  const r = await ix.engine.search('反间谍法');
  assert.strictEqual(r.results[0].url, '../regulations/本单位制度/机关党委会议制度/index.html');
  assert.ok(r.results[0].subresults[0].url.startsWith('../regulations/本单位制度/机关党委会议制度/index.html#'));
});

test('all terms are required, - excludes, quotes make a phrase', async () => {
  const both = await search('三会一课 数据安全');
  assert.deepStrictEqual(paths(both), [CASE]);
  const excl = await search('三会一课 -试行');
  assert.ok(!paths(excl).includes(BRANCH));
  assert.ok(paths(excl).includes(ORGAN));
  const quoted = await search('"full-width 字母"');
  assert.deepStrictEqual(paths(quoted), [BRAND]);
});

test('nothing matching every term gives labelled partial matches', async () => {
  const r = await search('三会一课 火星基地');
  assert.ok(r.partial);
  assert.ok(r.total > 0);
  const none = await search('火星基地建设');
  assert.ok(none.partial || none.total === 0);
});

test('one character finds every document holding it', async () => {
  const r = await search('堡', { limit: 20 });
  assert.deepStrictEqual(paths(r).sort(), [BRANCH, CASE].sort());
});

test('normalisation: full-width, case, extension B, digits', async () => {
  assert.deepStrictEqual(paths(await search('abc')), [BRAND]);
  assert.deepStrictEqual(paths(await search('ＡＢＣ')), [BRAND]);
  assert.deepStrictEqual(paths(await search('gb/t 7714')), [BRAND]);
  assert.deepStrictEqual(paths(await search('𠀀𠀁字')), ['about.md']);
});

test('filters with counts, with and without a query', async () => {
  const browse = await search('', { filters: { section: ['典型案例'] }, facets: true });
  assert.deepStrictEqual(paths(browse), [CASE]);
  const both = await search('三会一课', { filters: { section: ['法规制度'], status: ['现行有效'] }, facets: true });
  assert.ok(both.total >= 2);
  for (const x of both.results) assert.strictEqual(x.status, '现行有效');
  const one = await search('三会一课', { filters: { section: ['法规制度'] }, facets: true });
  const section = one.facets.find((f) => f.key === 'section');
  const counts = Object.fromEntries(section.values.map((v) => [v.value, v.count]));
  assert.ok(counts['典型案例'] >= 1, 'other values of a filtered facet keep their counts');
  const all = await search('', { facets: true, limit: 100 });
  assert.strictEqual(all.total, 10);
  assert.strictEqual(all.results[0].date >= all.results[1].date, true);
});

test('content is escaped, marks are the only markup', async () => {
  const r = await search('红色引擎');
  const x = r.results[0];
  assert.strictEqual(x.title, '红色引擎 <script>alert(1)</script>');
  assert.ok(!/<(?!\/?mark>)/.test(x.excerpt), x.excerpt);
  assert.ok(x.excerpt.includes('&lt;b&gt;'));
  assert.ok(x.excerpt.includes('&amp;'));
});

test('results carry what the page shows', async () => {
  const r = await search('数据安全治理体系');
  const x = r.results[0];
  assert.strictEqual(x.path, CASE);
  assert.strictEqual(x.url, '../cases/机关党建/数据堡垒/');
  assert.strictEqual(x.section, '典型案例');
  assert.strictEqual(x.date, '2023-06-01');
  assert.ok(text(x.excerpt).includes('数据安全治理体系'));
  assert.ok(typeof x.score === 'number' && x.score > 0);
});

test('paging with offset continues the ranking', async () => {
  const all = await search('党', { limit: 6 });
  const a = await search('党', { limit: 3 });
  const b = await search('党', { limit: 3, offset: 3 });
  assert.deepStrictEqual(paths(a).concat(paths(b)), paths(all));
});

test('hostile queries resolve quickly', async () => {
  const ix = fresh();
  const t0 = Date.now();
  for (const q of ['数据'.repeat(50000), '.*+?^${}()|[]\\', '👍🏽👨‍👩‍👧', '\ud800\udfff\ud800', '"', '-', '- -', null, undefined, 12]) {
    const r = await ix.engine.search(q);
    assert.ok(Array.isArray(r.results));
  }
  assert.ok(Date.now() - t0 < 2000);
});

test('a rare phrase reads few files, and no meta shard for a document whose text it read', async () => {
  const ix = fresh();
  const r = await ix.engine.search('建立健全党内法规执行责任制');
  const text = ix.loader.loaded.filter((n) => n.startsWith('t/'));
  assert.ok(text.length <= 2, ix.loader.loaded.join(' '));
  assert.ok(!ix.loader.loaded.some((n) => n.startsWith('m/')), ix.loader.loaded.join(' '));
  // What the text shard said of the document is what its meta shard says.
  const other = fresh().store, metas = [];
  for (let d = 0; d < other.nd; d++) metas.push(await other.meta(d));
  assert.ok(r.results.length);
  for (const x of r.results) {
    const m = metas.find((y) => y.path === x.path);
    assert.ok(m, x.path);
    assert.deepStrictEqual([x.title, x.section, x.status], [m.title, m.section, m.status]);
  }
});

test('prefetch loads the dictionary shards a search reads first, and only those', async () => {
  const ix = fresh(), before = ix.loader.loaded.length;
  ix.engine.prefetch('建立健全党内法规执行责任制');
  const early = ix.loader.loaded.slice(before);
  assert.ok(early.length >= 1 && early.length <= 3 && early.every((n) => n.startsWith('d/')), early.join(' '));
  await ix.engine.search('建立健全党内法规执行责任制');
  const plain = fresh();
  await plain.engine.search('建立健全党内法规执行责任制');
  // Every prefetched file is one the search reads, and it reads none twice.
  assert.ok(early.every((n) => plain.loader.loaded.includes(n)));
  assert.deepStrictEqual(ix.loader.loaded.slice().sort(), plain.loader.loaded.slice().sort());
  for (const q of ['', '   ', '-', '"', '数据'.repeat(50000), null, 12]) ix.engine.prefetch(q);
});

test('facet counts come without results too', async () => {
  const r = await search('三会一课', { limit: 0, facets: true });
  assert.ok(!r.partial && r.total >= 4);
  const section = r.facets.find((f) => f.key === 'section');
  assert.ok(section.values.some((v) => v.value === '法规制度' && v.count >= 2));
});

// 当时有效: the regulations in force on a date (corpus_test.go gives each
// its dates), alone or with a query and other filters.
const REPORT20 = 'regulations/本单位制度/请示报告制度（2020）.md';
const REPORT22 = 'regulations/本单位制度/请示报告制度（2022）.md';
const asof = (day, q, filters) => search(q || '', { filters: Object.assign({ asof: [day] }, filters), limit: 100, facets: true });

test('as of a date, only the regulations in force then', async () => {
  const r2010 = await asof('2010-01-01');
  assert.deepStrictEqual(paths(r2010), [OLD]);
  assert.strictEqual(r2010.asof, '2010-01-01');
  // A version ends the day the next takes effect.
  assert.deepStrictEqual(paths(await asof('2018-10-27')), [OLD]);
  assert.deepStrictEqual(paths(await asof('2018-10-28')), [BRANCH]);
  const r2019 = await asof('2019-01-01');
  assert.deepStrictEqual(paths(r2019), [BRANCH]);
  // In force from the 施行日期, not the date of issue (zigzag-coded).
  assert.ok(!paths(await asof('2021-03-14')).includes(MEETING));
  assert.ok(paths(await asof('2021-03-15')).includes(MEETING));
  assert.deepStrictEqual(paths(await asof('2021-01-01', '请示报告')), [REPORT20]);
  assert.deepStrictEqual(paths(await asof('2023-01-01', '请示报告')), [REPORT22]);
  // Cases, brands and pages are left out.
  for (const p of paths(await asof('2024-01-01'))) assert.ok(p.startsWith('regulations/'), p);
});

test('as of a date: a regulation ended at a date it does not record is kept and marked', async () => {
  assert.ok(!paths(await asof('2019-12-31')).includes(LONG));
  const r = await asof('2021-01-01', '建立健全党内法规执行责任制');
  assert.deepStrictEqual(paths(r), [LONG]);
  assert.strictEqual(r.results[0].asofUnknown, true);
  const sure = await asof('2021-01-01', '三会一课');
  assert.ok(sure.results.length && sure.results.every((x) => !x.asofUnknown));
});

test('as of a date combines with the other filters and their counts', async () => {
  const r = await asof('2023-01-01', '', { status: ['现行有效'] });
  assert.deepStrictEqual(paths(r).sort(), [BRANCH, ORGAN, MEETING, REPORT22].sort());
  const status = r.facets.find((f) => f.key === 'status');
  const counts = Object.fromEntries(status.values.map((v) => [v.value, v.count]));
  assert.deepStrictEqual([counts['现行有效'], counts['已修改'], counts['已废止']], [4, 1, 0]);
  const section = r.facets.find((f) => f.key === 'section');
  assert.ok(section.values.every((v) => v.value === '法规制度' || v.count === 0));
});

test('a date that is no date filters nothing', async () => {
  for (const day of ['2019-02-29', '2019-1-1', '', 'x']) {
    const r = await asof(day);
    assert.strictEqual(r.asof, undefined, day);
    assert.strictEqual(r.total, 10, day);
  }
});

test('dates count as the index counts them (Go vectors)', () => {
  const vs = JSON.parse(require('node:fs').readFileSync(path.join(__dirname, '../../../internal/search/testdata/date_vectors.json'), 'utf8'));
  assert.ok(vs.length > 10);
  for (const v of vs) assert.strictEqual(dayOf(v.date), v.days, v.date);
});

test('as of a date, by the validity alone: no dates at all is kept, unsure', async () => {
  // from/until as store.js decodes them: -2 no regulation, 0 unknown, -1 ended undated.
  const v = { from: Int32Array.from([-2, 0, 0, 100, 100, 100]), until: Int32Array.from([-2, 0, 90, 0, -1, 200]) };
  const e = new Engine({ nd: 6, validity: () => Promise.resolve(v), facets: () => Promise.resolve([]) });
  const mask = async (day) => Array.from(await e.allowed({ asof: [day] }));
  assert.deepStrictEqual(await mask(dateOf(50)), [0, 1, 1, 0, 0, 0]);
  assert.deepStrictEqual(await mask(dateOf(150)), [0, 1, 0, 1, 1, 1]);
  assert.deepStrictEqual(await mask(dateOf(200)), [0, 1, 0, 1, 1, 0]);
  assert.strictEqual(await e.allowed({ asof: ['2019-13-01'] }), null);
});

test('only the 当时有效 filter loads v.js', async () => {
  const ix = fresh();
  await ix.engine.search('三会一课', { facets: true });
  await ix.engine.search('', { filters: { status: ['现行有效'] }, facets: true });
  assert.ok(!ix.loader.loaded.includes('v'), ix.loader.loaded.join(' '));
  await ix.engine.search('三会一课', { filters: { asof: ['2020-01-01'] }, facets: true });
  assert.strictEqual(ix.loader.loaded.filter((n) => n === 'v').length, 1);
});
