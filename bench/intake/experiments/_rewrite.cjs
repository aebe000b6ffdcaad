'use strict';
// Shared helper of the experiments: rewrites the text of dist/apps/api/main.js in memory as Node loads it,
// so a proposed change can be measured without editing the app's source. Every replacement must match
// exactly once, or the API refuses to start (an experiment must never silently measure nothing).
const Module = require('node:module');
const KEY = Symbol.for('hotline.bench.rewrites');
const rewrites = (globalThis[KEY] ??= []);

if (!Module[KEY]) {
  Module[KEY] = true;
  const load = Module._extensions['.js'];
  Module._extensions['.js'] = function (module, filename) {
    if (!/dist[\\/]apps[\\/]api[\\/]main\.js$/.test(filename) || !rewrites.length) return load(module, filename);
    let src = require('node:fs').readFileSync(filename, 'utf8');
    for (const { name, from, to } of rewrites) {
      const n = src.split(from).length - 1;
      if (n !== 1) throw new Error(`experiment ${name}: expected the text to replace exactly once in ${filename}, found ${n} times — the build changed; update the experiment`);
      src = src.replace(from, () => to);
    }
    module._compile(src, filename);
  };
}

exports.addRewrite = (name, from, to) => rewrites.push({ name, from, to });
