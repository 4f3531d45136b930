// Tests of the index file loader: over HTTP it fetches a file and parses its
// payload, which must equal what the file's script registers; it falls back
// to a script tag when fetching fails, and uses script tags alone from
// file://.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { ScriptLoader, payloadOf } = require('../loader.js');

const fixture = path.join(__dirname, '../../../internal/search/testdata/fixture');

// files lists the fixture index's files as [name, text].
function files() {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js')) out.push([path.relative(fixture, p).split(path.sep).join('/').slice(0, -3), fs.readFileSync(p, 'utf8')]);
    }
  };
  walk(fixture);
  return out;
}

// registered runs a file as the browser does and returns its payload.
function registered(name, text) {
  let payload;
  new Function('djkbSearch', text)({ _register: (n, p) => { if (n === name) payload = p; } });
  return payload;
}

// fakeDoc runs a script tag's file when it is added to the page, handing
// its payload to doc.loader.
function fakeDoc(texts) {
  const doc = {
    added: [],
    createElement: () => ({}),
    head: {
      appendChild(s) {
        doc.added.push(s.src);
        s.parentNode = { removeChild() {} };
        const name = Object.keys(texts).find((n) => s.src.endsWith('/' + n + '.js') || s.src.indexOf('/' + n + '.js?') >= 0);
        setTimeout(() => {
          if (name === undefined) return s.onerror();
          doc.loader.register(name, registered(name, texts[name]));
          s.onload();
        }, 0);
      }
    }
  };
  return doc;
}

test('a fetched file parses to the payload its script registers, for every file of an index', () => {
  const all = files();
  assert.ok(all.length > 10 && ['manifest', 'c', 'f', 'd/0', 'p/0', 't/0', 'm/0'].every((n) => all.some((f) => f[0] === n)));
  for (const [name, text] of all) {
    assert.deepStrictEqual(payloadOf(text, name), registered(name, text), name);
  }
  assert.throws(() => payloadOf('<html>not found</html>', 'd/0'));
  assert.throws(() => payloadOf('djkbSearch._register("d/1","x");', 'd/0'));
});

test('over HTTP, files are fetched once each, without script tags', async () => {
  const texts = Object.fromEntries(files()), urls = [];
  const fetchFn = (u) => { urls.push(u); const name = u.slice('http://x/search/'.length).replace(/\.js\?v=1$/, ''); return Promise.resolve({ ok: true, text: () => Promise.resolve(texts[name]) }); };
  const doc = { createElement: () => { throw new Error('no script tag over HTTP'); } };
  const ld = new ScriptLoader('http://x/search/', '?v=1', doc, fetchFn);
  const [a, b, t] = await Promise.all([ld.load('d/0'), ld.load('d/0'), ld.load('t/0')]);
  assert.deepStrictEqual(urls, ['http://x/search/d/0.js?v=1', 'http://x/search/t/0.js?v=1']);
  assert.strictEqual(a, b);
  assert.deepStrictEqual(t, registered('t/0', texts['t/0']));
});

test('a failed fetch falls back to a script tag; file:// uses script tags alone', async () => {
  const texts = Object.fromEntries(files());
  for (const fetchFn of [() => Promise.reject(new TypeError('blocked')), () => Promise.resolve({ ok: false }),
    () => Promise.resolve({ ok: true, text: () => Promise.resolve('<html>') })]) {
    const doc = fakeDoc(texts), ld = doc.loader = new ScriptLoader('https://x/search/', '', doc, fetchFn);
    assert.deepStrictEqual(await ld.load('m/0'), registered('m/0', texts['m/0']));
    assert.deepStrictEqual(doc.added, ['https://x/search/m/0.js']);
  }
  let fetched = 0;
  const doc = fakeDoc(texts), ld = doc.loader = new ScriptLoader('file:///srv/site/search/', '', doc, () => { fetched++; });
  assert.deepStrictEqual(await ld.load('d/0'), registered('d/0', texts['d/0']));
  assert.strictEqual(fetched, 0);
  await assert.rejects(ld.load('d/999'), /无法加载索引文件/);
});
