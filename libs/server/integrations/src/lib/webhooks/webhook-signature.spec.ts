import { signBody, verifySignature } from './webhook-signature';

describe('webhook signature', () => {
  it('is the HMAC-SHA256 of the body, hex, after sha256=', () => {
    // echo -n '{"a":1}' | openssl dgst -sha256 -hmac secret
    expect(signBody('secret', '{"a":1}')).toBe('sha256=aa9e2e3575f5d7098b6caccd790888c36d5fdb63342a73bada2d6a51747a8494');
  });

  it('verifies only the same body with the same secret', () => {
    const sig = signBody('s3cret', 'body');
    expect(verifySignature('s3cret', 'body', sig)).toBe(true);
    expect(verifySignature('s3cret', 'body ', sig)).toBe(false);
    expect(verifySignature('other', 'body', sig)).toBe(false);
    expect(verifySignature('s3cret', 'body', undefined)).toBe(false);
  });
});
