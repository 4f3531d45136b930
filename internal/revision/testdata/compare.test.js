// compare.js gives the rows and summary of Go's revision.CompareVersions:
// the cases and Go's answers come from internal/revision's
// TestJSCompareSame (DJKB_COMPARE_CASES).
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const cmp = require("../../../static/js/compare.js");

// hexes writes a sketch's hashes (halves hi, lo) as Go's %016x does.
function hexes(s) {
  const out = [];
  for (let i = 0; i < s.length; i += 2) {
    out.push(s[i].toString(16).padStart(8, "0") + s[i + 1].toString(16).padStart(8, "0"));
  }
  return out;
}

test("compare.js matches revision.CompareVersions", () => {
  const path = process.env.DJKB_COMPARE_CASES;
  assert.ok(path, "DJKB_COMPARE_CASES is not set: run go test ./internal/revision");
  const cases = JSON.parse(fs.readFileSync(path, "utf8"));
  assert.ok(cases.length > 0);
  const bad = [];
  for (const c of cases) {
    const got = cmp.compare(c.old, c.new);
    const v = new cmp.Version(c.old);
    const prints = c.old.map((_, i) => ({ bytes: v.bytes[i], pairs: v.print(i).pairs, shared: cmp.mostShared(v.print(0), v.print(i)), sketch: hexes(v.print(i).sketch) }));
    try {
      assert.deepStrictEqual(hexes(v.whole), c.whole);
      assert.deepStrictEqual(prints, c.prints || []);
      assert.strictEqual(got.sum, c.sum);
      assert.deepStrictEqual(got.rows, c.rows);
    } catch (e) {
      bad.push(c.name + ": " + e.message.slice(0, 1500));
    }
  }
  assert.deepStrictEqual(bad.slice(0, 3), [], bad.length + " of " + cases.length + " cases differ");
});
