/** The migrated template every test database is cloned from. */
export const TEMPLATE_DATABASE = 'oms_test_template';

/** The same server's maintenance database (where CREATE DATABASE runs). */
export function adminUrlFor(url: string): string {
  return databaseUrl(url, 'postgres');
}

/** `url` pointing at another database on the same server. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
