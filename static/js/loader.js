/* djkb search: loads index files. Each file is a script that calls
 * djkbSearch._register(name, payload); a <script> tag works over HTTP and
 * from file:// alike, where fetch, modules and WebAssembly do not. Over HTTP,
 * where the browser has fetch, a file is fetched and its payload parsed as
 * JSON instead: the browser spends less on each file that way (a warm query
 * reads several), and the script tag remains for everything else. */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else (root.djkbSearch = root.djkbSearch || {}).loader = factory();
})(this, function () {
  'use strict';

  var has = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };

  // ScriptLoader loads "<base><name>.js<suffix>". fetchFn is the browser's
  // fetch, used when base is an http(s) URL; without it, script tags.
  function ScriptLoader(base, suffix, doc, fetchFn) {
    this.base = base;
    this.suffix = suffix || '';
    this.doc = doc || document;
    this.fetchFn = /^https?:/i.test(base) && typeof fetchFn === 'function' ? fetchFn : null;
    this.data = {};
    this.waiting = {};
  }

  // register is called by a loaded file.
  ScriptLoader.prototype.register = function (name, payload) {
    this.data[name] = payload;
  };

  // payloadOf returns the payload of the text of index file name, or throws
  // when the text is not what Write makes of that file.
  function payloadOf(text, name) {
    var head = 'djkbSearch._register(' + JSON.stringify(name) + ',', end = text.lastIndexOf(')');
    if (text.lastIndexOf(head, 0) !== 0 || end < head.length) throw new Error('索引文件内容有误：' + name);
    return JSON.parse(text.slice(head.length, end));
  }

  // load resolves to the payload of file name.
  ScriptLoader.prototype.load = function (name) {
    var self = this;
    if (has(this.data, name)) return Promise.resolve(this.data[name]);
    if (this.waiting[name]) return this.waiting[name];
    var url = this.base + name + '.js' + this.suffix;
    var p = this.fetchFn ? this.fetched(url, name).catch(function () { return self.tag(url, name); }) : this.tag(url, name);
    p = p.then(function (v) { delete self.waiting[name]; return v; }, function (e) { delete self.waiting[name]; throw e; });
    this.waiting[name] = p;
    return p;
  };

  // fetched fetches file name from url and parses its payload.
  ScriptLoader.prototype.fetched = function (url, name) {
    return this.fetchFn.call(null, url).then(function (r) {
      if (!r.ok) throw new Error('无法加载索引文件：' + name);
      return r.text();
    }).then(function (text) { return payloadOf(text, name); });
  };

  // tag loads file name from url with a script tag.
  ScriptLoader.prototype.tag = function (url, name) {
    var self = this;
    return new Promise(function (resolve, reject) {
      var s = self.doc.createElement('script');
      s.async = true;
      s.onload = function () {
        s.parentNode.removeChild(s);
        if (has(self.data, name)) resolve(self.data[name]);
        else reject(new Error('索引文件内容有误：' + name));
      };
      s.onerror = function () {
        s.parentNode.removeChild(s);
        reject(new Error('无法加载索引文件：' + name));
      };
      s.src = url;
      (self.doc.head || self.doc.documentElement).appendChild(s);
    });
  };

  // forget drops a payload once it has been parsed, to save memory.
  ScriptLoader.prototype.forget = function (name) { delete this.data[name]; };

  return { ScriptLoader: ScriptLoader, payloadOf: payloadOf };
});
