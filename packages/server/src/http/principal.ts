import type { Request } from 'express';
import type { Principal } from '../auth/principal.js';
import type { Services } from '../services/index.js';
import { readCookie, SESSION_COOKIE } from './cookies.js';

/**
 * Who sent the request: `Authorization: Bearer <session token>` (scripts), `Authorization: ApiKey <key>`
 * (integration clients) or the console's session cookie. An unknown credential is anonymous.
 */
export async function principalOf(request: Request, services: Services): Promise<Principal> {
  const authorization = request.headers.authorization?.trim();
  if (authorization) {
    const [scheme, value] = authorization.split(/\s+/, 2);
    if (!value) return null;
    if (scheme?.toLowerCase() === 'bearer') return services.sessions.resolve(value);
    if (scheme?.toLowerCase() === 'apikey') return services.sessions.resolveApiKey(value);
    return null;
  }
  const token = readCookie(request.headers.cookie, SESSION_COOKIE);
  return token ? services.sessions.resolve(token) : null;
}
