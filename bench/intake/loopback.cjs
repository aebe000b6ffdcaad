'use strict';
// Preloaded into the API by run.mjs: the bench stays on loopback, but apps/api/src/main.ts listens on
// 0.0.0.0; this turns a listen on "all interfaces" (0.0.0.0, ::, or no host) into 127.0.0.1.
// It only changes where the socket binds, nothing the app does per request.
const net = require('node:net');
const ANY = new Set([undefined, null, '', '0.0.0.0', '::']);
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const [first] = args;
  if (first && typeof first === 'object' && !Array.isArray(first) && first.port != null && first.path == null && ANY.has(first.host)) {
    args[0] = { ...first, host: '127.0.0.1', ipv6Only: false };
  } else if ((typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) && (typeof args[1] !== 'string' || ANY.has(args[1]))) {
    if (typeof args[1] === 'string') args[1] = '127.0.0.1';
    else args.splice(1, 0, '127.0.0.1');
  }
  return listen.apply(this, args);
};
