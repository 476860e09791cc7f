import type { Request, Response } from 'express';
import { verifyHmacSignature } from '../../auth/signatures.js';

/**
 * The JSON body of a webhook signed `X-Oms-Signature` with `secret` over the raw bytes (docs/api.md: warehouses and
 * payment channels sign alike), or null once it has answered: 401 for a bad or missing signature or no secret to check
 * it with (checked first, in constant time), 400 for a body that is not JSON. Nothing is read or changed before that.
 */
export function signedJsonBody(
  req: Request,
  res: Response,
  secret: string | null | undefined,
): object | null {
  const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (!secret || !verifyHmacSignature(body, secret, req.get('x-oms-signature'))) {
    res.status(401).json({ ok: false, error: 'bad signature' });
    return null;
  }
  try {
    return JSON.parse(body.toString('utf8')) as object;
  } catch {
    res.status(400).json({ ok: false, error: 'body is not JSON' });
    return null;
  }
}
