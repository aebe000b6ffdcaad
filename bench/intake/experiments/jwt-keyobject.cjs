'use strict';
// Experiment (not the shipped app): hand jsonwebtoken a KeyObject instead of the JWT_SECRET string.
// jsonwebtoken 9 verify() first tries createPublicKey(secret) on a string secret, which throws for an HMAC
// secret, and only then createSecretKey(); a KeyObject skips both. This preload wraps verify/sign to cache
// one KeyObject per secret, which is what `secret: createSecretKey(Buffer.from(JWT_SECRET))` in the
// JwtModule options would do.  Use:  node bench/intake/run.mjs --api-preload bench/intake/experiments/jwt-keyobject.cjs
const { createSecretKey } = require('node:crypto');
const jwt = require(require.resolve('jsonwebtoken', { paths: [require.resolve('@nestjs/jwt', { paths: [process.cwd()] })] }));
const keys = new Map();
const asKey = (s) => {
  if (typeof s !== 'string' && !Buffer.isBuffer(s)) return s;
  const k = String(s);
  if (!keys.has(k)) keys.set(k, createSecretKey(Buffer.from(s)));
  return keys.get(k);
};
const { verify, sign } = jwt;
jwt.verify = (token, secret, ...rest) => verify.call(jwt, token, asKey(secret), ...rest);
jwt.sign = (payload, secret, ...rest) => sign.call(jwt, payload, asKey(secret), ...rest);
