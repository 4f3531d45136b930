// A query that names a title puts that document first (titleKey), in
// simplified or traditional characters: run by
// TestTitleRanking in internal/search, which writes the index.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { open } = require('./nodeindex.js');

const dir = process.env.DJKB_TITLES_DIR;

const cases = [
  // The law, not the interpretations that cite it throughout.
  ['保险法', '中华人民共和国保险法'],
  ['《中华人民共和国保险法》', '中华人民共和国保险法'],
  // Among more titles that hold the query than a round of verifying reads.
  ['教育法', '中华人民共和国教育法'],
  // The national regulation, whatever its edition note; the provincial one next.
  ['河道管理条例', '中华人民共和国河道管理条例（2018年修正）', '广东省河道管理条例'],
  // An ordinal is part of the title.
  ['最高人民法院、最高人民检察院关于执行《刑法》确定罪名的补充规定（六）', '最高人民法院、最高人民检察院关于执行《刑法》确定罪名的补充规定（六）'],
  ['最高人民法院、最高人民检察院关于执行《刑法》确定罪名的补充规定', '最高人民法院、最高人民检察院关于执行《刑法》确定罪名的补充规定'],
  // Punctuation left out of the query.
  ['全国人民代表大会常务委员会关于惩治骗购外汇逃汇和非法买卖外汇犯罪的决定', '全国人民代表大会常务委员会关于惩治骗购外汇、逃汇和非法买卖外汇犯罪的决定'],
  // Traditional and simplified match both ways, titles and text.
  ['中華人民共和國保險法', '中华人民共和国保险法'],
  ['香港特别行政区基本法研究', '香港特別行政區基本法研究'],
  ['不可分离的部分', '香港特別行政區基本法研究'],
];

for (const [q, ...want] of cases) {
  test(`${q} ranks its title first`, { skip: !dir }, async () => {
    const r = await open(dir).engine.search(q, { limit: 10 });
    assert.deepStrictEqual(r.results.slice(0, want.length).map((x) => x.title), want);
  });
}

// A query in pinyin that finds nothing as it is searches the phrase it
// spells: initials, syllables, every reading of a 多音字.
const spelled = [
  ['shyk', '三会一课', '关于认真落实三会一课制度的通知'],
  ['sanhuiyk', '三会一课', '关于认真落实三会一课制度的通知'],
  ['dangjian', '党建', '机关党支部组织生活安排'],
  ['zbgztl', '支部工作条例', '中国共产党支部工作条例（试行）'],
  ['zhongdashixiang', '重大事项', '重大事项请示报告条例'],
  ['chongdashixiang', '重大事项', '重大事项请示报告条例'],
  ['xingzhengchufa', '行政处罚', '行政处罚法学习材料'],
  ['hangzhengchufa', '行政处罚', '行政处罚法学习材料'],
];

for (const [q, phrase, title] of spelled) {
  test(`${q} is taken for ${phrase}`, { skip: !dir }, async () => {
    const r = await open(dir).engine.search(q, { limit: 10 });
    assert.strictEqual(r.expansion && r.expansion.to, phrase);
    assert.ok(r.results.some((x) => x.title === title), JSON.stringify(r.results.map((x) => x.title)));
  });
}

test('a Latin word that spells nothing is not taken for pinyin', { skip: !dir }, async () => {
  const r = await open(dir).engine.search('xyz', { limit: 10 });
  assert.strictEqual(r.expansion, undefined);
  assert.strictEqual(r.synonyms, undefined);
});

test('pinyin found as it is keeps its own results first, the phrase after', { skip: !dir }, async () => {
  const r = await open(dir).engine.search('sanhuiyike', { limit: 10 });
  assert.ok(r.total >= 1 && r.results.every((x) => /sanhuiyike/.test(x.title + x.excerpt)), JSON.stringify(r.results.map((x) => x.title)));
  assert.strictEqual(r.expansion, undefined);
  const syn = r.synonyms.find((x) => x.kind === 'pinyin');
  assert.ok(syn.term === '三会一课' && syn.results.some((x) => x.title === '关于认真落实三会一课制度的通知'));
});

test('a 文号 typed any common way goes straight to its document', { skip: !dir }, async () => {
  for (const q of ['中办发〔2019〕12号', '中办发[2019]12号', '中办发（2019）12号', '中办发【2019】12号']) {
    const r = await open(dir).engine.search(q, { limit: 10 });
    assert.strictEqual(r.direct && r.direct.title, '关于加强机关党的建设的意见', q);
  }
  const r = await open(dir).engine.search('机关党的建设', { limit: 10 });
  assert.strictEqual(r.direct, undefined);
});

test('a query with no exact match suggests the nearest titles', { skip: !dir }, async () => {
  const r = await open(dir).engine.search('河道管理条列', { limit: 10 });
  assert.ok(r.suggestions && r.suggestions.includes('河道管理条例'), JSON.stringify(r.suggestions));
  const ok = await open(dir).engine.search('河道管理条例', { limit: 10 });
  assert.strictEqual(ok.suggestions, undefined);
});

test('标题 searches the titles only', { skip: !dir }, async () => {
  const all = await open(dir).engine.search('罪名如下', { limit: 10 });
  assert.ok(all.total >= 4);
  const titles = await open(dir).engine.search('罪名如下', { limit: 10, field: 'title' });
  assert.strictEqual(titles.total, 0);
  const named = await open(dir).engine.search('补充规定', { limit: 10, field: 'title' });
  assert.ok(named.results.length >= 4 && named.results.every((x) => x.title.includes('补充规定')));
});

// A glossary term finds its other names' pages too, after its own and
// labelled, both ways; its own results stay exact.
for (const [q, other, title] of [['党建', '党的建设', '关于加强机关党的建设的意见'], ['党的建设', '党建', '机关党支部组织生活安排']]) {
  test(`${q} also finds ${other}`, { skip: !dir }, async () => {
    const r = await open(dir).engine.search(q, { limit: 10 });
    const syn = (r.synonyms || []).find((x) => x.term === other);
    assert.ok(syn && syn.results.some((x) => x.title === title), JSON.stringify(r.synonyms));
    const own = new Set(r.results.map((x) => x.path));
    assert.ok(syn.results.every((x) => !own.has(x.path)));
    assert.ok(r.glossary && /^\.\.\/glossary\/#/.test(r.glossary.url), JSON.stringify(r.glossary));
    const later = await open(dir).engine.search(q, { limit: 10, offset: 10 });
    assert.strictEqual(later.synonyms, undefined);
  });
}

test('glossary names are phrases pinyin may spell', { skip: !dir }, async () => {
  const r = await open(dir).engine.search('dxzh', { limit: 10 });
  assert.strictEqual(r.expansion && r.expansion.to, '党小组会');
});
