// The demo's JWT secret: random, made once per install and kept in a git-ignored file, so that no token signed
// with a secret printed in the source (AppConfig's development default) is ever accepted by a running demo.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

export const DEMO_SECRET_FILE = '.demo-secret';

/** JWT_SECRET from the environment if set; otherwise the one in `file`, made on first use (readable by the owner only). */
export function demoSecret(env = process.env, file = DEMO_SECRET_FILE) {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  }
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
