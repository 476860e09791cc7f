/** The console's session cookie. */
export const SESSION_COOKIE = 'oms_session';

/** The value of one cookie from a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * A Set-Cookie value for the session: HttpOnly, SameSite=Strict, Path=/, expiring with the session's absolute limit;
 * Secure over HTTPS (directly or behind a proxy on loopback that says so) and always in production; null clears it.
 */
export function sessionCookie(token: string | null, expiresAt: Date | undefined, secure: boolean): string {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])];
  if (token === null) return [`${SESSION_COOKIE}=`, 'Max-Age=0', ...attributes].join('; ');
  const expiry = expiresAt ? [`Expires=${expiresAt.toUTCString()}`] : [];
  return [`${SESSION_COOKIE}=${encodeURIComponent(token)}`, ...expiry, ...attributes].join('; ');
}
