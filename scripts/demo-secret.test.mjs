// node --test scripts/demo-secret.test.mjs
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { demoSecret } from './demo-secret.mjs';

test('makes a random secret once, keeps it owner-only, and reuses it', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'demo-secret-')), '.demo-secret');
  const first = demoSecret({}, file);
  assert.match(first, /^[A-Za-z0-9_-]{43}$/);
  assert.doesNotMatch(first, /dev-only/);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.equal(readFileSync(file, 'utf8').trim(), first);
  assert.equal(demoSecret({}, file), first);
  const other = join(mkdtempSync(join(tmpdir(), 'demo-secret-')), '.demo-secret');
  assert.notEqual(demoSecret({}, other), first);
});

test('JWT_SECRET from the environment wins', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'demo-secret-')), '.demo-secret');
  assert.equal(demoSecret({ JWT_SECRET: 'set-by-the-operator-0123456789' }, file), 'set-by-the-operator-0123456789');
});
