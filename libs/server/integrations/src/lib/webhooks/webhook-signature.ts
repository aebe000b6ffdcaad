import { createHmac, timingSafeEqual } from 'node:crypto';

/** The value of X-Hotline-Signature: `sha256=` and the hex HMAC-SHA256 of the exact body bytes with the secret. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** What a receiver does (and the tests): recompute and compare in constant time. */
export function verifySignature(secret: string, body: string, header: string | undefined): boolean {
  if (!header) return false;
  const a = Buffer.from(signBody(secret, body));
  const b = Buffer.from(header);
  return a.length === b.length && timingSafeEqual(a, b);
}
