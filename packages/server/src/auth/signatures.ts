import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  // Compare equal-length buffers only; the length itself is public (a hex digest's).
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * `sha256=<hex HMAC-SHA256 of the raw body>`, the `X-Oms-Signature` of every signed message both ways (docs/api.md):
 * warehouse callbacks and dispatches, refunds to payment channels and their answers.
 */
export function hmacSignature(body: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** True when `header` is the signature of `body` with `secret`; constant time in the content. */
export function verifyHmacSignature(body: Buffer, secret: string, header: string | undefined): boolean {
  return typeof header === 'string' && sameText(header.trim(), hmacSignature(body, secret));
}

/** Kuaidi100's `sign`: upper-case hex MD5 of `param` + salt. */
export function kuaidi100Sign(param: string, salt: string): string {
  return createHash('md5')
    .update(param + salt)
    .digest('hex')
    .toUpperCase();
}

/** True when `sign` is Kuaidi100's signature of `param`; constant time in the content. */
export function verifyKuaidi100Sign(param: string, salt: string, sign: string | undefined): boolean {
  return typeof sign === 'string' && sameText(sign.trim().toUpperCase(), kuaidi100Sign(param, salt));
}

/** True when `header` is `Bearer <token>`; constant time in the content (both sides hashed to one length first). */
export function verifyBearerToken(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (given === undefined) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}
