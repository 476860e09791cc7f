/** The login page, coming back to `next` afterwards. */
export function loginUrl(next?: string): string {
  return next && next !== '/' ? `/login?${new URLSearchParams({ next }).toString()}` : '/login';
}

/**
 * Where to go after signing in: `next` when it is a path of this console, else the search page. Anything that
 * could leave the site (`//host`, `https:…`, `/\host`) is refused.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?')) return '/';
  return next;
}
