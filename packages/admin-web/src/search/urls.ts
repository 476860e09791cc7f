/** The search page showing what matched `query`. */
export function searchUrl(query: string): string {
  const q = query.trim();
  return q ? `/?${new URLSearchParams({ q }).toString()}` : '/';
}
