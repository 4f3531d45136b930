/* djkb search: loads index files. Each file is a script that calls
 * djkbSearch._register(name, payload); a <script> tag works over HTTP and
 * from file:// alike, where fetch, modules and WebAssembly do not. */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else (root.djkbSearch = root.djkbSearch || {}).loader = factory();
})(this, function () {
  'use strict';

  // ScriptLoader loads "<base><name>.js<suffix>" with script tags.
  function ScriptLoader(base, suffix, doc) {
    this.base = base;
    this.suffix = suffix || '';
    this.doc = doc || document;
    this.data = {};
    this.waiting = {};
  }

  // register is called by a loaded file.
  ScriptLoader.prototype.register = function (name, payload) {
    this.data[name] = payload;
  };

  // load resolves to the payload of file name.
  ScriptLoader.prototype.load = function (name) {
    var self = this;
    if (Object.prototype.hasOwnProperty.call(this.data, name)) return Promise.resolve(this.data[name]);
    if (this.waiting[name]) return this.waiting[name];
    var p = new Promise(function (resolve, reject) {
      var s = self.doc.createElement('script');
      s.async = true;
      s.onload = function () {
        delete self.waiting[name];
        s.parentNode.removeChild(s);
        if (Object.prototype.hasOwnProperty.call(self.data, name)) resolve(self.data[name]);
        else reject(new Error('索引文件内容有误：' + name));
      };
      s.onerror = function () {
        delete self.waiting[name];
        s.parentNode.removeChild(s);
        reject(new Error('无法加载索引文件：' + name));
      };
      s.src = self.base + name + '.js' + self.suffix;
      (self.doc.head || self.doc.documentElement).appendChild(s);
    });
    this.waiting[name] = p;
    return p;
  };

  // forget drops a payload once it has been parsed, to save memory.
  ScriptLoader.prototype.forget = function (name) { delete this.data[name]; };

  return { ScriptLoader: ScriptLoader };
});
