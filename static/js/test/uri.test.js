// Tests of uri.js: encoding and decoding URI components never throws, lone
// surrogates and escapes that are not UTF-8 become U+FFFD, and everything
// else goes through unchanged.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const uri = require('../uri.js');

const wellFormed = (s) => { try { encodeURIComponent(s); return true; } catch (e) { return false; } };

// randomizer returns a function that strings n pieces drawn from pieces,
// seeded so that a failure repeats.
function randomizer(seed) {
  let x = seed;
  return (pieces, n) => {
    let s = '';
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      s += pieces[x % pieces.length];
    }
    return s;
  };
}

test('a lone surrogate is encoded as U+FFFD', () => {
  assert.strictEqual(uri.encode('\uD83D党建'), '%EF%BF%BD%E5%85%9A%E5%BB%BA');
  assert.strictEqual(uri.encode('a\uDC00'), 'a%EF%BF%BD');
  assert.strictEqual(uri.encode('\uDC00\uD83D'), '%EF%BF%BD%EF%BF%BD');
  assert.strictEqual(uri.encode('👍 党建'), encodeURIComponent('👍 党建'));
});

test('an escape that is not UTF-8 is decoded as U+FFFD, the rest as usual', () => {
  assert.strictEqual(uri.decode('%ED%A0%BD%E5%85%9A%E5%BB%BA'), '\uFFFD\uFFFD\uFFFD党建');
  assert.strictEqual(uri.decode('%E5%85+%E5%BB%BA'), '\uFFFD\uFFFD 建');
  assert.strictEqual(uri.decode('100%+%ZZ%E5'), '100% %ZZ\uFFFD');
  assert.strictEqual(uri.decode('%F0%9F%91%8D%80'), '👍\uFFFD');
  assert.strictEqual(uri.decode('a+b%2B%E4%B8%89'), 'a b+三');
});

test('encoding and decoding round-trip any string, made well-formed', () => {
  const random = randomizer(7);
  const pieces = ['a', ' ', '+', '%', '&', '=', '党', '\uD83D', '\uDC4D', '\uD83D\uDC4D', '\uDBFF', '\uDFFF', '\uFFFD'];
  for (let i = 0; i < 2000; i++) {
    const s = random(pieces, i % 12);
    const w = uri.wellFormed(s);
    assert.ok(wellFormed(w), JSON.stringify(s));
    if (wellFormed(s)) assert.strictEqual(w, s);
    assert.strictEqual(w.length, s.length);
    assert.strictEqual(uri.decode(uri.encode(s)), w, JSON.stringify(s));
  }
});

test('decoding never throws and agrees with decodeURIComponent where that decodes', () => {
  const random = randomizer(11);
  const pieces = ['%', '%E5', '%85', '%9A', '%ED', '%A0', '%F0', '%9F', '%8D', '%C0', '%AE', '%41', '%2', 'Z', 'b', '党'];
  for (let i = 0; i < 4000; i++) {
    const s = random(pieces, i % 10);
    const got = uri.decode(s);
    assert.ok(wellFormed(got), JSON.stringify(s));
    let want;
    try { want = decodeURIComponent(s); } catch (e) { continue; }
    assert.strictEqual(got, want, JSON.stringify(s));
  }
});
