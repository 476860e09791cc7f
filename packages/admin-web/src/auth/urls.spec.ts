import { describe, expect, it } from 'vitest';
import { loginUrl, safeNext } from './urls';

describe('login redirects', () => {
  it('carries the page asked for', () => {
    expect(loginUrl('/orders?status=PAID')).toBe('/login?next=%2Forders%3Fstatus%3DPAID');
    expect(loginUrl('/')).toBe('/login');
  });

  it('comes back only to paths of this console', () => {
    expect(safeNext('/orders?status=PAID')).toBe('/orders?status=PAID');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('/login?next=/orders')).toBe('/');
  });
});
