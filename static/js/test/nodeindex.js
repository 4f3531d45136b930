// Test helper: opens an index folder written by search.Write in node.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { Store } = require('../store.js');
const { Engine } = require('../engine.js');

// NodeLoader reads index files from a folder and counts what it loads.
class NodeLoader {
  constructor(dir) { this.dir = dir; this.loaded = []; this.bytes = 0; }
  read(name) {
    const src = fs.readFileSync(path.join(this.dir, name + '.js'), 'utf8');
    this.loaded.push(name);
    this.bytes += Buffer.byteLength(src);
    let payload;
    new Function('djkbSearch', src)({ _register: (n, p) => { if (n === name) payload = p; } });
    return payload;
  }
  load(name) {
    try { return Promise.resolve(this.read(name)); } catch (e) { return Promise.reject(e); }
  }
}

// open returns {engine, store, loader} for an index folder.
function open(dir, opts) {
  const loader = new NodeLoader(dir);
  const store = new Store(loader, loader.read('manifest'));
  return { engine: new Engine(store, opts || { root: '../' }), store, loader };
}

module.exports = { open, NodeLoader };
